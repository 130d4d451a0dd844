namespace DirectusSync.Cake.Settings;

/// <summary>
/// Where Directus answers and how to log in. Unset values come from the environment variables the
/// directus-sync CLI reads: DIRECTUS_URL, DIRECTUS_TOKEN, DIRECTUS_ADMIN_EMAIL, DIRECTUS_ADMIN_PASSWORD.
/// </summary>
public abstract class DirectusConnectionSettings
{
    /// <summary>The base URL, e.g. http://127.0.0.1:8055 (default: DIRECTUS_URL).</summary>
    public string? Url { get; set; }

    /// <summary>A static admin token (default: DIRECTUS_TOKEN). Prefer the environment variable to a literal in a script.</summary>
    public string? Token { get; set; }

    /// <summary>An admin e-mail, used with <see cref="Password"/> when no token is given (default: DIRECTUS_ADMIN_EMAIL).</summary>
    public string? Email { get; set; }

    /// <summary>The admin password (default: DIRECTUS_ADMIN_PASSWORD).</summary>
    public string? Password { get; set; }

    /// <summary>Time-out of one request (100 s).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
