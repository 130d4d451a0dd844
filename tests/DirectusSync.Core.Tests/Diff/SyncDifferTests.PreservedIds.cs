using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Tests.Diff;

public sealed partial class SyncDifferTests
{
    /// <summary>Flows and folders keep their id everywhere; six more collections may, with --preserve-ids.</summary>
    public sealed class ThePreservedIds
    {
        public static TheoryData<string> AlwaysPreserved => new("flows", "folders");

        public static TheoryData<string> MayPreserve => new("translations", "operations", "roles", "policies", "dashboards", "panels");

        [Theory]
        [MemberData(nameof(AlwaysPreserved))]
        public void Should_create_with_the_sync_id_as_id_When_the_collection_always_preserves_ids(string collection)
        {
            // Given
            var sample = CollectionSample.Get(collection);
            var dump = new DumpBuilder().Sample(collection);

            // When
            var plan = Differ.Diff(dump, new LiveStateBuilder());

            // Then
            plan.Step<CreateItem>(collection, sample.SyncId).PreserveId.Should().BeTrue();
        }

        [Theory]
        [MemberData(nameof(MayPreserve))]
        public void Should_create_with_a_new_id_When_the_collection_is_not_named_in_preserve_ids(string collection)
        {
            // Given
            var sample = CollectionSample.Get(collection);
            var dump = new DumpBuilder().Sample(collection);

            // When
            var plan = Differ.Diff(dump, new LiveStateBuilder());

            // Then
            plan.Step<CreateItem>(collection, sample.SyncId).PreserveId.Should().BeFalse();
        }

        [Theory]
        [MemberData(nameof(MayPreserve))]
        public void Should_create_with_the_sync_id_as_id_When_the_collection_is_named_in_preserve_ids(string collection)
        {
            // Given
            var sample = CollectionSample.Get(collection);
            var dump = new DumpBuilder().Sample(collection);

            // When
            var plan = Differ.Diff(dump, new LiveStateBuilder(), Differ.Options(preserveIds: [collection]));

            // Then
            plan.Steps().Should().Equal($"create {collection} {sample.SyncId} with its id");
        }

        [Theory]
        [MemberData(nameof(AlwaysPreserved))]
        public void Should_adopt_the_existing_item_When_an_item_with_the_sync_id_as_id_has_no_map(string collection)
        {
            // Given
            var sample = CollectionSample.Get(collection);
            var dump = new DumpBuilder().Item(collection, sample.SyncId, sample.ChangedJson());
            var target = new LiveStateBuilder().UnmappedItem(collection, sample.SyncId, sample.ItemJson);

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal(
                $"map {collection} {sample.SyncId} to {sample.SyncId}",
                $"update {collection} {sample.SyncId}: {sample.Field}");
            plan.Step<CreateIdMap>(collection, sample.SyncId).Reason.Should().Contain("id map was missing");
        }

        [Theory]
        [MemberData(nameof(MayPreserve))]
        public void Should_adopt_the_existing_item_When_preserve_ids_names_the_collection_and_the_map_is_missing(string collection)
        {
            // Given
            var sample = CollectionSample.Get(collection);
            var dump = new DumpBuilder().Sample(collection);
            var target = new LiveStateBuilder().UnmappedItem(collection, sample.SyncId, sample.ItemJson);

            // When
            var plan = Differ.Diff(dump, target, Differ.Options(preserveIds: [collection]));

            // Then
            plan.Steps().Should().Equal($"map {collection} {sample.SyncId} to {sample.SyncId}");
        }

        [Theory]
        [MemberData(nameof(MayPreserve))]
        public void Should_adopt_an_unmapped_item_whose_id_is_the_sync_id_When_ids_are_not_preserved(string collection)
        {
            // Given the state a push leaves when it stops between a create (new uuid items get their sync id
            // as id) and the id map
            var sample = CollectionSample.Get(collection);
            var dump = new DumpBuilder().Sample(collection);
            var target = new LiveStateBuilder().UnmappedItem(collection, sample.SyncId, sample.ItemJson);

            // When
            var plan = Differ.Diff(dump, target);

            // Then the re-run maps it instead of creating it twice
            plan.Steps().Should().Equal($"map {collection} {sample.SyncId} to {sample.SyncId}");
        }

        [Fact]
        public void Should_recreate_a_folder_under_its_own_id_When_its_map_dangles()
        {
            // Given
            var dump = new DumpBuilder().Item("folders", "f-assets", "{ name: 'Assets', parent: null }");
            var target = new LiveStateBuilder().Map("folders", "f-assets", "f-assets");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal("unmap folders f-assets", "create folders f-assets with its id");
        }

        [Fact]
        public void Should_not_adopt_When_the_item_with_that_id_is_mapped_to_another_sync_id()
        {
            // Given
            var dump = new DumpBuilder().Item("folders", "f-assets", "{ name: 'Assets', parent: null }");
            var target = new LiveStateBuilder().MappedItem("folders", "f-other", "f-assets", "{ name: 'Assets', parent: null }");

            // When
            var plan = Differ.Diff(dump, target);

            // Then
            plan.Steps().Should().Equal("create folders f-assets with its id", "delete folders f-other");
        }
    }
}
