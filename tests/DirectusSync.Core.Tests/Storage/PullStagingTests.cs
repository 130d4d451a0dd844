using DirectusSync.Core.Storage;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Storage;

public sealed class PullStagingTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private DumpLayout Dump => new(_temp.Combine("dump"));

    [Fact]
    public void Should_leave_the_previous_dump_untouched_When_the_pull_stops_before_the_commit()
    {
        // Given a previous dump, and a pull that staged new files and then failed
        var roles = _temp.Write("dump/collections/roles.json", "old roles");
        var info = _temp.Write("dump/snapshot/info.json", "old info");
        using (var staging = new PullStaging(Dump))
        {
            new CollectionDumpStore(staging.Layout, false).Write("roles", new JArray(new JObject { ["_syncId"] = "new" }));
            new SnapshotStore(staging.Layout, split: true, sortKeys: false).Write(SnapshotSamples.Minimal());

            // When the pull ends without a commit (an exception or a cancellation unwinds past it)
        }

        // Then the old files are there, unchanged, and no staging folder is left
        File.ReadAllText(roles).Should().Be("old roles");
        File.ReadAllText(info).Should().Be("old info");
        _temp.Files("dump").Should().Equal("collections/roles.json", "snapshot/info.json");
    }

    [Fact]
    public void Should_move_every_staged_file_in_byte_for_byte_When_committed()
    {
        // Given a previous dump with a dropped collection's snapshot file
        _temp.Write("dump/snapshot/collections/dropped.json", "{}");
        _temp.Write("dump/collections/roles.json", "old roles");
        var items = new JArray(new JObject { ["name"] = "Editor", ["_syncId"] = "a" });
        var snapshot = SnapshotSamples.Minimal(collections: [SnapshotSamples.Collection("kept")]);
        using var expected = new TempFolder();
        new CollectionDumpStore(new DumpLayout(expected.Path), false).Write("roles", items);
        new SnapshotStore(new DumpLayout(expected.Path), true, false).Write(snapshot);

        // When a pull stages the same content and commits
        using (var staging = new PullStaging(Dump))
        {
            new CollectionDumpStore(staging.Layout, false).Write("roles", items);
            new SnapshotStore(staging.Layout, true, false).Write(snapshot);
            staging.Commit(replaceSnapshot: true);
        }

        // Then the dump holds exactly what writing in place would have written
        _temp.Files("dump").Should().Equal(expected.Files());
        foreach (var file in expected.Files())
        {
            File.ReadAllBytes(_temp.Combine(["dump", .. file.Split('/')])).Should().Equal(File.ReadAllBytes(expected.Combine(file.Split('/'))), file);
        }
    }

    [Fact]
    public void Should_remove_only_snapshot_files_When_the_snapshot_path_names_a_source_folder()
    {
        // Given --snapshot-path ../src, a folder of source code next to the dump
        _temp.Write("src/Program.cs", "class Program {}");
        _temp.Write("src/config/settings.json", "{}");
        _temp.Write("src/fields/old/id.json", "{}");
        var layout = new DumpLayout(_temp.Combine("dump"), SnapshotPath: "../src");

        // When a pull writes its snapshot there
        using (var staging = new PullStaging(layout))
        {
            new SnapshotStore(staging.Layout, true, false).Write(SnapshotSamples.Minimal(collections: [SnapshotSamples.Collection("posts")]));
            staging.Commit(replaceSnapshot: true);
        }

        // Then the source files survive; only snapshot files were replaced
        _temp.Files("src").Should().Equal("Program.cs", "collections/posts.json", "config/settings.json", "info.json");
    }

    [Fact]
    public void Should_keep_the_old_snapshot_When_the_pull_had_no_snapshot()
    {
        // Given a previous snapshot and a --no-snapshot pull
        _temp.Write("dump/snapshot/info.json", "old info");

        // When it commits
        using (var staging = new PullStaging(Dump))
        {
            new CollectionDumpStore(staging.Layout, false).Write("roles", new JArray());
            staging.Commit(replaceSnapshot: false);
        }

        // Then
        File.ReadAllText(_temp.Combine("dump", "snapshot", "info.json")).Should().Be("old info");
        _temp.Files("dump").Should().Equal("collections/roles.json", "snapshot/info.json");
    }

    [Fact]
    public void Should_put_every_old_file_back_When_a_move_fails_during_the_commit()
    {
        // Given a previous dump, and a target the new specs file cannot be moved to (a folder is in the way)
        _temp.Write("dump/collections/roles.json", "old roles");
        _temp.Write("dump/snapshot/info.json", "old info");
        _temp.Write("dump/specs/openapi.json/blocker.txt", "a folder where a file should go");
        var staging = new PullStaging(Dump);
        new CollectionDumpStore(staging.Layout, false).Write("roles", new JArray());
        new SnapshotStore(staging.Layout, true, false).Write(SnapshotSamples.Minimal());
        new SpecsStore(staging.Layout).WriteOpenApi(new JObject());

        // When the commit fails half-way
        var act = () => staging.Commit(replaceSnapshot: true);
        act.Should().Throw<IOException>();
        staging.Dispose();

        // Then the dump is as before
        File.ReadAllText(_temp.Combine("dump", "collections", "roles.json")).Should().Be("old roles");
        File.ReadAllText(_temp.Combine("dump", "snapshot", "info.json")).Should().Be("old info");
        _temp.Files("dump").Should().Equal("collections/roles.json", "snapshot/info.json", "specs/openapi.json/blocker.txt");
    }

    [Fact]
    public void Should_refuse_before_staging_When_the_snapshot_folder_holds_the_dump()
    {
        // Given
        var layout = new DumpLayout(_temp.Combine("dump"), SnapshotPath: "..");

        // When / Then
        var act = () => new PullStaging(layout);
        act.Should().Throw<InvalidOperationException>();
        Directory.Exists(_temp.Combine("dump")).Should().BeFalse();
    }
}
