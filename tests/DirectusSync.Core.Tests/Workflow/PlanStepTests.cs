using DirectusSync.Core.Plan;
using DirectusSync.Core.Workflow;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Workflow;

public sealed class PlanStepTests
{
    private static UpdateItem WebhookUpdate() => new(
        "operations",
        "op-1",
        "42",
        JObject.Parse("""{ "options": { "url": "https://new.example.com", "headers": [ { "header": "Authorization", "value": "Bearer new-secret-1" } ] } }"""),
        JObject.Parse("""{ "options": { "url": "https://old.example.com", "headers": [ { "header": "Authorization", "value": "Bearer old-secret-0" } ] } }"""));

    public sealed class TheDescribe
    {
        [Fact]
        public void Should_name_the_item_and_the_changed_fields_but_no_values_When_values_are_hidden()
        {
            // When
            var line = PlanStep.Describe(WebhookUpdate(), showValues: false);

            // Then
            line.Should().Be("update operations op-1 (id: 42): options");
        }

        [Fact]
        public void Should_show_values_with_secrets_masked_When_values_are_asked_for()
        {
            // When
            var line = PlanStep.Describe(WebhookUpdate(), showValues: true);

            // Then
            line.Should().Contain("https://old.example.com").And.Contain("https://new.example.com").And.Contain("→");
            line.Should().NotContain("old-secret-0").And.NotContain("new-secret-1").And.Contain(SecretRedactor.Mask);
        }

        [Fact]
        public void Should_label_creates_and_list_their_fields_without_the_sync_id_When_values_are_hidden()
        {
            // Given
            var create = new CreateItem("roles", "r-1", JObject.Parse("""{ "_syncId": "r-1", "name": "Editors", "icon": "edit" }"""), false);

            // When
            var line = PlanStep.Describe(create, showValues: false);

            // Then
            line.Should().Be("create roles r-1 \"Editors\": name, icon");
        }

        [Fact]
        public void Should_escape_names_When_a_field_or_sync_id_holds_control_characters()
        {
            // Given
            var create = new CreateItem("roles", "r\n::set-output name=x::1", JObject.Parse("""{ "na\u001bme": "x" }"""), false);

            // When
            var line = PlanStep.Describe(create, showValues: false);

            // Then
            line.Should().NotContain("\n").And.NotContain("\u001b").And.Contain("\\u000a").And.Contain("na\\u001bme");
        }
    }

    public sealed class TheFields
    {
        [Fact]
        public void Should_say_unset_When_the_target_lacks_the_field()
        {
            // Given
            var update = new UpdateItem("roles", "r-1", "1", JObject.Parse("""{ "icon": "edit" }"""), new JObject());

            // When
            var fields = PlanStep.Fields(update, showValues: true);

            // Then
            fields.Should().ContainSingle().Which.Should().Be(new FieldChange("icon", PlanStep.Unset, "\"edit\""));
        }

        [Fact]
        public void Should_list_nothing_When_the_step_is_a_delete_or_an_id_map()
        {
            // Given
            var delete = new DeleteItem("roles", "r-1", "1", JObject.Parse("""{ "name": "Old", "description": "secret-ish" }"""));

            // When
            var fields = PlanStep.Fields(delete, showValues: true);

            // Then
            fields.Should().BeEmpty();
            PlanStep.Describe(delete, showValues: true).Should().Be("delete roles r-1 (id: 1) \"Old\"");
        }
    }
}
