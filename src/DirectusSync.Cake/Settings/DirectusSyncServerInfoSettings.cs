namespace DirectusSync.Cake.Settings;

/// <summary>Settings of <c>DirectusSyncServerInfo</c>.</summary>
public sealed class DirectusSyncServerInfoSettings : DirectusConnectionSettings;
