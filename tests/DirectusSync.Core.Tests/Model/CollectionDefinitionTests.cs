using DirectusSync.Core.Model;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Model;

public sealed class CollectionDefinitionTests
{
    [Fact]
    public void Should_list_the_relations_to_one_collection_When_asked_for_them()
    {
        // When
        var toOperations = SystemCollections.Operations.RelationsTo("operations").Select(r => r.Text);
        var toFlows = SystemCollections.Operations.RelationsTo("flows").Select(r => r.Text);

        // Then
        toOperations.Should().Equal("resolve", "reject");
        toFlows.Should().Equal("flow", "options.flow");
        SystemCollections.Operations.RelationsTo("roles").Should().BeEmpty();
    }

    [Fact]
    public void Should_give_a_fresh_object_each_time_When_query_additions_are_changed_by_a_caller()
    {
        // Given
        var first = SystemCollections.Policies.QueryAdditions!();

        // When
        ((JArray)first["fields"]!).Add("extra");
        first["limit"] = 1;
        var second = SystemCollections.Policies.QueryAdditions!();

        // Then
        second.ContainsKey("limit").Should().BeFalse();
        second["fields"]!.Should().HaveCount(5);
    }
}
