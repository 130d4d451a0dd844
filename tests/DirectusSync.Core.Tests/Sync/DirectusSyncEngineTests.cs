using System.Net;
using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Storage;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Tests.Diff;

namespace DirectusSync.Core.Tests.Sync;

public sealed class DirectusSyncEngineTests
{
    /// <summary>
    /// A diff reads and validates the dump while its version check is in flight: a bad dump is still what it reports,
    /// and nothing but that check reaches the server.
    /// </summary>
    public sealed class TheDumpValidation
    {
        [Fact]
        public async Task Should_report_the_malformed_file_and_send_only_the_version_check_When_the_server_fails_too()
        {
            // Given a dump whose roles file is cut short, and a server answering every request with an error
            using var dump = new TempFolder();
            Directory.CreateDirectory(Path.Combine(dump.Path, "collections"));
            await File.WriteAllTextAsync(Path.Combine(dump.Path, "collections", "roles.json"), "[{\"name\":");
            var directus = new FakeDirectus { Override = _ => (HttpStatusCode.InternalServerError, """{"errors":[{"message":"down"}]}""") };
            using var client = new DirectusClient(new DirectusClientOptions
            {
                BaseUrl = new Uri("http://127.0.0.1:8055"),
                Credentials = DirectusCredentials.FromToken("static-token-1"),
                Handler = directus,
                TransientRetries = 0,
            });
            var options = new SyncOptions { DumpPath = dump.Path, Snapshot = false, OnlyCollections = ["roles"] };

            // When
            var act = () => new DirectusSyncEngine(client).DiffAsync(options);

            // Then the file is named, and the only request sent (if any) was the version check
            (await act.Should().ThrowAsync<DumpFileException>()).Which.Message.Should().Contain("roles.json");
            directus.Sent.Select(r => r.Route).Where(route => route != "GET /server/info").Should().BeEmpty();
        }
    }

    /// <summary>The push modes, applied to a plan with every kind of step.</summary>
    public sealed class TheApplyMode
    {
        [Fact]
        public void Should_keep_the_plan_as_it_is_When_mirroring()
        {
            // Given
            var plan = EveryKindOfStep();

            // When
            var result = DirectusSyncEngine.ApplyMode(plan, PushMode.Mirror);

            // Then
            result.Should().BeSameAs(plan);
        }

        [Fact]
        public void Should_drop_only_the_deletes_When_merging()
        {
            // Given
            var plan = EveryKindOfStep();

            // When
            var result = DirectusSyncEngine.ApplyMode(plan, PushMode.Merge);

            // Then
            result.Steps().Should().Equal(
                "unmap folders f-lost",
                $"map roles {Placeholders.AdminRole} to r-admin",
                "create folders f-lost with its id",
                "create flows flow-new with its id",
                "create operations op-first",
                "deferred update flows flow-new: operation",
                $"update roles {Placeholders.AdminRole}: name",
                "update dashboards dash-kpi: name");
        }

        [Fact]
        public void Should_keep_creates_adoptions_unmaps_and_deferred_relations_When_only_adding()
        {
            // Given
            var plan = EveryKindOfStep();

            // When
            var result = DirectusSyncEngine.ApplyMode(plan, PushMode.Add);

            // Then
            result.Steps().Should().Equal(
                "unmap folders f-lost",
                $"map roles {Placeholders.AdminRole} to r-admin",
                "create folders f-lost with its id",
                "create flows flow-new with its id",
                "create operations op-first",
                "deferred update flows flow-new: operation");
        }

        [Theory]
        [InlineData(PushMode.Merge)]
        [InlineData(PushMode.Add)]
        public void Should_keep_the_schema_changes_When_filtering_steps(PushMode mode)
        {
            // Given
            var plan = EveryKindOfStep() with { Schema = new SchemaChanges("hash", Json.Object("{ collections: [{}] }")) };

            // When
            var result = DirectusSyncEngine.ApplyMode(plan, mode);

            // Then
            result.Schema.Should().BeSameAs(plan.Schema);
        }

        [Fact]
        public void Should_leave_an_empty_plan_When_only_adding_to_a_target_that_only_differs_by_updates_and_deletes()
        {
            // Given
            var dump = new DumpBuilder().Item("roles", "role-editor", "{ name: 'Editor v2' }");
            var target = new LiveStateBuilder()
                .MappedItem("roles", "role-editor", "r-1", "{ name: 'Editor' }")
                .MappedItem("roles", "role-old", "r-2", "{ name: 'Old' }");
            var plan = Differ.Diff(dump, target);

            // When
            var result = DirectusSyncEngine.ApplyMode(plan, PushMode.Add);

            // Then
            result.IsEmpty.Should().BeTrue();
        }

        private static SyncPlan EveryKindOfStep()
        {
            var dump = new DumpBuilder()
                .Item("roles", Placeholders.AdminRole, "{ name: 'Admin' }")
                .Item("dashboards", "dash-kpi", "{ name: 'KPIs v2' }")
                .Item("folders", "f-lost", "{ name: 'Lost', parent: null }")
                .Item("flows", "flow-new", "{ name: 'New', operation: 'op-first' }")
                .Item("operations", "op-first", "{ key: 'first', flow: 'flow-new' }");
            var target = new LiveStateBuilder()
                .Defaults(adminRole: "r-admin")
                .UnmappedItem("roles", "r-admin", "{ name: 'Administrator' }")
                .MappedItem("dashboards", "dash-kpi", "d-1", "{ name: 'KPIs' }")
                .MappedItem("panels", "panel-old", "pa-1", "{ name: 'Old', dashboard: 'd-1' }")
                .MappedItem("folders", "f-old", "f-old", "{ name: 'Old', parent: null }")
                .Map("folders", "f-lost", "f-lost");
            var plan = Differ.Diff(dump, target);
            plan.Operations.Select(o => o.Kind).Distinct().Should().HaveCount(5, "the plan should hold every kind of step");
            return plan;
        }
    }
}
