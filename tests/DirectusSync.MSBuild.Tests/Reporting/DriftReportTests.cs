using DirectusSync.Core.Plan;
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
            DriftReport.Render(Url, "11.17.4", "/dump", Plans.Empty, showValues: false).Should().Contain("No drift");

        [Fact]
        public void Should_name_schema_changes_and_changed_fields_but_no_values_When_there_is_drift()
        {
            // Given
            var plan = Plans.WithSchema(Plans.Schema(),
                Plans.Update("settings", "_sync_default_settings", new JObject { ["project_name"] = "Top secret name", ["project_color"] = "#ff0000" }));

            // When
            var report = DriftReport.Render(Url, "11.17.4", "/dump", plan, showValues: false);

            // Then
            report.Should().Contain("## Directus drift: https://cms.example.com/")
                .And.Contain("**4 change(s)**")
                .And.Contain("- collection `articles`: new")
                .And.Contain("- field `articles.title`: changed (`meta.note`)")
                .And.Contain("- field `articles.legacy`: deleted")
                .And.Contain("| `settings` | 0 | 1 | 0 | 0 | 0 |")
                .And.Contain("- `update settings _sync_default_settings (id: 1): project_name, project_color`");
            report.Should().NotContain("Top secret name").And.NotContain("#ff0000");
        }

        [Fact]
        public void Should_list_at_most_200_steps_and_say_how_many_more_When_the_plan_is_long()
        {
            // Given
            var plan = Plans.Of(Enumerable.Range(0, 250).Select(i => (DirectusSync.Core.Plan.PlanOperation)Plans.Create("translations", $"t{i}")).ToArray());

            // When
            var report = DriftReport.Render(Url, "11.17.4", "/dump", plan, showValues: false);

            // Then
            report.Split('\n').Count(l => l.StartsWith("- `create translations", StringComparison.Ordinal)).Should().Be(DriftReport.MaxListedSteps);
            report.Should().Contain("- … and 50 more").And.Contain("| `translations` | 250 |");
        }

        [Fact]
        public void Should_show_values_with_the_authorization_header_masked_When_values_are_asked_for()
        {
            // Given a webhook operation whose headers change
            var plan = Plans.Of(new UpdateItem("operations", "op-1", "3",
                JObject.Parse("""{ "options": { "url": "https://hooks.test/new", "headers": [ { "header": "Authorization", "value": "Bearer new-secret-1" } ] } }"""),
                JObject.Parse("""{ "options": { "url": "https://hooks.test/old", "headers": [ { "header": "Authorization", "value": "Bearer old-secret-0" } ] } }""")));

            // When
            var hidden = DriftReport.Render(Url, "11.17.4", "/dump", plan, showValues: false);
            var shown = DriftReport.Render(Url, "11.17.4", "/dump", plan, showValues: true);

            // Then
            hidden.Should().Contain("op-1 (id: 3): options`").And.NotContain("hooks.test").And.NotContain("secret-");
            shown.Should().Contain("https://hooks.test/old").And.Contain("https://hooks.test/new").And.Contain("***")
                .And.NotContain("old-secret-0").And.NotContain("new-secret-1");
        }

        [Fact]
        public void Should_render_hostile_names_as_inert_code_When_a_dump_holds_markdown_and_ci_commands()
        {
            // Given
            var plan = Plans.Of(new CreateItem("roles", "r-1", new JObject { ["name"] = "```\n##vso[task.complete]\n![x](https://evil.example/p.png) | `a`" }, false));

            // When
            var report = DriftReport.Render(Url, "11.17.4", "/dump", plan, showValues: false);

            // Then
            report.Should().NotContain("``").And.NotContain("##vso[");
            var step = report.Split('\n').Single(l => l.StartsWith("- ", StringComparison.Ordinal) && l.Contains("r-1", StringComparison.Ordinal));
            step.Should().MatchRegex("^- `[^`]*`$").And.Contain("\\|");
        }
    }
}
