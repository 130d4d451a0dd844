using DirectusSync.Core.Diff;
using DirectusSync.Core.Model;

namespace DirectusSync.Core.Tests.Diff;

public sealed class CollectionOrderTests
{
    public sealed class TheForCreation
    {
        [Fact]
        public void Should_put_relation_targets_first_and_break_the_flow_operation_cycle_at_flows_When_ordering_all_collections()
        {
            // When
            var order = CollectionOrder.ForCreation(SystemCollections.All);

            // Then
            order.Select(c => c.Name).Should().Equal(
                "folders", "translations", "roles", "settings", "policies", "permissions", "dashboards", "panels", "presets", "flows", "operations");
        }

        [Fact]
        public void Should_give_the_same_order_When_the_input_is_shuffled()
        {
            // Given
            var shuffled = SystemCollections.All.Reverse().ToList();

            // When
            var order = CollectionOrder.ForCreation(shuffled);

            // Then
            order.Should().Equal(CollectionOrder.ForCreation(SystemCollections.All));
        }

        [Fact]
        public void Should_place_every_target_before_the_collection_that_points_at_it_When_there_is_no_cycle()
        {
            // When
            var order = CollectionOrder.ForCreation(SystemCollections.All).Select(c => c.Name).ToList();

            // Then
            foreach (var definition in SystemCollections.All.Where(c => c != SystemCollections.Flows))
            {
                foreach (var relation in definition.Relations.Where(r => r.TargetCollection != definition.Name))
                {
                    order.IndexOf(relation.TargetCollection).Should().BeLessThan(order.IndexOf(definition.Name), $"{definition.Name}.{relation.Text} points at {relation.TargetCollection}");
                }
            }
        }

        [Fact]
        public void Should_ignore_relations_to_collections_not_synced_When_ordering_a_subset()
        {
            // Given
            var subset = new[] { SystemCollections.Operations, SystemCollections.Settings, SystemCollections.Panels };

            // When
            var order = CollectionOrder.ForCreation(subset);

            // Then
            order.Select(c => c.Name).Should().Equal("settings", "operations", "panels");
        }

        [Fact]
        public void Should_keep_flows_before_operations_When_only_those_two_are_synced()
        {
            // When
            var order = CollectionOrder.ForCreation([SystemCollections.Operations, SystemCollections.Flows]);

            // Then
            order.Select(c => c.Name).Should().Equal("flows", "operations");
        }

        [Fact]
        public void Should_return_nothing_When_no_collection_is_synced()
        {
            // When
            var order = CollectionOrder.ForCreation([]);

            // Then
            order.Should().BeEmpty();
        }
    }

    public sealed class TheReferenceIndex
    {
        [Fact]
        public void Should_follow_the_reference_processing_order_When_asked_for_each_collection()
        {
            // When
            var indexes = SystemCollections.All.Select(CollectionOrder.ReferenceIndex);

            // Then
            indexes.Should().Equal(Enumerable.Range(0, 11));
        }

        [Fact]
        public void Should_sort_last_When_the_collection_is_not_tracked()
        {
            // Given
            var unknown = new CollectionDefinition { Name = "webhooks" };

            // When
            var index = CollectionOrder.ReferenceIndex(unknown);

            // Then
            index.Should().Be(int.MaxValue);
        }
    }
}
