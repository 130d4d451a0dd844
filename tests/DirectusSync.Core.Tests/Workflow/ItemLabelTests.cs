using DirectusSync.Core.Workflow;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Workflow;

public sealed class ItemLabelTests
{
    public sealed class TheOf
    {
        [Theory]
        [InlineData("roles", """{ "name": "Editors" }""", "Editors")]
        [InlineData("operations", """{ "name": "Send mail", "key": "send_mail" }""", "Send mail")]
        [InlineData("operations", """{ "key": "send_mail" }""", "send_mail")]
        [InlineData("permissions", """{ "collection": "articles", "action": "update" }""", "articles.update")]
        [InlineData("translations", """{ "key": "hello", "language": "fr-FR" }""", "hello (fr-FR)")]
        [InlineData("presets", """{ "bookmark": "Drafts", "collection": "articles" }""", "Drafts")]
        [InlineData("presets", """{ "bookmark": null, "collection": "articles" }""", "articles")]
        [InlineData("settings", """{ "project_name": "Acme" }""", "Acme")]
        public void Should_name_the_item_as_people_know_it_When_the_collection_has_a_label_field(string collection, string item, string expected) =>
            ItemLabel.Of(collection, JObject.Parse(item)).Should().Be(expected);

        [Fact]
        public void Should_be_null_When_the_item_has_nothing_to_name_it_by() =>
            ItemLabel.Of("panels", JObject.Parse("""{ "width": 4 }""")).Should().BeNull();

        [Fact]
        public void Should_escape_the_label_When_the_name_holds_a_workflow_command_or_an_escape_sequence()
        {
            // When
            var label = ItemLabel.Of("roles", new JObject { ["name"] = "\u001b[2J##vso[task.complete]" });

            // Then
            label.Should().Be("\\u001b[2J#\\u0023vso[task.complete]");
        }

        [Fact]
        public void Should_shorten_the_label_When_the_name_is_very_long()
        {
            // When
            var label = ItemLabel.Of("roles", new JObject { ["name"] = new string('x', 500) });

            // Then
            label.Should().HaveLength(ItemLabel.MaxLength).And.EndWith("…");
        }
    }
}
