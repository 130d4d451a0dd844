namespace DirectusSync.Cake.Settings;

/// <summary>Fluent consents of the push and restore aliases (the CLI's --allow-deletes and --allow-schema-deletes).</summary>
public static class DeletionConsentExtensions
{
    /// <summary>Lets a mirror push delete items beyond what the deletion guard lets through (--allow-deletes).</summary>
    public static TSettings WithAllowDeletes<TSettings>(this TSettings settings)
        where TSettings : IDeletionConsentSettings
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Consent = settings.Consent with { Items = true };
        return settings;
    }

    /// <summary>Lets a mirror push drop collections (with their rows), fields and relations the dump lacks (--allow-schema-deletes).</summary>
    public static TSettings WithAllowSchemaDeletes<TSettings>(this TSettings settings)
        where TSettings : IDeletionConsentSettings
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Consent = settings.Consent with { Schema = true };
        return settings;
    }
}
