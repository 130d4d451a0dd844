using DirectusSync.Upgrade.Connection;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Processes;
using DirectusSync.Upgrade.Providers;
using DirectusSync.Upgrade.Upgrade;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace DirectusSync.IntegrationTests.Upgrade;

/// <summary>
/// What the upgrade tests share: a configuration and some content put on an instance, the repository's
/// dump pulled from it, an upgrade of it, and the reads that show what the upgrade kept.
/// </summary>
public sealed class UpgradeScenario(DirectusConnection connection, ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    /// <summary>The sample configuration (unique names).</summary>
    public SampleConfiguration? Sample { get; private set; }

    /// <summary>The repository's dump.</summary>
    public string DumpPath => _temp.Combine("repository", "directus-config");

    /// <summary>Where backups and the report go.</summary>
    public string WorkPath => _temp.Path;

    /// <summary>The report's path.</summary>
    public string ReportPath => _temp.Combine("upgrade-report.md");

    /// <summary>Creates the sample's schema, system items and two authors with an article, then pulls the repository's dump.</summary>
    public async Task PrepareAsync(bool customPermissionRules)
    {
        using var client = connection.CreateClient();
        Sample = new SampleConfiguration(client, SampleConfiguration.NewSuffix());
        await Sample.CreateSchemaAsync();
        await Sample.CreateSystemItemsAsync(customPermissionRules);
        var ada = await client.PostAsync($"/items/{Sample.Authors}", JObject.FromObject(new { name = "Ada" }));
        await client.PostAsync($"/items/{Sample.Authors}", JObject.FromObject(new { name = "Grace" }));
        await client.PostAsync($"/items/{Sample.Articles}", JObject.FromObject(new { title = "Upgrading Directus", status = "published", author = ada!["id"] }));
        await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = DumpPath });
    }

    /// <summary>An upgrade of the instance to <paramref name="target"/> through <paramref name="provider"/>.</summary>
    public DirectusUpgrade Upgrade(string target, IDirectusProvider provider, DatabaseLocation? database, DirectusConnection? through = null,
        bool pushPending = false, DirectusSync.Core.Workflow.DeletionConsent? pushConsent = null, bool acceptNoDatabaseBackup = false) =>
        new(new UpgradeOptions
        {
            Connection = through ?? connection,
            DumpPath = DumpPath,
            TargetVersion = DirectusVersion.Parse(target),
            BackupRoot = WorkPath,
            ReportPath = ReportPath,
            Database = database,
            AcceptNoDatabaseBackup = acceptNoDatabaseBackup,
            ReadyTimeout = TimeSpan.FromMinutes(3),
            PushPending = pushPending,
            PushConsent = pushConsent ?? DirectusSync.Core.Workflow.DeletionConsent.None,
        }, provider, new ProcessCommandRunner(), new TestOutputSyncLog(output));

    /// <summary>Pulls the instance into a new folder and returns its collection and snapshot files.</summary>
    public async Task<SortedDictionary<string, string>> PullAsync(string name)
    {
        using var client = connection.CreateClient();
        var path = _temp.Combine(name);
        await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = path });
        return DumpComparer.Read(path);
    }

    /// <summary>The sample's content: every author and article, without the fields Directus stamps.</summary>
    public async Task<string> ContentAsync()
    {
        using var client = connection.CreateClient();
        var authors = await client.GetAsync($"/items/{Sample!.Authors}?sort=id&fields=id,name");
        var articles = await client.GetAsync($"/items/{Sample.Articles}?sort=title&fields=id,title,status,author");
        return new JObject { ["authors"] = authors, ["articles"] = articles }.ToString();
    }

    /// <summary>The server's version.</summary>
    public async Task<string> VersionAsync()
    {
        using var client = connection.CreateClient();
        return (await new DirectusServer(client).GetInfoAsync()).Version.ToString();
    }

    /// <summary>The report, printed to the test output as well.</summary>
    public string Report()
    {
        var report = File.ReadAllText(ReportPath);
        output.WriteLine(report);
        return report;
    }

    /// <inheritdoc />
    public void Dispose() => _temp.Dispose();
}
