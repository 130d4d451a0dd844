namespace DirectusSync.Core.Transport;

/// <summary>
/// How to authenticate against Directus: a static token, or an admin e-mail and password.
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
    public override string ToString() => Token is not null ? "token ***" : $"login {Email} / ***";
}
