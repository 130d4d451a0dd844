using DirectusSync.Core.Plan;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Sync;

/// <summary>
/// The plan a dry run prints is the whole push: every write request a push sends to Directus belongs to an
/// operation of that plan (duplicate permissions removed, operation links released, policy access rows, a
/// translation's key written on its own included). Each version on a fresh instance of its own.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class PlanIsWholePushTests
{
    [Theory]
    [InlineData("11.17.4")]
    [InlineData("12.4.0")]
    public async Task Should_send_only_requests_of_the_printed_plan_When_a_push_removes_duplicates_releases_links_and_changes_access_rows(string version)
    {
        // Given a target holding a pulled configuration, changed by hand and in the dump so that the push must remove
        // an untracked duplicate permission, release an operation link, detach a role and move a translation
        var suffix = SampleConfiguration.NewSuffix();
        await using var instance = await DirectusInstance.StartAsync($"plan-whole-{version.Replace('.', '-')}-{suffix}", version);
        using var setup = instance.CreateClient();
        var sample = new SampleConfiguration(setup, suffix);
        await sample.CreateSchemaAsync();
        await sample.CreateSystemItemsAsync(customPermissionRules: false);
        using var temp = new TempFolder();
        var dump = temp.Path;
        await new DirectusSyncEngine(setup).PullAsync(new SyncOptions { DumpPath = dump });
        var duplicate = await ArrangeAsync(setup, sample, dump);

        var recorder = new RecordingHandler();
        using var client = instance.CreateClient(recorder);
        var engine = new DirectusSyncEngine(client);
        var request = new PushRequest(new SyncOptions { DumpPath = dump }) { Consent = DeletionConsent.Everything };
        var printed = (await new PushWorkflow(engine).RunAsync(request with { DryRun = true })).Planned.Plan;
        printed.Operations.Should().Contain(o => o is DeleteDuplicatePermission && ((DeleteDuplicatePermission)o).LocalId == duplicate, Steps(printed));
        printed.Operations.Should().Contain(o => o is ReleaseOperationLink, Steps(printed));
        printed.Operations.Should().Contain(o => o is UpdateItem && ((UpdateItem)o).Access != null && ((UpdateItem)o).Access!.Delete.Count == 1, Steps(printed));
        printed.Operations.Should().Contain(o => o is UpdateItem && ((UpdateItem)o).IsPrelude, Steps(printed));
        recorder.Clear();

        // When
        var outcome = await new PushWorkflow(engine).RunAsync(request);

        // Then the push ran the printed plan in one pass, and each write belongs to one of its operations
        PlanFingerprint.Of(outcome.Planned.Plan).Should().Be(PlanFingerprint.Of(printed), "nothing changed between the dry run and the push");
        outcome.Passes.Should().Be(1, "the target matched the dump after the plan ran");
        var created = await CreatedIdsAsync(new IdMapClient(setup), printed);
        var strays = recorder.Writes.Where(w => !Belongs(w, printed, created)).ToList();
        strays.Should().BeEmpty($"every write belongs to an operation of the plan:\n{Steps(printed)}\nrequests:\n{string.Join("\n", recorder.Writes)}");
        // And the check after the pass reused the version and the extension the first diff found (one request each),
        // the data cache cleared before each of the two diffs
        recorder.Requests.Count(r => r == "GET /server/info").Should().Be(1, string.Join("\n", recorder.Requests));
        recorder.Requests.Count(r => r.Contains("__ping_test__", StringComparison.Ordinal)).Should().Be(1);
        recorder.Requests.Count(r => r == "POST /utils/cache/clear").Should().Be(2);
        recorder.Writes.Should().Contain(w => w.Method == "DELETE" && w.PathAndQuery == "/permissions" && Keys(w).Contains(duplicate), "the duplicate was removed");
        recorder.Writes.Should().Contain(w => w.Method == "PATCH" && w.PathAndQuery == "/operations", "the link was released");
        var left = (JArray)(await setup.GetAsync(
            $"/permissions?filter[policy][_eq]={sample.Ids["policy"]}&filter[collection][_eq]={sample.Articles}&filter[action][_eq]=delete"))!;
        left.Should().ContainSingle("the duplicate is gone (SQLite may give its id to the new permission)")
            .Which["fields"]!.ToObject<string[]>().Should().Equal("*");
    }

    /// <summary>Changes the target and the dump; returns the id of the untracked duplicate permission.</summary>
    private static async Task<string> ArrangeAsync(DirectusClient setup, SampleConfiguration sample, string dump)
    {
        // A second, untracked role attached to the policy by hand: the push detaches it (the dump does not list it).
        var extra = await setup.PostAsync("/roles", JObject.FromObject(new { name = $"Extra {sample.Suffix}" }));
        await setup.PatchAsync($"/policies/{sample.Ids["policy"]}", new JObject
        {
            ["roles"] = new JObject
            {
                ["create"] = new JArray(new JObject { ["role"] = extra!["id"]!.ToString(), ["sort"] = 2 }),
                ["update"] = new JArray(),
                ["delete"] = new JArray(),
            },
        });

        // A new permission in the dump, and its untracked twin on the target (fields differ, so it is not adopted).
        var permissions = Read(dump, "permissions");
        var read = permissions.OfType<JObject>().Single(p => p.Value<string>("collection") == sample.Articles && p.Value<string>("action") == "read");
        var created = (JObject)read.DeepClone();
        created["action"] = "delete";
        created["_syncId"] = Guid.NewGuid().ToString();
        permissions.Add(created);
        Write(dump, "permissions", permissions);
        var twin = await setup.PostAsync("/permissions", JObject.FromObject(new
        {
            policy = sample.Ids["policy"], collection = sample.Articles, action = "delete", fields = new[] { "*", "id" },
        }));

        // A new operation inserted in the chain check_status → log_it: it takes log_it, which check_status holds.
        var operations = Read(dump, "operations");
        var check = operations.OfType<JObject>().Single(o => o.Value<string>("key") == "check_status");
        var inserted = (JObject)operations.OfType<JObject>().Single(o => o.Value<string>("_syncId") == check.Value<string>("resolve")).DeepClone();
        inserted["_syncId"] = Guid.NewGuid().ToString();
        inserted["key"] = "notify";
        inserted["name"] = "Notify";
        inserted["position_x"] = 55;
        inserted["resolve"] = check["resolve"]!.DeepClone();
        check["resolve"] = inserted["_syncId"]!.DeepClone();
        operations.Add(inserted);
        Write(dump, "operations", operations);

        // A translation moved to another key and language at once.
        var translations = Read(dump, "translations");
        var translation = translations.OfType<JObject>().Single(t => t.Value<string>("key") == $"greeting_{sample.Suffix}");
        translation["key"] = $"salutation_{sample.Suffix}";
        translation["language"] = "fr-FR";
        Write(dump, "translations", translations);
        return twin!["id"]!.ToString();
    }

    /// <summary>The ids the push gave the items it created, by (collection, sync id).</summary>
    private static async Task<Dictionary<(string, string), string>> CreatedIdsAsync(IdMapClient idMaps, SyncPlan plan)
    {
        var ids = new Dictionary<(string, string), string>();
        foreach (var collection in plan.Operations.OfType<CreateItem>().Select(c => c.Collection).Distinct())
        {
            foreach (var map in await idMaps.ListAsync(collection))
            {
                ids[(collection, map.SyncId)] = map.LocalId;
            }
        }

        return ids;
    }

    /// <summary>True when <paramref name="write"/> is a request of an operation of <paramref name="plan"/> (or needs no operation).</summary>
    private static bool Belongs(RecordedRequest write, SyncPlan plan, Dictionary<(string, string), string> created)
    {
        var path = write.PathAndQuery;
        var ops = plan.Operations;
        var segments = path.Split('?')[0].Trim('/').Split('/');
        switch (write.Method, segments)
        {
            // Not configuration writes: session, caches, the schema diff Directus computes for the plan.
            case (_, ["auth", ..]):
            case ("POST", ["utils", "cache", "clear"]):
            case ("POST", ["schema", "diff"]):
                return true;
            case ("POST", ["schema", "apply"]):
                return plan.Schema is { Total: > 0 };

            // Id maps: each belongs to a create or an adoption (a map), or to a delete or a dangling map.
            case ("POST", ["directus-extension-sync", "table", var table]):
                var syncId = JObject.Parse(write.Body!).Value<string>("sync_id");
                return ops.Any(o => o is CreateItem or CreateIdMap && o.Collection == table && o.SyncId == syncId);
            case ("DELETE", ["directus-extension-sync", "table", var table, "sync_id", var mapped]):
                return ops.Any(o => o is DeleteItem or DeleteIdMap && o.Collection == table && o.SyncId == mapped);

            // Directus 12.2+ batch import: updates of the plan, in one request.
            case ("POST", ["utils", "import"]):
                return ops.Any(o => o is UpdateItem { Collection: not "operations" });

            // Batch creates: as many items as the plan creates in that collection, at most.
            case ("POST", [var collection]):
                return JToken.Parse(write.Body!) is JArray items
                    && items.Count <= ops.Count(o => o is CreateItem && o.Collection == collection);

            // Batch deletes: planned deletes and planned duplicate removals.
            case ("DELETE", [var collection]):
                return Keys(write).All(key => ops.Any(o =>
                    o.Collection == collection && ((o is DeleteItem d && d.LocalId == key) || (o is DeleteDuplicatePermission r && r.LocalId == key))));

            // Link releases: one batch update per field, keys the planned holders.
            case ("PATCH", ["operations"]):
                var body = JObject.Parse(write.Body!);
                var field = ((JObject)body["data"]!).Properties().Single().Name;
                return Keys(write).All(key => ops.OfType<ReleaseOperationLink>().Any(r => r.Field == field && r.LocalId == key));

            // Singleton and item updates.
            case ("PATCH", [var singleton]):
                return ops.Any(o => o is UpdateItem && o.Collection == singleton);
            case ("PATCH", [var collection, var id]):
                return ops.OfType<UpdateItem>().Any(u => u.Collection == collection
                    && (u.LocalId ?? created.GetValueOrDefault((collection, u.SyncId))) == Uri.UnescapeDataString(id));
            default:
                return false;
        }
    }

    private static List<string> Keys(RecordedRequest write)
    {
        var body = JToken.Parse(write.Body ?? "[]");
        var keys = body is JObject o ? o["keys"] as JArray : body as JArray;
        return (keys ?? []).Select(k => k.ToString()).ToList();
    }

    private static string Steps(SyncPlan plan) => string.Join("\n", plan.Operations.Select(o => PlanStep.Describe(o, showValues: false)));

    private static JArray Read(string dump, string collection) =>
        JArray.Parse(File.ReadAllText(Path.Combine(dump, "collections", $"{collection}.json")));

    private static void Write(string dump, string collection, JArray items) =>
        File.WriteAllText(Path.Combine(dump, "collections", $"{collection}.json"), items.ToString());
}
