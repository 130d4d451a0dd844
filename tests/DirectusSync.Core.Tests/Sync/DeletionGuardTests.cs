using DirectusSync.Core.Diff;
using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Sync;

public sealed class DeletionGuardTests
{
    public sealed class TheIsExcessive
    {
        [Theory]
        [InlineData(0, 0, false)]
        [InlineData(1, 4, false)]
        [InlineData(2, 8, false)]
        [InlineData(2, 7, true)]
        [InlineData(1, 3, true)]
        [InlineData(1, 1, true)]
        [InlineData(3, 0, true)]
        public void Should_stop_only_above_a_quarter_When_comparing_deletes_with_tracked_items(int deletes, int tracked, bool expected)
        {
            // When
            var excessive = DeletionGuard.IsExcessive(deletes, tracked);

            // Then
            excessive.Should().Be(expected);
        }
    }

    public sealed class TheCheck
    {
        [Fact]
        public void Should_list_the_collection_and_its_deletes_When_a_push_would_delete_most_tracked_items()
        {
            // Given
            var diff = Diff(tracked: new() { ["roles"] = 4, ["flows"] = 8 },
                new DeleteItem("roles", "r1", "1", new JObject { ["name"] = "A" }),
                new DeleteItem("roles", "r2", "2", new JObject { ["name"] = "B" }),
                new DeleteItem("flows", "f1", "10", new JObject()));

            // When
            var violations = DeletionGuard.Check(diff);

            // Then
            violations.Should().ContainSingle();
            violations[0].Collection.Should().Be("roles");
            violations[0].Tracked.Should().Be(4);
            violations[0].Deletes.Select(d => d.SyncId).Should().Equal("r1", "r2");
        }

        [Fact]
        public void Should_allow_the_push_When_nothing_is_deleted()
        {
            // Given
            var diff = Diff(tracked: new() { ["roles"] = 1 }, new CreateItem("roles", "r9", new JObject(), false));

            // When
            var violations = DeletionGuard.Check(diff);

            // Then
            violations.Should().BeEmpty();
        }

        private static DiffResult Diff(Dictionary<string, int> tracked, params PlanOperation[] operations)
        {
            var collections = tracked.ToDictionary(
                t => t.Key,
                t => new LiveCollection(SystemCollections.Get(t.Key), [], Enumerable.Range(0, t.Value).Select(i => new IdMap(i, t.Key, $"s{i}", $"{i}")).ToList()));
            var live = new LiveState(collections, new PlaceholderTargets(null, null, null, null));
            return new DiffResult(new ServerInfo(DirectusVersion.Parse("11.17.4"), null), new SyncPlan(null, operations, []), live);
        }
    }
}
