using System.Text.RegularExpressions;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Sync;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Scenarios.Support;
using DirectusSync.IntegrationTests.Support;

namespace DirectusSync.IntegrationTests.Compatibility;

/// <summary>Where the reference logs a push's progress, we log the same text at the same level.</summary>
[Collection(DirectusCollection.Name)]
public sealed partial class LogLineTests(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_log_every_progress_line_of_the_reference_with_its_level_When_pushing_the_same_change()
    {
        // Given a dump of the shared instance, and one role renamed in it (once for each tool)
        using var client = fixture.Instance.CreateClient();
        var sample = new SampleConfiguration(client, SampleConfiguration.NewSuffix());
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync();
        using var temp = new TempFolder();
        var options = new SyncOptions { DumpPath = temp.Path, Snapshot = false, Specs = false };
        // Pulled by the reference 3.4.1, whose push would otherwise re-update every policy of a 3.5.1 dump.
        await ReferenceCli.RunAsync(fixture.Instance, temp.Path, "pull", "--dump-path", temp.Path, "--no-snapshot", "--no-specs");
        var dump = new ScenarioDump(temp.Path);
        var role = (await new ServerState(client).SyncIdOfAsync("roles", sample.Ids["role"]))!;
        dump.Edit("roles", role, r => r["name"] = $"Renamed by the reference {sample.Suffix}");
        var reference = await ReferenceCli.RunAsync(fixture.Instance, temp.Path, "push", "--dump-path", temp.Path, "--no-snapshot", "--debug");
        dump.Edit("roles", role, r => r["name"] = $"Renamed by us {sample.Suffix}");
        var log = new LevelledSyncLog();

        // When
        await new DirectusSyncEngine(client, log).PushAsync(options);

        // Then
        var expected = ProgressLines(reference);
        expected.Should().Contain(("INFO", "[roles] Updated 1 items")).And.Contain(("DEBUG", "[presets] Created 0 items"));
        var ours = log.Lines.Select(l => (Level(l.Level), l.Text)).ToHashSet();
        expected.Where(e => !ours.Contains(e)).Should().BeEmpty("every progress line of the reference is ours too, same text, same level");
    }

    /// <summary>The reference's stage and per-collection result lines, as (level, "[scope] message").</summary>
    private static List<(string Level, string Text)> ProgressLines(string output) =>
        output.Split('\n')
            .Select(line => PinoLine().Match(Ansi().Replace(line, string.Empty)))
            .Where(m => m.Success)
            .Select(m => (m.Groups["level"].Value, m.Groups["message"].Value.TrimEnd()))
            .Where(l => Progress().IsMatch(l.Item2))
            .Distinct()
            .ToList();

    private static string Level(SyncLogLevel level) => level switch
    {
        SyncLogLevel.Debug => "DEBUG",
        SyncLogLevel.Info => "INFO",
        SyncLogLevel.Warning => "WARN",
        _ => "ERROR",
    };

    [GeneratedRegex(@"\x1b\[[0-9;]*m", RegexOptions.CultureInvariant)]
    private static partial Regex Ansi();

    [GeneratedRegex(@"^\[[0-9:.]+\] (?<level>[A-Z]+) \(\d+\): (?<message>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PinoLine();

    [GeneratedRegex(@"^(\[\w+\] (Created|Updated|Deleted) \d+ (dangling )?items|⬆️  Push: iteration 1|🧹  Clean up collections|Snapshot is disabled)$", RegexOptions.CultureInvariant)]
    private static partial Regex Progress();
}
