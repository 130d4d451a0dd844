using DirectusSync.Cli.Output;
using DirectusSync.Core.Diff;
using DirectusSync.Core.Model;
using DirectusSync.Core.Execution;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Seed;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Tests.Output;

/// <summary>
/// What <c>diff</c> and <c>push --dry-run</c> print (human on stderr, <c>--format json</c> on stdout): names by
/// default, values only with --show-values and then with secrets masked, names escaped for CI logs.
/// </summary>
public sealed class DiffOutputTests
{
    private const string OldSecret = "old-webhook-secret-0";
    private const string NewSecret = "new-webhook-secret-1";
    private const string ProjectValue = "Top secret project name";

    private static DiffResult Diff(params PlanOperation[] extra)
    {
        var operations = new List<PlanOperation>
        {
            new UpdateItem(
                "operations",
                "op-sync-id",
                "42",
                JObject.Parse($$"""{ "options": { "url": "https://hooks.example.com/new", "headers": [ { "header": "Authorization", "value": "Bearer {{NewSecret}}" } ] } }"""),
                JObject.Parse($$"""{ "options": { "url": "https://hooks.example.com/old", "headers": [ { "header": "Authorization", "value": "Bearer {{OldSecret}}" } ] } }""")),
            new CreateItem("settings", "_sync_default_settings", new JObject { ["_syncId"] = "_sync_default_settings", ["project_name"] = "Acme", ["public_note"] = ProjectValue }, false),
            new DeleteItem("roles", "role-sync-id", "7", new JObject { ["name"] = "Old role", ["description"] = "Delete me" }),
        };
        operations.AddRange(extra);
        var schema = new SchemaChanges("hash", JObject.Parse("""
            { "collections": [], "fields": [ { "collection": "articles", "field": "title", "diff": [ { "kind": "E", "path": ["meta", "note"], "lhs": "old note value", "rhs": "new note value" } ] } ], "relations": [] }
            """));
        var plan = new SyncPlan(schema, operations, []);
        return new DiffResult(new ServerInfo(new DirectusVersion(11, 17, 4, "11.17.4"), "Test"), plan, new LiveState(new Dictionary<string, LiveCollection>(), new PlaceholderTargets(null, null, null, null)));
    }

    /// <summary>The writes that make room for others, and a split translation update: listed like every step, with their reasons.</summary>
    private static PlanOperation[] PlannedWrites() =>
    [
        new DeleteDuplicatePermission("permissions", "perm-new", "12", "articles", "read", "3", "remove duplicate permission 12 of policy pol-a: same collection and action (articles.read) as perm-new"),
        new ReleaseOperationLink("operations", "op-a", "local-a", "resolve", "op-n", BeforeUpdate: false, "release resolve of operation op-a before creating operation op-n"),
        new UpdateItem("translations", "t-1", "5", new JObject { ["key"] = "hello" }, new JObject { ["key"] = "welcome" }) { IsPrelude = true, Reason = "key first, on its own" },
    ];

