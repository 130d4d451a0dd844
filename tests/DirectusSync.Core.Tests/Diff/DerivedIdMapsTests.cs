using DirectusSync.Core.Diff;
using DirectusSync.Core.Model;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Diff;

public sealed class DerivedIdMapsTests
{
    private static readonly PlaceholderTargets InstanceA = new("role-admin-a", "policy-admin-a", "policy-public-a", "1");
    private static readonly PlaceholderTargets InstanceB = new("role-admin-b", "policy-admin-b", "policy-public-b", "1");

    private static IReadOnlyDictionary<string, IReadOnlyList<IdMap>> Derive(PlaceholderTargets placeholders, params (CollectionDefinition Definition, string[] Items)[] collections) =>
        DerivedIdMaps.Derive(collections.Select(c => (c.Definition, (IReadOnlyList<JObject>)c.Items.Select(JObject.Parse).ToList())), placeholders);

    private static string SyncIdOf(IReadOnlyDictionary<string, IReadOnlyList<IdMap>> maps, string table, string localId) =>
        maps[table].Single(m => m.LocalId == localId).SyncId;

    public sealed class TheDeriveMethod
    {
        [Fact]
        public void Should_use_the_id_as_sync_id_and_the_placeholder_for_the_default_rows_When_items_are_uuid_keyed()
        {
            // When
            var maps = Derive(InstanceA, (SystemCollections.Roles, ["""{"id":"role-admin-a"}""", """{"id":"5f0c1e0e-1111-4c3a-9a51-0d8f2b6f7a10"}"""]));

            // Then
            SyncIdOf(maps, "roles", "role-admin-a").Should().Be(Placeholders.AdminRole);
            SyncIdOf(maps, "roles", "5f0c1e0e-1111-4c3a-9a51-0d8f2b6f7a10").Should().Be("5f0c1e0e-1111-4c3a-9a51-0d8f2b6f7a10");
        }

        [Fact]
        public void Should_give_a_permission_the_same_sync_id_on_two_instances_When_its_ids_differ_there()
        {
            // Given the admin policy's permission to read articles, with other ids on each instance
            var onA = Derive(InstanceA, (SystemCollections.Permissions, ["""{"id":12,"policy":"policy-admin-a","collection":"articles","action":"read"}"""]));
            var onB = Derive(InstanceB, (SystemCollections.Permissions, ["""{"id":97,"policy":"policy-admin-b","collection":"articles","action":"read"}"""]));

            // Then the key names the policy by its placeholder, so both agree
            SyncIdOf(onA, "permissions", "12").Should().Be(SyncIdOf(onB, "permissions", "97"));
        }

        [Fact]
        public void Should_tell_apart_items_sharing_a_natural_key_by_their_id_order()
        {
            // Given two global presets of one collection without a bookmark, listed out of id order
            var maps = Derive(InstanceA, (SystemCollections.Presets,
            [
                """{"id":40,"role":null,"collection":"articles","bookmark":null}""",
                """{"id":8,"role":null,"collection":"articles","bookmark":null}""",
            ]));

            // Then the older one has the key's first id, the other the second
            var key = """["presets",null,"articles",null]""";
            SyncIdOf(maps, "presets", "8").Should().Be(DerivedIdMaps.SyncIdOfKey(key, 0));
            SyncIdOf(maps, "presets", "40").Should().Be(DerivedIdMaps.SyncIdOfKey(key, 1));
        }

        [Fact]
        public void Should_give_different_sync_ids_When_permissions_differ_in_action()
        {
            // When
            var maps = Derive(InstanceA, (SystemCollections.Permissions,
            [
                """{"id":1,"policy":"p-1","collection":"articles","action":"read"}""",
                """{"id":2,"policy":"p-1","collection":"articles","action":"update"}""",
            ]));

            // Then
            SyncIdOf(maps, "permissions", "1").Should().NotBe(SyncIdOf(maps, "permissions", "2"));
        }
    }

    public sealed class TheRekeyMethod
    {
        [Fact]
        public void Should_rename_a_permission_to_its_derived_sync_id_When_the_server_drew_its_sync_id()
        {
            // Given a dump permission pulled in extension mode, and the same permission read on a target
            var dumped = JObject.Parse("""{"policy":"_sync_default_admin_policy","collection":"articles","action":"read","_syncId":"c2a9b1de-0000-4000-8000-000000000001"}""");
            var live = Derive(InstanceB, (SystemCollections.Permissions, ["""{"id":97,"policy":"policy-admin-b","collection":"articles","action":"read"}"""]));

            // When
            var (items, renamed) = DerivedIdMaps.Rekey(SystemCollections.Permissions, [dumped]);

            // Then it is compared under the sync id the target derives for it; the dump's object is untouched
            items.Single().Value<string>("_syncId").Should().Be(SyncIdOf(live, "permissions", "97"));
            renamed.Should().ContainSingle().Which.From.Should().Be("c2a9b1de-0000-4000-8000-000000000001");
            dumped.Value<string>("_syncId").Should().Be("c2a9b1de-0000-4000-8000-000000000001");
        }

        [Fact]
        public void Should_keep_every_sync_id_When_the_dump_was_pulled_without_the_extension()
        {
            // Given two identical presets already under their key's two ids, in reverse order
            var key = """["presets",null,"articles",null]""";
            var first = JObject.Parse($$"""{"role":null,"collection":"articles","bookmark":null,"_syncId":"{{DerivedIdMaps.SyncIdOfKey(key, 1)}}"}""");
            var second = JObject.Parse($$"""{"role":null,"collection":"articles","bookmark":null,"_syncId":"{{DerivedIdMaps.SyncIdOfKey(key, 0)}}"}""");

            // When
            var (items, renamed) = DerivedIdMaps.Rekey(SystemCollections.Presets, [first, second]);

            // Then
            renamed.Should().BeEmpty();
            items.Should().Equal(first, second);
        }

        [Fact]
        public void Should_give_each_of_two_identical_items_its_own_id_When_both_had_server_drawn_sync_ids()
        {
            // Given
            var a = JObject.Parse("""{"role":null,"collection":"articles","bookmark":null,"_syncId":"s-a"}""");
            var b = JObject.Parse("""{"role":null,"collection":"articles","bookmark":null,"_syncId":"s-b"}""");

            // When
            var (items, _) = DerivedIdMaps.Rekey(SystemCollections.Presets, [a, b]);

            // Then in file order: the first takes the key's first id
            var key = """["presets",null,"articles",null]""";
            items.Select(i => i.Value<string>("_syncId")).Should().Equal(DerivedIdMaps.SyncIdOfKey(key, 0), DerivedIdMaps.SyncIdOfKey(key, 1));
        }

        [Fact]
        public void Should_leave_uuid_keyed_items_alone()
        {
            // Given
            var role = JObject.Parse("""{"name":"Editor","_syncId":"s-editor"}""");

            // When
            var (items, renamed) = DerivedIdMaps.Rekey(SystemCollections.Roles, [role]);

            // Then
            items.Should().ContainSingle().Which.Should().BeSameAs(role);
            renamed.Should().BeEmpty();
        }
    }
}
