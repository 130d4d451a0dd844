using DirectusSync.Core.Workflow;

namespace DirectusSync.Cake.Settings;

/// <summary>Settings of an alias that pushes (push, restore): what the push may delete beyond the deletion guard's rule.</summary>
public interface IDeletionConsentSettings
{
    /// <summary>The consent (nothing by default).</summary>
    DeletionConsent Consent { get; set; }
}
