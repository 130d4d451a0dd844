namespace DirectusSync.Cake.Settings;

/// <summary>Settings of <c>DirectusSyncPull</c>.</summary>
public sealed class DirectusSyncPullSettings : DirectusSyncSettings;
