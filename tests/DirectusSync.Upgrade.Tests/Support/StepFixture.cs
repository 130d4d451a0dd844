using DirectusSync.Core.Transport;
using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Connection;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Providers;
using DirectusSync.Upgrade.Upgrade;
using NSubstitute;

namespace DirectusSync.Upgrade.Tests.Support;

/// <summary>
/// What a step test needs: options pointing into a temporary folder, a substituted installation, a fake server,
/// a run and a record. Nothing here opens a socket, starts a process or reads the clock.
/// </summary>
public sealed class StepFixture : IDisposable
{
    /// <summary>Creates it: a repository dump folder, Directus 11.17.4 answering, target 12.4.0, a SQLite database configured.</summary>
    public StepFixture()
    {
        Provider.Description.Returns("test installation");
        Provider.InstalledVersionAsync(Arg.Any<CancellationToken>()).Returns((string?)null);
        Directory.CreateDirectory(DumpPath);
        Options = new UpgradeOptions
        {
            Connection = new DirectusConnection(new Uri("http://127.0.0.1:1"), DirectusCredentials.FromToken("token")),
            DumpPath = DumpPath,
            TargetVersion = DirectusVersion.Parse("12.4.0"),
            BackupRoot = Folder.Path,
            ReportPath = Folder.Combine("report.md"),
            Database = new SqliteDatabaseLocation(Folder.Combine("directus", "data.db")),
            Licensed = true,
        };
        Server.MakeBackup = (_, database) => Manifest(withDatabase: database is SqliteDatabaseLocation);
    }

    /// <summary>The temporary folder.</summary>
    public TempFolder Folder { get; } = new();

    /// <summary>The repository's dump.</summary>
    public string DumpPath => Folder.Combine("dump");

    /// <summary>The backup folder the fake server makes.</summary>
    public string BackupDirectory => Folder.Combine("backup-20261127-070000");

    /// <summary>The installation.</summary>
    public IDirectusProvider Provider { get; } = Substitute.For<IDirectusProvider>();

    /// <summary>The server.</summary>
    public FakeUpgradeServer Server { get; } = new();

    /// <summary>The options (change with <c>with</c>).</summary>
    public UpgradeOptions Options { get; set; }

    /// <summary>The run the steps share.</summary>
    public UpgradeRun Run { get; } = new();

    /// <summary>The record of the step under test.</summary>
    public StepRecord Record { get; private set; } = new(UpgradeStep.Preflight, DateTimeOffset.UnixEpoch);

    /// <summary>A record for <paramref name="step"/>.</summary>
    public StepRecord RecordFor(UpgradeStep step) => Record = new StepRecord(step, DateTimeOffset.UnixEpoch);

    /// <summary>The run as it stands after a backup of Directus 11.17.4 with a proven database copy.</summary>
    public StepFixture AfterBackup(bool databaseCopyProven = true)
    {
        Run.CurrentVersion = DirectusVersion.Parse("11.17.4");
        Run.Backup = Manifest(withDatabase: databaseCopyProven);
        Run.DatabaseCopyProven = databaseCopyProven;
        return this;
    }

    /// <summary>A backup folder (created, with backup.json and a dump) as the backup step makes it.</summary>
    public BackupManifest Manifest(bool withDatabase = true)
    {
        Directory.CreateDirectory(Path.Combine(BackupDirectory, "collections"));
        var manifest = new BackupManifest
        {
            Directory = BackupDirectory,
            DirectusVersion = "11.17.4",
            DirectusSyncVersion = "0.1.0",
            CreatedAt = DateTimeOffset.UnixEpoch,
            Url = "http://127.0.0.1:1/",
            Database = withDatabase ? "sqlite" : null,
            DatabaseFile = withDatabase ? "database/data.db" : null,
            DatabaseMethod = withDatabase ? SqliteDatabaseBackup.Method : null,
        };
        manifest.Write();
        return manifest;
    }

    /// <summary>The provider's calls, by name, without the description it is asked for.</summary>
    public IEnumerable<string> ProviderActions() =>
        Provider.ReceivedCalls().Select(c => c.GetMethodInfo().Name).Where(n => n != "get_Description");

    /// <inheritdoc />
    public void Dispose() => Folder.Dispose();
}
