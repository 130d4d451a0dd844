namespace DirectusSync.Core.Transport;

/// <summary>
/// How to authenticate against Directus: a static token, an admin e-mail and password, or not at all
/// (<see cref="Anonymous"/>, for the public routes a server answers before anyone can log in).
/// The secret never appears in <see cref="ToString"/>, so logging a credentials object is safe.
/// </summary>
public sealed class DirectusCredentials
{
    private DirectusCredentials(string? token, string? email, string? password)
    {
        Token = token;
        Email = email;
        Password = password;
    }

    /// <summary>The static (or access) token sent as a bearer token, if any.</summary>
    public string? Token { get; }

    /// <summary>The admin e-mail used to log in when no token is given.</summary>
    public string? Email { get; }

    /// <summary>The admin password used to log in when no token is given.</summary>
    public string? Password { get; }

    /// <summary>
    /// No authentication: requests carry no token and nothing logs in. For the public routes (<c>/server/ping</c>,
    /// anonymous <c>/server/health</c>) a server that is still starting answers.
    /// </summary>
    public static DirectusCredentials Anonymous { get; } = new(null, null, null);

    /// <summary>True when requests are sent without authentication (<see cref="Anonymous"/>).</summary>
    public bool IsAnonymous => Token is null && Email is null;

    /// <summary>True when the client logs in with <see cref="Email"/> and <see cref="Password"/> (and may log in again).</summary>
    public bool IsLogin => Email is not null;

    /// <summary>Authenticate with a static token.</summary>
    public static DirectusCredentials FromToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return new DirectusCredentials(token, null, null);
    }

    /// <summary>Authenticate by logging in; the access token is refreshed before it expires.</summary>
    public static DirectusCredentials FromLogin(string email, string password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(password);
        return new DirectusCredentials(null, email, password);
    }

    /// <inheritdoc />
    public override string ToString() => Token is not null ? "token ***" : IsAnonymous ? "anonymous" : $"login {Email} / ***";
}
