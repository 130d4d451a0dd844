using DirectusSync.Core.Model;
using DirectusSync.Core.Sync;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Sync;

/// <summary>A pull that fails or is cancelled half-way leaves the previous dump exactly as it was.</summary>
[Collection(DirectusCollection.Name)]
public sealed class InterruptedPullTests(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_leave_the_previous_dump_byte_for_byte_When_a_pull_fails_after_writing_began()
    {
        // Given a dump, then new configuration on the server that the next pull would write
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false });
        var before = Snapshot(temp.Path);
        await new SampleConfiguration(client, SampleConfiguration.NewSuffix()).CreateSystemItemsAsync();

        // When a pull fails on the last collection, after the snapshot and the other collections were processed
        var act = () => engine.PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false, Hooks = FailingOnLastSave(() => throw new IOException("No space left on device")) });

        // Then the failure surfaces and every file is as before
        await act.Should().ThrowAsync<IOException>();
        Snapshot(temp.Path).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task Should_leave_the_previous_dump_byte_for_byte_When_a_pull_is_cancelled_half_way()
    {
        // Given a dump, then new configuration on the server
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        await engine.PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false });
        var before = Snapshot(temp.Path);
        await new SampleConfiguration(client, SampleConfiguration.NewSuffix()).CreateSystemItemsAsync();
        using var cancellation = new CancellationTokenSource();

        // When the pull is cancelled (Ctrl+C) while the last collection is processed
        var act = () => engine.PullAsync(new SyncOptions { DumpPath = temp.Path, Specs = false, Hooks = FailingOnLastSave(cancellation.Cancel) }, cancellation.Token);

        // Then
        await act.Should().ThrowAsync<OperationCanceledException>();
        Snapshot(temp.Path).Should().BeEquivalentTo(before);
    }

    // An onSave hook on every collection that runs the given action on the last call, after every other
    // collection (and the snapshot) has been processed and, without staging, written.
    private static SyncHooks FailingOnLastSave(Action onLast)
    {
        var calls = 0;
        Task<JArray> OnSave(JArray items, CancellationToken token)
        {
            if (Interlocked.Increment(ref calls) == SystemCollections.Names.Count)
            {
                onLast();
            }

            return Task.FromResult(items);
        }

        return new SyncHooks
        {
            Collections = SystemCollections.Names.ToDictionary(name => name, _ => new CollectionHooks { OnSave = OnSave }),
        };
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToBase64String(File.ReadAllBytes(f)));
}
