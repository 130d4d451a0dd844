namespace DirectusSync.Cli.Configuration;

/// <summary>
/// Where Directus is and how to log in, with where each value came from (for error messages).
/// <see cref="ToString"/> never shows the token or password.
/// </summary>
internal sealed record ConnectionSettings
{
    /// <summary>The base URL.</summary>
    public string? Url { get; init; }

    /// <summary>A static token; it wins over e-mail and password.</summary>
    public string? Token { get; init; }

    /// <summary>The admin e-mail.</summary>
    public string? Email { get; init; }

    /// <summary>The admin password.</summary>
    public string? Password { get; init; }

    /// <summary>Where the URL came from (a flag, a variable, a file).</summary>
    public string UrlOrigin { get; init; } = "nowhere";

    /// <summary>Where the credentials came from.</summary>
    public string CredentialsOrigin { get; init; } = "nowhere";

    /// <summary>True when a URL and credentials are set.</summary>
    public bool IsComplete => Url is not null && (Token is not null || (Email is not null && Password is not null));

    /// <inheritdoc />
    public override string ToString() =>
        $"{Url ?? "(no URL)"} with {(Token is not null ? "token ***" : Email is not null ? $"login {Email} / ***" : "no credentials")}";
}
