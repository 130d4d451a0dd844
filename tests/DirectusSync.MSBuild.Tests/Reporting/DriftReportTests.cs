using DirectusSync.MSBuild.Reporting;
using Newtonsoft.Json.Linq;

namespace DirectusSync.MSBuild.Tests.Reporting;

public sealed class DriftReportTests
{
    private static readonly Uri Url = new("https://cms.example.com");

    public sealed class TheRenderMethod
    {
        [Fact]
        public void Should_say_so_When_there_is_no_drift() =>
            DriftReport.Render(Url, "11.17.4", "/dump", Plans.Empty).Should().Contain("No drift");

        [Fact]
        public void Should_name_schema_changes_and_changed_fields_but_no_values_When_there_is_drift()
        {
            // Given
            var plan = Plans.WithSchema(Plans.Schema(),
                Plans.Update("settings", "_sync_default_settings", new JObject { ["project_name"] = "Top secret name", ["project_color"] = "#ff0000" }));

            // When
            var report = DriftReport.Render(Url, "11.17.4", "/dump", plan);

            // Then
            report.Should().Contain("## Directus drift: https://cms.example.com/")
                .And.Contain("**4 change(s)**")
                .And.Contain("- collection `articles`: new")
                .And.Contain("- field `articles.title`: changed")
                .And.Contain("- field `articles.legacy`: deleted")
                .And.Contain("| settings | 0 | 1 | 0 | 0 | 0 |")
                .And.Contain("- update settings `_sync_default_settings`: project_name, project_color");
            report.Should().NotContain("Top secret name").And.NotContain("#ff0000");
        }

        [Fact]
        public void Should_list_at_most_200_steps_and_say_how_many_more_When_the_plan_is_long()
        {
            // Given
            var plan = Plans.Of(Enumerable.Range(0, 250).Select(i => (DirectusSync.Core.Plan.PlanOperation)Plans.Create("translations", $"t{i}")).ToArray());

            // When
            var report = DriftReport.Render(Url, "11.17.4", "/dump", plan);

            // Then
            report.Split('\n').Count(l => l.StartsWith("- create translations", StringComparison.Ordinal)).Should().Be(DriftReport.MaxListedSteps);
            report.Should().Contain("- … and 50 more").And.Contain("| translations | 250 |");
        }
    }
}
