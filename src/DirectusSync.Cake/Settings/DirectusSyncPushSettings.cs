using DirectusSync.Core.Workflow;

namespace DirectusSync.Cake.Settings;

/// <summary>Settings of <c>DirectusSyncPush</c> (push mode, force and retries are in <see cref="DirectusSyncSettings.Options"/>).</summary>
public sealed class DirectusSyncPushSettings : DirectusSyncSettings, IDeletionConsentSettings
{
    /// <summary>
    /// What a mirror push may delete beyond what the deletion guard lets through (nothing by default):
    /// <c>WithAllowDeletes()</c>, <c>WithAllowSchemaDeletes()</c> (<see cref="DeletionConsentExtensions"/>).
    /// </summary>
    public DeletionConsent Consent { get; set; } = DeletionConsent.None;
}
