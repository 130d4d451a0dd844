namespace DirectusSync.Cake.Settings;

/// <summary>Fluent setters for every settings class's connection.</summary>
public static class DirectusConnectionSettingsExtensions
{
    /// <summary>Sets the base URL.</summary>
    public static TSettings WithUrl<TSettings>(this TSettings settings, string url)
        where TSettings : DirectusConnectionSettings
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        settings.Url = url;
        return settings;
    }

    /// <summary>Authenticates with a static admin token.</summary>
    public static TSettings WithToken<TSettings>(this TSettings settings, string token)
        where TSettings : DirectusConnectionSettings
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        settings.Token = token;
        return settings;
    }

    /// <summary>Authenticates by logging in as an admin.</summary>
    public static TSettings WithLogin<TSettings>(this TSettings settings, string email, string password)
        where TSettings : DirectusConnectionSettings
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(password);
        settings.Email = email;
        settings.Password = password;
        return settings;
    }

    /// <summary>Sets the time-out of one request.</summary>
    public static TSettings WithRequestTimeout<TSettings>(this TSettings settings, TimeSpan timeout)
        where TSettings : DirectusConnectionSettings
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        settings.RequestTimeout = timeout;
        return settings;
    }
}
