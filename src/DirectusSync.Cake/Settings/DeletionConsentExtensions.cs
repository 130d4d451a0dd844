using DirectusSync.Core.Workflow;

namespace DirectusSync.Cake.Settings;

/// <summary>Fluent consents of the push and restore aliases (the CLI's --allow-deletes and --allow-schema-deletes).</summary>
public static class DeletionConsentExtensions
{
    /// <summary>Lets a mirror push delete items beyond what the deletion guard lets through (--allow-deletes).</summary>
    public static DirectusSyncPushSettings WithAllowDeletes(this DirectusSyncPushSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Consent = settings.Consent with { Items = true };
        return settings;
    }

    /// <summary>Lets a mirror push drop collections (with their rows), fields and relations the dump lacks (--allow-schema-deletes).</summary>
    public static DirectusSyncPushSettings WithAllowSchemaDeletes(this DirectusSyncPushSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Consent = settings.Consent with { Schema = true };
        return settings;
    }

    /// <summary>Lets the restore push delete items beyond what the deletion guard lets through.</summary>
    public static DirectusSyncRestoreSettings WithAllowDeletes(this DirectusSyncRestoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Consent = settings.Consent with { Items = true };
        return settings;
    }

    /// <summary>Lets the restore push drop collections, fields and relations the backup lacks.</summary>
    public static DirectusSyncRestoreSettings WithAllowSchemaDeletes(this DirectusSyncRestoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Consent = settings.Consent with { Schema = true };
        return settings;
    }
}
