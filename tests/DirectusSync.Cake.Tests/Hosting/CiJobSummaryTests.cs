using DirectusSync.Cake.Hosting;
using DirectusSync.Cake.Tests.Support;

namespace DirectusSync.Cake.Tests.Hosting;

public sealed class CiJobSummaryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Should_append_the_report_to_the_job_summary_When_run_by_GitHub_Actions()
    {
        // Given
        var report = Write("report.md", "# Directus upgrade report\n| Risk | no database copy |");
        var summary = Write("summary.md", "earlier step\n");
        var environment = Environment(("GITHUB_STEP_SUMMARY", summary));

        // When
        var where = CiJobSummary.Publish(report, environment);

        // Then
        where.Should().Be("the GitHub Actions job summary");
        File.ReadAllText(summary).Should().StartWith("earlier step\n# Directus upgrade report").And.Contain("| Risk | no database copy |");
    }

    [Fact]
    public void Should_attach_the_report_with_a_logging_command_When_run_by_Azure_Pipelines()
    {
        // Given
        var report = Write("report.md", "# report");
        using var console = new StringWriter();

        // When
        var where = CiJobSummary.Publish(report, Environment(("TF_BUILD", "True")), console);

        // Then
        where.Should().Be("the Azure Pipelines run summary");
        console.ToString().Should().Be($"##vso[task.uploadsummary]{report}{System.Environment.NewLine}");
    }

    [Fact]
    public void Should_publish_nothing_When_not_run_by_a_CI_service()
    {
        // Given
        var report = Write("report.md", "# report");
        using var console = new StringWriter();

        // When
        var where = CiJobSummary.Publish(report, Environment(), console);

        // Then
        where.Should().BeNull();
        console.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Should_publish_nothing_When_the_report_was_never_written()
    {
        // Given: the run failed before the report existed
        var summary = Write("summary.md", string.Empty);

        // When
        var where = CiJobSummary.Publish(_folder.Combine("missing.md"), Environment(("GITHUB_STEP_SUMMARY", summary)));

        // Then
        where.Should().BeNull();
        File.ReadAllText(summary).Should().BeEmpty();
    }

    [Fact]
    public void Should_not_emit_the_command_When_the_path_would_end_it_early()
    {
        // Given: a folder whose name holds ']' ("##vso[...]path" would be cut there)
        var report = Write(Path.Combine("weird]name", "report.md"), "# report");
        using var console = new StringWriter();

        // When
        var where = CiJobSummary.Publish(report, Environment(("TF_BUILD", "True")), console);

        // Then
        where.Should().BeNull();
        console.ToString().Should().BeEmpty();
    }

    public void Dispose() => _folder.Dispose();

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private string Write(string relative, string text)
    {
        var path = _folder.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
