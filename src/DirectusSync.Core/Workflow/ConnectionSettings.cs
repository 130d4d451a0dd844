using DirectusSync.Core.Transport;

namespace DirectusSync.Core.Workflow;

/// <summary>
/// Where Directus is and how to log in, each value with where it came from (<see cref="SettingValue.Origin"/>).
/// <see cref="ToString"/> never shows the token or the password.
/// </summary>
public sealed record ConnectionSettings
{
    /// <summary>The base URL.</summary>
    public SettingValue? Url { get; init; }

    /// <summary>A static token; it wins over e-mail and password.</summary>
    public SettingValue? Token { get; init; }

    /// <summary>The admin e-mail.</summary>
    public SettingValue? Email { get; init; }

    /// <summary>The admin password.</summary>
    public SettingValue? Password { get; init; }

    /// <summary>Where the URL came from ("nowhere" when unset).</summary>
    public string UrlOrigin => Url?.Origin ?? "nowhere";

    /// <summary>Where the credentials in use came from: the token's origin, else the e-mail's (or the password's).</summary>
    public string CredentialsOrigin => (Token ?? Email ?? Password)?.Origin ?? "nowhere";

    /// <summary>True when a URL and credentials are set (the URL may still be invalid).</summary>
    public bool IsComplete => Url is not null && (Token is not null || (Email is not null && Password is not null));

    /// <summary>The secret values in use (token, password), for front ends that mask their output.</summary>
    public IReadOnlyList<string> Secrets => new[] { Token?.Value, Password?.Value }.OfType<string>().ToList();

    /// <summary>The URL, when it is set and an absolute http(s) URL.</summary>
    public Uri? ParsedUrl =>
        Url is not null && Uri.TryCreate(Url.Value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : null;

    /// <summary>The credentials (a token wins), or null when they are incomplete.</summary>
    public DirectusCredentials? Credentials => Token is not null
        ? DirectusCredentials.FromToken(Token.Value)
        : Email is not null && Password is not null ? DirectusCredentials.FromLogin(Email.Value, Password.Value) : null;

    /// <summary>The problem with the URL, if any.</summary>
    public ConnectionProblem? UrlProblem => Url is null
        ? new ConnectionProblem(ConnectionProblemKind.MissingUrl, null)
        : ParsedUrl is null ? new ConnectionProblem(ConnectionProblemKind.InvalidUrl, Url) : null;

    /// <summary>The problem with the credentials, if any.</summary>
    public ConnectionProblem? CredentialsProblem => (Token, Email, Password) switch
    {
        (not null, _, _) or (null, not null, not null) => null,
        (null, not null, null) => new ConnectionProblem(ConnectionProblemKind.MissingPassword, Email),
        (null, null, not null) => new ConnectionProblem(ConnectionProblemKind.MissingEmail, Password),
        _ => new ConnectionProblem(ConnectionProblemKind.MissingCredentials, null),
    };

    /// <summary>Every problem, URL first; empty when a client can be made.</summary>
    public IReadOnlyList<ConnectionProblem> Problems => new[] { UrlProblem, CredentialsProblem }.OfType<ConnectionProblem>().ToList();

    /// <inheritdoc />
    public override string ToString() =>
        $"{Url?.Value ?? "(no URL)"} with {(Token is not null ? "token ***" : Email is not null ? $"login {Email.Value} / ***" : "no credentials")}";
}
