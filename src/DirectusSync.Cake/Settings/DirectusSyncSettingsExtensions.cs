using Cake.Core.IO;
using DirectusSync.Core.Sync;

namespace DirectusSync.Cake.Settings;

/// <summary>Fluent setters for the dump and directus-sync's options, shared by pull, diff, push, backup and upgrade.</summary>
public static class DirectusSyncSettingsExtensions
{
    /// <summary>Sets the dump folder (--dump-path).</summary>
    public static TSettings WithDumpPath<TSettings>(this TSettings settings, DirectoryPath dumpPath)
        where TSettings : DirectusSyncSettings
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(dumpPath);
        settings.DumpPath = dumpPath;
        return settings;
    }

    /// <summary>Syncs only these collections (--only-collections).</summary>
    public static TSettings WithOnlyCollections<TSettings>(this TSettings settings, params string[] collections)
        where TSettings : DirectusSyncSettings =>
        settings.WithOptions(o => o with { OnlyCollections = [.. collections] });

    /// <summary>Leaves these collections out (--exclude-collections).</summary>
    public static TSettings WithExcludedCollections<TSettings>(this TSettings settings, params string[] collections)
        where TSettings : DirectusSyncSettings =>
        settings.WithOptions(o => o with { ExcludeCollections = [.. collections] });

    /// <summary>Leaves the schema snapshot out (--no-snapshot).</summary>
    public static TSettings WithoutSnapshot<TSettings>(this TSettings settings)
        where TSettings : DirectusSyncSettings =>
        settings.WithOptions(o => o with { Snapshot = false });

    /// <summary>Lets Directus diff a snapshot of another version or database vendor (--force).</summary>
    public static TSettings WithForce<TSettings>(this TSettings settings)
        where TSettings : DirectusSyncSettings =>
        settings.WithOptions(o => o with { Force = true });

    /// <summary>Sets the push mode (mirror, merge, add).</summary>
    public static TSettings WithMode<TSettings>(this TSettings settings, PushMode mode)
        where TSettings : DirectusSyncSettings =>
        settings.WithOptions(o => o with { Mode = mode });

    /// <summary>Sets the hooks (C# delegates: onLoad, onSave, onDump, onQuery, snapshot hooks).</summary>
    public static TSettings WithHooks<TSettings>(this TSettings settings, SyncHooks hooks)
        where TSettings : DirectusSyncSettings
    {
        ArgumentNullException.ThrowIfNull(hooks);
        return settings.WithOptions(o => o with { Hooks = hooks });
    }

    /// <summary>Changes any of directus-sync's options.</summary>
    public static TSettings WithOptions<TSettings>(this TSettings settings, Func<SyncOptions, SyncOptions> change)
        where TSettings : DirectusSyncSettings
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(change);
        settings.Options = change(settings.Options);
        return settings;
    }

    /// <summary>Fails the build when the server differs from the dump.</summary>
    public static DirectusSyncDiffSettings FailingOnDrift(this DirectusSyncDiffSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.FailOnDrift = true;
        return settings;
    }

    /// <summary>Shows the values of changed fields (secret-looking ones stay masked), as <c>--show-values</c>.</summary>
    public static DirectusSyncDiffSettings ShowingValues(this DirectusSyncDiffSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.ShowValues = true;
        return settings;
    }

    /// <summary>Makes the backup folder under <paramref name="root"/>.</summary>
    public static DirectusSyncBackupSettings WithBackupRoot(this DirectusSyncBackupSettings settings, DirectoryPath root)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(root);
        settings.BackupRoot = root;
        return settings;
    }

    /// <summary>Copies the database named by the Directus env file's DB_* settings.</summary>
    public static DirectusSyncBackupSettings WithDirectusEnvFile(this DirectusSyncBackupSettings settings, FilePath envFile)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(envFile);
        settings.DirectusEnvFile = envFile;
        return settings;
    }

    /// <summary>Restores the backup in <paramref name="backupPath"/>.</summary>
    public static DirectusSyncRestoreSettings WithBackupPath(this DirectusSyncRestoreSettings settings, DirectoryPath backupPath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(backupPath);
        settings.BackupPath = backupPath;
        return settings;
    }

    /// <summary>Waits at most <paramref name="timeout"/>.</summary>
    public static DirectusSyncWaitReadySettings WithTimeout(this DirectusSyncWaitReadySettings settings, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        settings.Timeout = timeout;
        return settings;
    }
}
