using DirectusSync.Core.Transport;
using DirectusSync.Upgrade.Tests.Support;
using DirectusSync.Upgrade.Upgrade;
using DirectusSync.Upgrade.Upgrade.Steps;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace DirectusSync.Upgrade.Tests.Upgrade.Steps;

/// <summary>
/// Stop, bump, install, migrate and start with a substituted installation and a fake server: the flags the
/// rollback reads are set before the provider is asked (a step that fails half-way counts as done).
/// </summary>
public sealed class ProviderStepsTests : IDisposable
{
    private readonly StepFixture _f = new();

    public ProviderStepsTests() => _f.AfterBackup();

    public void Dispose() => _f.Dispose();

    private Task<string> Run(IStep step) => step.RunAsync(_f.Run, _f.RecordFor(step.Step), CancellationToken.None);

    [Fact]
    public async Task Should_refuse_to_stop_When_no_database_copy_was_proven()
    {
        // Given
        _f.AfterBackup(databaseCopyProven: false);

        // When
        var act = () => Run(new StopStep(_f.Options, _f.Provider, _f.Server));

        // Then
        await act.Should().ThrowAsync<UpgradeRefusedException>().WithMessage("No database copy was restored and compared: Directus is not stopped.");
        _f.Run.Stopped.Should().BeFalse();
        _f.ProviderActions().Should().BeEmpty();
    }

    [Fact]
    public async Task Should_stop_When_no_database_copy_was_proven_but_that_risk_is_accepted()
    {
        // Given
        _f.AfterBackup(databaseCopyProven: false);
        _f.Options = _f.Options with { AcceptNoDatabaseBackup = true };

        // When
        var summary = await Run(new StopStep(_f.Options, _f.Provider, _f.Server));

        // Then
        summary.Should().Be("Directus 11.17.4 stopped");
        _f.Run.Stopped.Should().BeTrue();
    }

    [Fact]
    public async Task Should_stop_and_see_the_server_gone_When_the_copy_was_proven()
    {
        // When
        var summary = await Run(new StopStep(_f.Options, _f.Provider, _f.Server));

        // Then
        summary.Should().Be("Directus 11.17.4 stopped");
        _f.Run.Stopped.Should().BeTrue();
        _f.ProviderActions().Should().Equal("StopAsync");
        _f.Server.Calls.Should().Equal("wait stopped");
        _f.Record.Details.Should().Contain("test installation: stopped; http://127.0.0.1:1/ no longer answers");
    }

    [Fact]
    public async Task Should_fail_with_the_stop_counted_When_the_server_still_answers_after_the_stop()
    {
        // Given
        _f.Server.Stops = false;

        // When
        var act = () => Run(new StopStep(_f.Options, _f.Provider, _f.Server));

        // Then
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("Directus at http://127.0.0.1:1/ still answers 60 s after the stop: is it the one test installation runs?");
        _f.Run.Stopped.Should().BeTrue();
    }

    [Fact]
    public async Task Should_count_the_bump_When_the_provider_fails_half_way()
    {
        // Given
        _f.Provider.BumpAsync(Arg.Any<DirectusVersion>(), Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("package.json is read-only"));

        // When
        var act = () => Run(new BumpStep(_f.Options, _f.Provider));

        // Then
        await act.Should().ThrowAsync<InvalidOperationException>();
        _f.Run.Bumped.Should().BeTrue();
    }

    [Fact]
    public async Task Should_point_the_installation_at_the_target_When_bumped()
    {
        // When
        var summary = await Run(new BumpStep(_f.Options, _f.Provider));

        // Then
        summary.Should().Be("→ 12.4.0");
        await _f.Provider.Received(1).BumpAsync(_f.Options.TargetVersion, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Should_install_the_target_without_touching_the_database_When_installing()
    {
        // When
        var summary = await Run(new InstallStep(_f.Options, _f.Provider));

        // Then
        summary.Should().Be("Directus 12.4.0 installed");
        _f.Run.DatabaseTouched.Should().BeFalse();
        _f.ProviderActions().Should().Equal("InstallAsync");
    }

    [Fact]
    public async Task Should_count_the_database_as_touched_When_the_migration_fails()
    {
        // Given
        _f.Provider.MigrateAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("migration 20250101 failed"));

        // When
        var act = () => Run(new MigrateStep(_f.Provider));

        // Then
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("migration 20250101 failed");
        _f.Run.DatabaseTouched.Should().BeTrue();
    }

    [Fact]
    public async Task Should_fail_When_the_started_server_does_not_answer_in_time()
    {
        // Given
        _f.Server.Answers = false;

        // When
        var act = () => Run(new StartStep(_f.Options, _f.Provider, _f.Server));

        // Then
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("Directus 12.4.0 did not answer /server/ping at http://127.0.0.1:1/ within 180 s of its start.");
        _f.Run.DatabaseTouched.Should().BeTrue();
    }

    [Fact]
    public async Task Should_fail_When_the_started_server_answers_as_another_version()
    {
        // Given: the old version still answers
        _f.Server.Version = "11.17.4";

        // When
        var act = () => Run(new StartStep(_f.Options, _f.Provider, _f.Server));

        // Then
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("Directus at http://127.0.0.1:1/ answers as 11.17.4 after the start, not 12.4.0.");
    }

    [Fact]
    public async Task Should_start_When_the_server_answers_as_the_target()
    {
        // Given
        _f.Server.Version = "12.4.0";

        // When
        var summary = await Run(new StartStep(_f.Options, _f.Provider, _f.Server));

        // Then
        summary.Should().Be("Directus 12.4.0 started");
        _f.Server.Calls.Should().Equal("wait answers", "info");
    }
}
