namespace DirectusSync.Cake.Settings;

/// <summary>Settings of <c>DirectusSyncPush</c> (push mode, force and retries are in <see cref="DirectusSyncSettings.Options"/>).</summary>
public sealed class DirectusSyncPushSettings : DirectusSyncSettings;
