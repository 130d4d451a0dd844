using DirectusSync.Core.Workflow;
using DirectusSync.Upgrade.Tests.Support;
using DirectusSync.Upgrade.Upgrade;
using DirectusSync.Upgrade.Upgrade.Steps;
using NSubstitute;

namespace DirectusSync.Upgrade.Tests.Upgrade.Steps;

/// <summary>The preflight with a fake server: every way it refuses, and what it records when it passes.</summary>
public sealed class PreflightStepTests : IDisposable
{
    private readonly StepFixture _f = new();

    public void Dispose() => _f.Dispose();

    private Task<string> Run() => new PreflightStep(_f.Options, _f.Provider, _f.Server).RunAsync(_f.Run, _f.RecordFor(UpgradeStep.Preflight), CancellationToken.None);

    [Fact]
    public async Task Should_fail_without_asking_anything_else_When_the_server_does_not_answer_ping()
    {
        // Given
        _f.Server.Answers = false;

        // When
        var act = Run;

        // Then
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*does not answer /server/ping*");
        _f.Server.Calls.Should().Equal("ping");
        _f.Run.CurrentVersion.Should().BeNull();
    }

    [Fact]
    public async Task Should_record_the_running_version_When_the_server_matches_the_repository_dump()
    {
        // When
        var summary = await Run();

        // Then
        summary.Should().Be($"Directus 11.17.4; the server matches the repository's dump {_f.DumpPath}");
        _f.Run.CurrentVersion!.Text.Should().Be("11.17.4");
        _f.Record.Details.Should().Contain("Directus 11.17.4 at http://127.0.0.1:1/ (project \"Test project\")").And.Contain("Installation: test installation");
        _f.Server.Calls.Should().Equal("ping", "supported info", "diff");
        _f.Run.PendingPush.Should().BeFalse();
    }

    [Fact]
    public async Task Should_refuse_When_the_installation_holds_another_version_than_the_server_runs()
    {
        // Given
        _f.Provider.InstalledVersionAsync(Arg.Any<CancellationToken>()).Returns("11.16.0");

        // When
        var act = Run;

        // Then
        (await act.Should().ThrowAsync<UpgradeRefusedException>()).Which.Message.Should().Contain("holds Directus 11.16.0, but the server at http://127.0.0.1:1/ runs 11.17.4");
        _f.Server.Calls.Should().NotContain("diff");
    }

    [Fact]
    public async Task Should_refuse_When_the_repository_has_no_dump()
    {
        // Given
        Directory.Delete(_f.DumpPath);

        // When
        var act = Run;

        // Then
        (await act.Should().ThrowAsync<UpgradeRefusedException>()).Which.Message.Should().Contain("The repository has no dump at");
    }

    [Fact]
    public async Task Should_refuse_without_writing_When_the_server_drifts_and_pending_changes_are_not_to_be_pushed()
    {
        // Given
        _f.Server.Plans.Enqueue(Drift.NewCollection());

        // When
        var act = Run;

        // Then
        (await act.Should().ThrowAsync<UpgradeRefusedException>()).Which.Message.Should().Contain("differs from the repository's dump").And.Contain("--push-pending");
        _f.Server.Calls.Should().NotContain(c => c.StartsWith("push"));
    }

    [Fact]
    public async Task Should_refuse_before_the_backup_When_the_guard_would_stop_the_pending_push()
    {
        // Given
        _f.Options = _f.Options with { PushPending = true };
        _f.Server.Plans.Enqueue(Drift.NewCollection());
        _f.Server.Verdict = new DeletionGuardVerdict([], [new SchemaDeletion(SchemaDeletionKind.Collection, "articles")]);

        // When
        var act = Run;

        // Then
        (await act.Should().ThrowAsync<UpgradeRefusedException>()).Which.Message.Should().Contain("would delete without consent");
        _f.Server.Calls.Should().Equal("ping", "supported info", "diff", "push (dry run)");
        _f.Run.PendingPush.Should().BeFalse();
    }

    [Fact]
    public async Task Should_plan_the_pending_push_for_after_the_backup_When_the_guard_lets_it_through()
    {
        // Given
        _f.Options = _f.Options with { PushPending = true };
        _f.Server.Plans.Enqueue(Drift.NewCollection());

        // When
        var summary = await Run();

        // Then
        summary.Should().EndWith("pushed after the backup");
        _f.Run.PendingPush.Should().BeTrue();
        _f.Server.Calls.Should().Equal("ping", "supported info", "diff", "push (dry run)");
    }
}
