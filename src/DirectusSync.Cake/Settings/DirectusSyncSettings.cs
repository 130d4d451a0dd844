using Cake.Core.IO;
using DirectusSync.Core.Sync;

namespace DirectusSync.Cake.Settings;

/// <summary>The settings every sync alias shares: the connection, the dump folder and directus-sync's options.</summary>
public abstract class DirectusSyncSettings : DirectusConnectionSettings
{
    /// <summary>The dump folder (./directus-config), relative to Cake's working directory.</summary>
    public DirectoryPath? DumpPath { get; set; }

    /// <summary>
    /// directus-sync's options (collections, snapshot, split, specs, preserve ids, hooks, force…); their
    /// <see cref="SyncOptions.DumpPath"/> is replaced by <see cref="DumpPath"/>.
    /// </summary>
    public SyncOptions Options { get; set; } = new();
}
