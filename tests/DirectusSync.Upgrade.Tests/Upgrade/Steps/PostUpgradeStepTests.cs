using DirectusSync.Upgrade.Tests.Support;
using DirectusSync.Upgrade.Upgrade;
using DirectusSync.Upgrade.Upgrade.Steps;

namespace DirectusSync.Upgrade.Tests.Upgrade.Steps;

/// <summary>
/// The post-upgrade step with a fake server: healthy, pulled into the backup folder, adjustments pushed,
/// nothing lost, and only then the repository's dump replaced.
/// </summary>
public sealed class PostUpgradeStepTests : IDisposable
{
    private readonly StepFixture _f = new();

    public PostUpgradeStepTests()
    {
        _f.AfterBackup();
        _f.Server.Version = "12.4.0";
        File.WriteAllText(Path.Combine(_f.DumpPath, "README"), "the repository's own file");
    }

    public void Dispose() => _f.Dispose();

    private string Staging => Path.Combine(_f.BackupDirectory, "upgraded");

    private Task<string> Run() => new PostUpgradeStep(_f.Options, _f.Server).RunAsync(_f.Run, _f.RecordFor(UpgradeStep.PostUpgrade), CancellationToken.None);

    [Fact]
    public async Task Should_fail_before_pulling_When_the_server_does_not_answer()
    {
        // Given
        _f.Server.Answers = false;

        // When
        var act = Run;

        // Then
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("Directus at http://127.0.0.1:1/ does not answer /server/ping.");
        _f.Run.DumpReplaced.Should().BeFalse();
    }

    [Fact]
    public async Task Should_replace_the_repository_dump_last_When_the_upgraded_configuration_is_clean_and_intact()
    {
        // When
        var summary = await Run();

        // Then
        summary.Should().Be("Directus 12.4.0 healthy, configuration intact, repository dump matches");
        _f.Server.Calls.Should().Equal("wait answers", "supported info", "pull", "diff", "diff (access)", "diff");
        _f.Server.SyncOptions[0].DumpPath.Should().Be(Staging);
        _f.Server.SyncOptions[^1].DumpPath.Should().Be(_f.DumpPath);
        _f.Run.DumpReplaced.Should().BeTrue();
        File.ReadAllText(Path.Combine(_f.DumpPath, "collections", "settings.json")).Should().Contain("12.4.0");
        _f.Record.Details.Should().Contain("Diff: clean, no adjustment to push").And.Contain("  changed: collections/settings.json");
    }

    [Fact]
    public async Task Should_push_the_adjustments_When_the_pulled_configuration_drifts_once()
    {
        // Given
        _f.Server.Plans.Enqueue(Drift.NewCollection());

        // When
        await Run();

        // Then
        _f.Server.Calls.Should().ContainInOrder("pull", "diff", "push", "diff");
        _f.Record.Details.Should().Contain("Adjustments pushed; diff clean");
    }

    [Fact]
    public async Task Should_fail_and_keep_the_repository_dump_When_Directus_does_not_keep_its_own_configuration()
    {
        // Given
        _f.Server.Plans.Enqueue(Drift.NewCollection());
        _f.Server.Plans.Enqueue(Drift.NewCollection());

        // When
        var act = Run;

        // Then
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("Directus 12.4.0 does not keep its own pulled configuration*");
        _f.Run.DumpReplaced.Should().BeFalse();
        Directory.Exists(Path.Combine(_f.DumpPath, "collections")).Should().BeFalse();
    }

    [Fact]
    public async Task Should_fail_and_keep_the_repository_dump_When_the_upgrade_lost_configuration_the_backup_holds()
    {
        // Given: the backup holds a policy the upgraded server no longer has
        new DumpFolder(_f.BackupDirectory).Items("policies", new { _syncId = "p1", name = "Editors" });

        // When
        var act = Run;

        // Then
        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().StartWith("Directus 12.4.0 lost configuration the backup holds:").And.Contain("policies p1");
        _f.Run.DumpReplaced.Should().BeFalse();
    }

    [Fact]
    public async Task Should_fail_after_replacing_the_dump_When_the_repository_dump_does_not_match_afterwards()
    {
        // Given: clean, (access review), then the final diff drifts
        _f.Server.Plans.Enqueue(Drift.None);
        _f.Server.Plans.Enqueue(Drift.None);
        _f.Server.Plans.Enqueue(Drift.NewCollection());

        // When
        var act = Run;

        // Then
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("The repository's dump does not match Directus 12.4.0 after the update*");
        _f.Run.DumpReplaced.Should().BeTrue();
    }

    [Fact]
    public async Task Should_write_the_dump_down_as_replaced_before_its_first_file_changes_When_replacing_it()
    {
        // Given: what the state file would say, captured when the step asks for it
        (bool Flag, bool Changed)? atCheckpoint = null;
        _f.Run.CheckpointRequested += (_, _) => atCheckpoint = (_f.Run.DumpReplaced, File.Exists(Path.Combine(_f.DumpPath, "collections", "settings.json")));

        // When
        await Run();

        // Then
        atCheckpoint.Should().Be((true, false));
    }
}
