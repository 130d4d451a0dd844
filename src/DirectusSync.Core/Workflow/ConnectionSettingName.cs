namespace DirectusSync.Core.Workflow;

/// <summary>The four connection settings every front end reads.</summary>
public enum ConnectionSettingName
{
    /// <summary>The base URL (DIRECTUS_URL).</summary>
    Url,

    /// <summary>A static token (DIRECTUS_TOKEN); it wins over a login.</summary>
    Token,

    /// <summary>The admin e-mail (DIRECTUS_ADMIN_EMAIL).</summary>
    Email,

    /// <summary>The admin password (DIRECTUS_ADMIN_PASSWORD).</summary>
    Password,
}
