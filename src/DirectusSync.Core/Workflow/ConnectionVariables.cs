namespace DirectusSync.Core.Workflow;

/// <summary>The environment variables of the reference CLI (also read from <c>.env</c> by the CLI).</summary>
public static class ConnectionVariables
{
    /// <summary>The base URL.</summary>
    public const string Url = "DIRECTUS_URL";

    /// <summary>A static admin token.</summary>
    public const string Token = "DIRECTUS_TOKEN";

    /// <summary>The admin e-mail.</summary>
    public const string Email = "DIRECTUS_ADMIN_EMAIL";

    /// <summary>The admin password.</summary>
    public const string Password = "DIRECTUS_ADMIN_PASSWORD";

    /// <summary>The variable of <paramref name="setting"/>; <paramref name="tokenVariable"/> replaces DIRECTUS_TOKEN when given.</summary>
    public static string For(ConnectionSettingName setting, string? tokenVariable = null) => setting switch
    {
        ConnectionSettingName.Url => Url,
        ConnectionSettingName.Token => string.IsNullOrWhiteSpace(tokenVariable) ? Token : tokenVariable.Trim(),
        ConnectionSettingName.Email => Email,
        ConnectionSettingName.Password => Password,
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, null),
    };
}
