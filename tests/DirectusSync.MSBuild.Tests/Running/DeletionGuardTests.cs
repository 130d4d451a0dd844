using DirectusSync.MSBuild.Running;

namespace DirectusSync.MSBuild.Tests.Running;

public sealed class DeletionGuardTests
{
    public sealed class TheIsExcessiveMethod
    {
        [Theory]
        [InlineData(0, 0, false)]
        [InlineData(0, 10, false)]
        [InlineData(1, 4, false)]
        [InlineData(1, 3, true)]
        [InlineData(2, 8, false)]
        [InlineData(3, 8, true)]
        [InlineData(1, 0, true)]
        public void Should_stop_more_than_a_quarter_of_the_tracked_items_When_counting_deletes(int deletes, int tracked, bool expected) =>
            DeletionGuard.IsExcessive(deletes, tracked).Should().Be(expected);
    }
}
