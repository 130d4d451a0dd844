using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Processes;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Upgrade;

/// <summary>
/// The database copy the upgrade will not stop Directus without, on a real Directus that keeps being
/// written during the copy: SQLite and PostgreSQL 15 (the sandbox's DX_DB=pg). The copy restores
/// elsewhere with the live row counts of its moment; a restore that fails leaves the live database as it
/// was; a restore that succeeds gives back exactly the copy's rows.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class DatabaseCopyTests
{
    private static readonly string Script = Path.Combine(RepositoryRoot.Path, "build", "sandbox", "directus.sh");

    [Theory]
    [InlineData("sqlite")]
    [InlineData("pg")]
    public async Task Should_copy_a_database_being_written_and_restore_it_only_whole_When_Directus_runs_on_it(string kind)
    {
        // Given: a running Directus whose folders are written while the copy is made
        var name = $"dbcopy-{kind}-{SampleConfiguration.NewSuffix()}";
        await using var instance = await DirectusInstance.StartAsync(name, "11.17.4", kind);
        using var temp = new TempFolder();
        var runner = new ProcessCommandRunner();
        var location = DirectusEnvFile.Read(Path.Combine(instance.InstanceDirectory, ".env")).Database();
        var backup = DatabaseBackups.For(location, runner);
        using var client = instance.CreateClient();
        await AddFoldersAsync(client, 3);
        using var stopWriting = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stopWriting.IsCancellationRequested)
            {
                await AddFoldersAsync(client, 1);
                Interlocked.Increment(ref written);
            }
        });
        await WaitForWritesAsync(() => Volatile.Read(ref written), 1);

        // When: copied and proven while the writes go on
        var copy = await backup.BackupAsync(temp.Combine("backup"));
        var proof = await backup.VerifyAsync(copy);
        var restorable = await backup.CheckRestorableAsync();
        await WaitForWritesAsync(() => Volatile.Read(ref written), Volatile.Read(ref written) + 1);
        await stopWriting.CancelAsync();
        await writer;

        // Then
        var folders = copy.RowCounts.Single(c => c.Key.EndsWith("directus_folders", StringComparison.Ordinal)).Value;
        folders.Should().BeGreaterThanOrEqualTo(3);
        (await CountFoldersAsync(client)).Should().BeGreaterThan(folders, "the writes went on after the copy's snapshot");
        proof.Should().Contain("row counts");
        restorable.Should().NotBeNullOrEmpty();

        // Given: Directus stopped, and a copy damaged since the backup
        await runner.RunCheckedAsync(new CommandLine("bash", [Script, "down", name]));
        var liveBefore = await LiveDatabase.RowCountsAsync(location, runner);
        var damaged = copy with { FilePath = temp.Combine("damaged", Path.GetFileName(copy.FilePath)) };
        Directory.CreateDirectory(Path.GetDirectoryName(damaged.FilePath)!);
        var bytes = await File.ReadAllBytesAsync(copy.FilePath);
        await File.WriteAllBytesAsync(damaged.FilePath, bytes[..(bytes.Length / 2)]);

        // When
        var failed = () => backup.RestoreAsync(damaged);

        // Then: the live database is exactly as it was
        await failed.Should().ThrowAsync<DatabaseBackupException>();
        (await LiveDatabase.RowCountsAsync(location, runner)).Should().Equal(liveBefore);

        // When: the good copy is restored and Directus started on it
        var done = await backup.RestoreAsync(copy);
        await runner.RunCheckedAsync(new CommandLine("bash", [Script, "up", name])
        {
            Environment = new Dictionary<string, string> { ["DIRECTUS_VERSION"] = "11.17.4", ["DX_DB"] = kind, ["DX_FRESH"] = "0", ["DX_PORT"] = instance.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });

        // Then: the copy's rows, table by table, and Directus serves them
        done.Should().Contain("rename");
        (await LiveDatabase.RowCountsAsync(location, runner)).Should().Equal(copy.RowCounts);
        (await CountFoldersAsync(client)).Should().Be(folders);
    }

    private static async Task WaitForWritesAsync(Func<int> written, int atLeast)
    {
        while (written() < atLeast)
        {
            await Task.Delay(50);
        }
    }

    private static async Task AddFoldersAsync(DirectusClient client, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await client.PostAsync("/folders", JObject.FromObject(new { name = $"folder-{Guid.NewGuid():N}" }));
        }
    }

    private static async Task<long> CountFoldersAsync(DirectusClient client)
    {
        var folders = await client.GetAsync("/folders?limit=-1&fields=id");
        return ((JArray)folders!).Count;
    }
}
