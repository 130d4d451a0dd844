using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Scenarios.Support;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Scenarios;

/// <summary>
/// The reference's e2e section D: flows and their operations (the flow ↔ first operation cycle, the unique
/// <c>resolve</c> chain, dynamic flow ids in "trigger flow" operations). The reference's fixture
/// <c>dependencies-operations</c> (1 flow, 3 operations chained op1→op2→op3) is added to a dump just pulled
/// from the shared instance.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class FlowScenarios(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_create_the_flow_and_its_chained_operations_in_one_push_When_they_depend_on_each_other()
    {
        // e2e #18 (push-with-dependencies). The reference needs 4 iterations; we order the creates and link
        // the flow to its first operation once that exists, in one pass.
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var chain = await PullAndAddChainAsync(client, temp.Path);
        var engine = new DirectusSyncEngine(client);
        var options = Options(temp.Path);

        // When
        var diff = await engine.DiffAsync(options);
        var push = await engine.PushAsync(options);

        // Then
        foreach (var summary in diff.Plan.Summaries)
        {
            var expected = summary.Collection switch { "flows" => 1, "operations" => 3, _ => 0 };
            (summary.ToCreate, summary.ToUpdate, summary.ToDelete).Should().Be((expected, 0, 0), summary.Collection);
        }

        push.Counts["flows"].Created.Should().Be(1);
        push.Counts["operations"].Created.Should().Be(3);
        var local = await chain.LocalIdsAsync(new ServerState(client));
        local["flow"].Should().Be(chain.Flow, "flows keep their sync id as id");
        await ShouldChainAsync(client, local, ("op1", "op2"), ("op2", "op3"), ("op3", null));
        (await new ServerState(client).ItemAsync("flows", local["flow"]))!["operation"]!.ToString().Should().Be(local["op1"]);
        (await engine.DiffAsync(options)).Plan.Operations.Where(o => o.ChangesItems).Should().BeEmpty("nothing is left to do");
    }

    [Fact]
    public async Task Should_update_the_three_operations_When_the_dump_reorders_the_resolve_chain()
    {
        // e2e #19 (update-operations-with-conflicts). Directus keeps resolve unique, so the new chain cannot be
        // written in any order: whichever operation holds a target lets go of it first. The reference counts 4
        // update activities and does not check the result; we check the chain.
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var chain = await PullAndAddChainAsync(client, temp.Path);
        var engine = new DirectusSyncEngine(client);
        var options = Options(temp.Path);
        await engine.PushAsync(options);
        var dump = new ScenarioDump(temp.Path);
        dump.Edit("operations", chain.Op1, o => o["resolve"] = chain.Op3);
        dump.Edit("operations", chain.Op3, o => o["resolve"] = chain.Op2);
        dump.Edit("operations", chain.Op2, o => o["resolve"] = null);
        var state = new ServerState(client);
        var ids = (await chain.LocalIdsAsync(state)).Where(p => p.Key != "flow").Select(p => p.Value).ToList();
        var writesBefore = await state.UpdateActivityCountAsync("operations", ids);

        // When
        var push = await engine.PushAsync(options);

        // Then
        foreach (var (collection, counts) in push.Counts)
        {
            (counts.Created, counts.Updated, counts.Deleted).Should().Be(collection == "operations" ? (0, 3, 0) : (0, 0, 0), collection);
        }

        var local = await chain.LocalIdsAsync(new ServerState(client));
        await ShouldChainAsync(client, local, ("op1", "op3"), ("op3", "op2"), ("op2", null));
        (await engine.DiffAsync(options)).Plan.Operations.Where(o => o.ChangesItems).Should().BeEmpty("nothing is left to do");
        (await state.UpdateActivityCountAsync("operations", ids) - writesBefore).Should().Be(3,
            "op2 lets go of op3 by its own update before op1 takes it, and op1 of op2 before op3 takes it: one write each " +
            "(the reference needs 4, one of them to null a resolve first)");
    }

    [Fact]
    public async Task Should_recreate_the_deleted_operation_and_restore_the_chain_When_an_operation_was_deleted_and_its_target_taken()
    {
        // e2e #20 (create-operations-with-conflicts): on the server, op1 was pointed at op3 and op2 deleted.
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var chain = await PullAndAddChainAsync(client, temp.Path);
        var engine = new DirectusSyncEngine(client);
        var options = Options(temp.Path);
        await engine.PushAsync(options);
        var state = new ServerState(client);
        var before = await chain.LocalIdsAsync(state);
        await client.PatchAsync($"/operations/{before["op1"]}", new JObject { ["resolve"] = null });
        await client.DeleteAsync($"/operations/{before["op2"]}");
        await client.PatchAsync($"/operations/{before["op1"]}", new JObject { ["resolve"] = before["op3"] });

        // When
        var push = await engine.PushAsync(options);

        // Then
        var operations = push.Counts["operations"];
        (operations.Created, operations.Updated, operations.Deleted).Should().Be((1, 1, 0));
        operations.DanglingRemoved.Should().BeGreaterThanOrEqualTo(1);
        var after = await chain.LocalIdsAsync(state);
        // Created anew with its sync id as id (as any new uuid item), so here under its former id.
        (await state.ItemAsync("operations", after["op2"])).Should().NotBeNull("op2 is created anew");
        (after["op1"], after["op3"]).Should().Be((before["op1"], before["op3"]));
        await ShouldChainAsync(client, after, ("op1", "op2"), ("op2", "op3"), ("op3", null));
    }

    [Fact]
    public async Task Should_keep_a_dynamic_flow_id_as_is_When_pushing_and_pulling_a_trigger_flow_operation()
    {
        // e2e #21 (operations-with-dynamic-flow-id): "{{ … }}" is resolved when the flow runs, it is no sync id.
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var engine = new DirectusSyncEngine(client);
        var pull = new SyncOptions { DumpPath = temp.Path, Specs = false, Snapshot = false };
        await engine.PullAsync(pull);
        var suffix = SampleConfiguration.NewSuffix();
        var flow = DumpItems.NewSyncId();
        var operation = DumpItems.NewSyncId();
        var trigger = DumpItems.Operation(operation, flow, $"trigger_{suffix}");
        trigger["type"] = "trigger";
        trigger["options"] = new JObject { ["flow"] = "{{ dynamic_flow_id }}", ["payload"] = "{{ $trigger }}" };
        var dump = new ScenarioDump(temp.Path);
        dump.Append("flows", DumpItems.Flow(flow, $"Dynamic {suffix}", operation));
        dump.Append("operations", trigger);

        // When
        await engine.PushAsync(Options(temp.Path));
        await engine.PullAsync(pull);

        // Then
        dump.Item("operations", operation)["options"]!["flow"]!.ToString().Should().Be("{{ dynamic_flow_id }}");
        var local = await new ServerState(client).LocalIdOfAsync("operations", operation);
        (await new ServerState(client).ItemAsync("operations", local!))!["options"]!["flow"]!.ToString().Should().Be("{{ dynamic_flow_id }}");
    }

    private static SyncOptions Options(string path) => new() { DumpPath = path, Snapshot = false };

    /// <summary>Pulls the shared instance and adds a flow whose first operation op1 resolves to op2, op2 to op3.</summary>
    private static async Task<OperationChain> PullAndAddChainAsync(DirectusClient client, string path)
    {
        await new DirectusSyncEngine(client).PullAsync(new SyncOptions { DumpPath = path, Specs = false, Snapshot = false });
        var suffix = SampleConfiguration.NewSuffix();
        var chain = new OperationChain(DumpItems.NewSyncId(), DumpItems.NewSyncId(), DumpItems.NewSyncId(), DumpItems.NewSyncId());
        var dump = new ScenarioDump(path);
        dump.Append("flows", DumpItems.Flow(chain.Flow, $"Chain {suffix}", chain.Op1));
        dump.Append("operations",
            DumpItems.Operation(chain.Op1, chain.Flow, $"op1_{suffix}", resolve: chain.Op2, x: 19),
            DumpItems.Operation(chain.Op2, chain.Flow, $"op2_{suffix}", resolve: chain.Op3, x: 37),
            DumpItems.Operation(chain.Op3, chain.Flow, $"op3_{suffix}", resolve: null, x: 55));
        return chain;
    }

    /// <summary>Asserts each operation's resolve on the server (by the names op1, op2, op3).</summary>
    private static async Task ShouldChainAsync(DirectusClient client, IReadOnlyDictionary<string, string> local, params (string From, string? To)[] links)
    {
        var state = new ServerState(client);
        foreach (var (from, to) in links)
        {
            var operation = (await state.ItemAsync("operations", local[from]))!;
            operation["flow"]!.ToString().Should().Be(local["flow"]);
            var resolve = operation["resolve"];
            (resolve is null || resolve.Type == JTokenType.Null ? null : resolve.ToString())
                .Should().Be(to is null ? null : local[to], $"{from} resolves to {to ?? "nothing"}");
        }
    }

    private sealed record OperationChain(string Flow, string Op1, string Op2, string Op3)
    {
        public async Task<Dictionary<string, string>> LocalIdsAsync(ServerState state) => new()
        {
            ["flow"] = (await state.LocalIdOfAsync("flows", Flow))!,
            ["op1"] = (await state.LocalIdOfAsync("operations", Op1))!,
            ["op2"] = (await state.LocalIdOfAsync("operations", Op2))!,
            ["op3"] = (await state.LocalIdOfAsync("operations", Op3))!,
        };
    }
}
