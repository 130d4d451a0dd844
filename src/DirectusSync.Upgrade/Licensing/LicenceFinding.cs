namespace DirectusSync.Upgrade.Licensing;

/// <summary>One Core limit the configuration exceeds, and what would be lost to it.</summary>
/// <param name="Entitlement">The entitlement: custom_permission_rules, collections, flows or seats.</param>
/// <param name="Summary">What exceeds it, in one sentence.</param>
/// <param name="Items">What would be lost or deactivated, one entry per item.</param>
public sealed record LicenceFinding(string Entitlement, string Summary, IReadOnlyList<string> Items);