    private static (ConsoleOutput Output, StringWriter StdOut, StringWriter StdErr) Output()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        return (new ConsoleOutput(stdout, stderr, colors: false, interactive: false), stdout, stderr);
    }

    public sealed class TheHumanOutput
    {
        [Fact]
        public void Should_name_items_and_fields_but_print_no_values_When_show_values_is_off()
        {
            // Given
            var (output, _, stderr) = Output();

            // When
            new PlanRenderer(output, showValues: false).Render(Diff().Plan, prettySchema: true);

            // Then
            var text = stderr.ToString();
            text.Should().Contain("~ [operations] Will update item (id: 42) op-sync-id")
                .And.Contain("      options")
                .And.Contain("+ [settings] Will create item _sync_default_settings")
                .And.Contain("      public_note")
                .And.Contain("- [roles] Will delete item (id: 7) role-sync-id \"Old role\"")
                .And.Contain("  - Update articles.title")
                .And.Contain("    - Set note");
            text.Should().NotContain(OldSecret).And.NotContain(NewSecret).And.NotContain("hooks.example.com")
                .And.NotContain(ProjectValue).And.NotContain("Delete me").And.NotContain("note value");
        }

        [Fact]
        public void Should_list_duplicate_removals_link_releases_and_split_writes_with_their_reasons_When_the_plan_has_them()
        {
            // Given
            var (output, _, stderr) = Output();

            // When
            new PlanRenderer(output, showValues: false).Render(Diff(PlannedWrites()).Plan, prettySchema: false);

            // Then
            stderr.ToString().Should().Contain("- [permissions] Will remove duplicate permission (id: 12) before creating perm-new")
                .And.Contain("      why: remove duplicate permission 12 of policy pol-a: same collection and action (articles.read) as perm-new")
                .And.Contain("~ [operations] Will release resolve (id: local-a) op-a")
                .And.Contain("      why: release resolve of operation op-a before creating operation op-n")
                .And.Contain("~ [translations] Will update item (id: 5) t-1")
                .And.Contain("      why: key first, on its own");
        }

        [Fact]
        public void Should_print_values_with_the_authorization_header_masked_When_show_values_is_on()
        {
            // Given
            var (output, _, stderr) = Output();

            // When
            new PlanRenderer(output, showValues: true).Render(Diff().Plan, prettySchema: true);

            // Then
            var text = stderr.ToString();
            text.Should().Contain("https://hooks.example.com/old").And.Contain("https://hooks.example.com/new").And.Contain("→")
                .And.Contain(ProjectValue).And.Contain("Set note to new note value").And.Contain("***");
            text.Should().NotContain(OldSecret).And.NotContain(NewSecret);
        }

        [Fact]
        public void Should_escape_names_When_a_dump_holds_escape_sequences_and_ci_commands()
        {
            // Given
            var (output, _, stderr) = Output();
            var hostile = new CreateItem("roles", "evil\n::set-output name=x::1", new JObject
            {
                ["name"] = "\u001b[2J##vso[task.setvariable variable=a]b",
                ["```\n::add-mask::x"] = 1,
            }, false);

            // When
            new PlanRenderer(output, showValues: false).Render(Diff(hostile).Plan, prettySchema: false);

            // Then
            var lines = stderr.ToString().Split(Environment.NewLine);
            lines.Should().NotContain(l => l.TrimStart().StartsWith("::", StringComparison.Ordinal));
            stderr.ToString().Should().NotContain("\u001b").And.NotContain("##vso[").And.NotContain("```");
        }
    }

    public sealed class TheJsonDocument
    {
        [Fact]
        public void Should_list_field_names_without_items_changes_or_schema_values_When_show_values_is_off()
        {
            // When
            var json = PlanJson.ForDiff("diff", Diff(), PushMode.Mirror, dryRun: false, showValues: false);

            // Then
            var text = json.ToString(Formatting.None);
            text.Should().NotContain(OldSecret).And.NotContain(NewSecret).And.NotContain("hooks.example.com")
                .And.NotContain(ProjectValue).And.NotContain("Delete me").And.NotContain("note value");
            var operations = (JArray)json["plan"]!["operations"]!;
            operations[0]!["fields"]!.Values<string>().Should().Equal("options");
            operations[0]!["changes"].Should().BeNull();
            operations[0]!["before"].Should().BeNull();
            operations[1]!["fields"]!.Values<string>().Should().Equal("project_name", "public_note");
            operations[1]!["item"].Should().BeNull();
            operations[2]!["label"]!.Value<string>().Should().Be("Old role");
            operations[2]!["item"].Should().BeNull();
            json["plan"]!["schema"]!["diff"].Should().BeNull();
            json["plan"]!["schema"]!["changes"]![0]!["name"]!.Value<string>().Should().Be("articles.title");
            json["plan"]!["schema"]!["changes"]![0]!["paths"]!.Values<string>().Should().Equal("meta.note");
        }

        [Fact]
        public void Should_list_duplicate_removals_and_link_releases_with_their_reasons_When_the_plan_has_them()
        {
            // When
            var json = PlanJson.ForDiff("push", Diff(PlannedWrites()), PushMode.Mirror, dryRun: true, showValues: false);

            // Then
            var operations = ((JArray)json["plan"]!["operations"]!).Skip(3).ToList();
            operations[0].ShouldBeJsonLike("""{ kind: 'remove-duplicate', collection: 'permissions', syncId: 'perm-new', localId: '12', permissionCollection: 'articles', action: 'read' }""");
            operations[0]["reason"]!.Value<string>().Should().StartWith("remove duplicate permission 12 of policy pol-a");
            operations[1].ShouldBeJsonLike("""{ kind: 'release', collection: 'operations', syncId: 'op-a', localId: 'local-a', field: 'resolve', releasedFor: 'op-n' }""");
            operations[2]["prelude"]!.Value<bool>().Should().BeTrue();
            operations[2]["reason"]!.Value<string>().Should().Be("key first, on its own");
        }

        [Fact]
        public void Should_include_values_with_the_authorization_header_masked_When_show_values_is_on()
        {
            // When
            var json = PlanJson.ForDiff("diff", Diff(), PushMode.Mirror, dryRun: false, showValues: true);

            // Then
            var text = json.ToString(Formatting.None);
            text.Should().NotContain(OldSecret).And.NotContain(NewSecret);
            var update = json["plan"]!["operations"]![0]!;
            update.SelectToken("changes.options.url")!.Value<string>().Should().Be("https://hooks.example.com/new");
            update.SelectToken("before.options.url")!.Value<string>().Should().Be("https://hooks.example.com/old");
            update.SelectToken("changes.options.headers")!.Value<string>().Should().Be("***");
            json["plan"]!["operations"]![1]!.SelectToken("item.public_note")!.Value<string>().Should().Be(ProjectValue);
            json["plan"]!["schema"]!["diff"]!.ToString().Should().Contain("new note value");
        }

        [Fact]
        public void Should_list_field_names_and_reasons_but_no_labels_or_values_When_a_seed_plan_is_written_without_show_values()
        {
            // Given a seed plan of content items (a person's name is a label for system collections, a value here)
            var plan = PeoplePlan();

            // When
            var json = PlanJson.ForSeed("seed diff", plan, dryRun: false, showValues: false, counts: null);

            // Then
            var text = json.ToString(Formatting.None);
            text.Should().NotContain("Jane Doe").And.NotContain("seed-password-1").And.NotContain("Janet");
            json.ShouldBeJsonLike("""{ command: 'seed diff', dryRun: false, hasChanges: true, createPasses: 1 }""");
            var operations = (JArray)json["plan"]!["operations"]!;
            operations[0].ShouldBeJsonLike("""{ kind: 'create', collection: 'people', syncId: 'p-1', reason: 'no item of the target is mapped to this sync id' }""");
            operations[0]["label"].Should().BeNull();
            operations[0]["fields"]!.Values<string>().Should().Equal("name", "password");
            operations[1].ShouldBeJsonLike("""{ kind: 'update', collection: 'people', syncId: 'p-2', localId: '7', reason: 'differs from the target in name' }""");
            json["result"].Should().BeNull();
        }

        [Fact]
        public void Should_show_values_with_the_password_masked_and_the_counts_When_a_seed_push_is_written_with_show_values()
        {
            // Given
            var plan = PeoplePlan();
            var counts = new Dictionary<string, PushCounts> { ["people"] = new() };

            // When
            var json = PlanJson.ForSeed("seed push", plan, dryRun: false, showValues: true, counts);

            // Then
            json.ToString(Formatting.None).Should().NotContain("seed-password-1");
            json.SelectToken("plan.operations[0].item.name")!.Value<string>().Should().Be("Jane Doe");
            json.SelectToken("plan.operations[0].item.password")!.Value<string>().Should().Be("***");
            json.SelectToken("plan.operations[1].before.name")!.Value<string>().Should().Be("Janet");
            json["result"]!["collections"].Should().BeOfType<JArray>();
        }

        private static SeedPlan PeoplePlan() => new(
            new SyncPlan(null,
            [
                new CreateItem("people", "p-1", new JObject { ["name"] = "Jane Doe", ["password"] = "seed-password-1" }, false) { Reason = "no item of the target is mapped to this sync id" },
                new UpdateItem("people", "p-2", "7", new JObject { ["name"] = "John" }, new JObject { ["name"] = "Janet" }) { Reason = "differs from the target in name" },
            ],
            [new CollectionSummary("people", 0, 1, 1, 0, 0)]),
            CreatePasses: 1,
            Stuck: []);

        [Fact]
        public void Should_stay_valid_json_without_workflow_commands_When_written_to_stdout_with_a_hostile_name()
        {
            // Given
            var (output, stdout, _) = Output();
            var hostile = new CreateItem("roles", "r-1", new JObject { ["name"] = "##vso[task.complete result=Failed]```" }, false);

            // When
            output.Out(PlanJson.ForDiff("diff", Diff(hostile), PushMode.Mirror, dryRun: false, showValues: true).ToString(Formatting.Indented));

            // Then
            stdout.ToString().Should().NotContain("##vso[").And.NotContain("```");
            var parsed = JObject.Parse(stdout.ToString());
            parsed["plan"]!["operations"]![3]!["item"]!["name"]!.Value<string>().Should().Be("##vso[task.complete result=Failed]```");
        }
    }
}
