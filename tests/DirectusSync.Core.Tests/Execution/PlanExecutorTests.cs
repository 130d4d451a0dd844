using DirectusSync.Core.Diff;
using DirectusSync.Core.Execution;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Tests.Diff;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Execution;

/// <summary>The executor turns the plan's operations into requests, and sends nothing else.</summary>
public sealed class PlanExecutorTests : IDisposable
{
    private readonly FakeDirectus _directus = new();
    private readonly DirectusClient _client;

    public PlanExecutorTests() => _client = new DirectusClient(new DirectusClientOptions
    {
        BaseUrl = new Uri("http://127.0.0.1:8055"),
        Credentials = DirectusCredentials.FromToken("token"),
        Handler = _directus,
    });

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Should_delete_the_planned_duplicates_in_one_request_before_the_create_When_the_plan_removes_them()
    {
        // Given
        var target = new LiveStateBuilder()
            .MappedItem("policies", "pol-a", "local-pol-a", "{ name: 'A' }")
            .UnmappedItem("permissions", "12", "{ policy: 'local-pol-a', collection: 'articles', action: 'read', fields: ['id'] }")
            .UnmappedItem("permissions", "13", "{ policy: 'local-pol-a', collection: 'articles', action: 'read', fields: ['title'] }");
        var dump = new DumpBuilder().Item("permissions", "perm-new", "{ policy: 'pol-a', collection: 'articles', action: 'read', fields: ['*'] }");

        // When
        await ExecuteAsync(dump, target, "permissions");

        // Then
        _directus.Transcript.Should().Equal(
            "DELETE /permissions [12,13]",
            """POST /permissions?fields[]=id [{"policy":"local-pol-a","collection":"articles","action":"read","fields":["*"]}]""",
            """POST /directus-extension-sync/table/permissions {"local_id":"100","sync_id":"perm-new"}""");
    }

    [Fact]
    public async Task Should_delete_no_untracked_permission_When_the_plan_does_not_remove_it()
    {
        // Given a plan with only the create, while the target holds an untracked duplicate
        var target = new LiveStateBuilder()
            .MappedItem("policies", "pol-a", "local-pol-a", "{ name: 'A' }")
            .UnmappedItem("permissions", "12", "{ policy: 'local-pol-a', collection: 'articles', action: 'read', fields: ['id'] }");
        var create = new CreateItem("permissions", "perm-new", JObject.Parse("{ policy: 'pol-a', collection: 'articles', action: 'read' }"), PreserveId: false);
        var plan = new SyncPlan(null, [create], []);

        // When
        await Executor().ExecuteAsync(plan, target.Build());

        // Then the executor decided nothing of its own
        _directus.Transcript.Should().NotContain(r => r.StartsWith("DELETE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_send_the_release_then_the_updates_one_by_one_When_two_operations_swap_their_next_steps()
    {
        // Given
        var dump = new DumpBuilder()
            .Item("operations", "op-x", "{ resolve: null }")
            .Item("operations", "op-y", "{ resolve: null }")
            .Item("operations", "op-a", "{ resolve: 'op-y' }")
            .Item("operations", "op-b", "{ resolve: 'op-x' }");
        var target = new LiveStateBuilder()
            .MappedItem("operations", "op-x", "local-x", "{ resolve: null }")
            .MappedItem("operations", "op-y", "local-y", "{ resolve: null }")
            .MappedItem("operations", "op-a", "local-a", "{ resolve: 'local-x' }")
            .MappedItem("operations", "op-b", "local-b", "{ resolve: 'local-y' }");

        // When
        await ExecuteAsync(dump, target, "operations");

        // Then
        _directus.Transcript.Should().Equal(
            """PATCH /operations {"keys":["local-b"],"data":{"resolve":null}}""",
            """PATCH /operations/local-a?fields[]=id {"resolve":"local-y"}""",
            """PATCH /operations/local-b?fields[]=id {"resolve":"local-x"}""");
    }

    [Fact]
    public async Task Should_write_the_planned_access_rows_with_resolved_roles_When_a_policy_changes_its_roles()
    {
        // Given
        var dump = new DumpBuilder().Item("policies", "pol", "{ roles: [{ role: 'r1', user: null, sort: 2 }, { role: 'r3', user: null, sort: 1 }] }");
        var target = new LiveStateBuilder()
            .MappedItem("roles", "r1", "local-r1", "{ name: 'R1' }")
            .MappedItem("roles", "r2", "local-r2", "{ name: 'R2' }")
            .MappedItem("roles", "r3", "local-r3", "{ name: 'R3' }")
            .MappedItem("policies", "pol", "local-pol",
                "{ roles: [{ id: 14, role: 'local-r1', user: null, sort: 1 }, { id: 15, role: 'local-r2', user: null, sort: 2 }] }");

        // When
        await ExecuteAsync(dump, target, "policies");

        // Then
        _directus.Transcript.Should().Equal(
            """PATCH /policies/local-pol?fields[]=id {"roles":{"create":[{"role":"local-r3","user":null,"sort":1}],"update":[{"role":"local-r1","user":null,"sort":2,"id":14}],"delete":[15]}}""");
    }

    [Fact]
    public async Task Should_send_the_key_then_the_rest_When_a_translation_changes_key_and_language()
    {
        // Given
        var dump = new DumpBuilder().Item("translations", "t", "{ key: 'hello', language: 'fr-FR', value: 'Bonjour' }");
        var target = new LiveStateBuilder().MappedItem("translations", "t", "local-t", "{ key: 'welcome', language: 'en-US', value: 'Welcome' }");

        // When
        var result = await ExecuteAsync(dump, target, "translations");

        // Then
        _directus.Transcript.Should().Equal(
            """PATCH /translations/local-t?fields[]=id {"key":"hello"}""",
            """PATCH /translations/local-t?fields[]=id {"language":"fr-FR","value":"Bonjour"}""");
        result.Counts["translations"].Updated.Should().Be(1, "one item was updated, in two writes");
    }

    private async Task<PushResult> ExecuteAsync(DumpBuilder dump, LiveStateBuilder target, string collection)
    {
        var live = target.Build();
        var plan = SyncDiffer.Diff(dump.Build(), live, Differ.Options(only: [collection]));
        return await Executor().ExecuteAsync(plan, live);
    }

    private PlanExecutor Executor() => new(_client, new IdMapClient(_client), NullSyncLog.Instance);
}
