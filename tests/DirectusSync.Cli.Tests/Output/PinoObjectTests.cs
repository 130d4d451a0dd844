using DirectusSync.Cli.Output;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Tests.Output;

public sealed class PinoObjectTests
{
    public sealed class TheFormat
    {
        [Fact]
        public void Should_put_the_message_on_its_own_line_and_each_property_under_it_as_pino_pretty_does_When_logging_an_object()
        {
            // Given
            var diff = JObject.Parse("""{ "collections": [ { "collection": "articles", "diff": [ { "kind": "N" } ] } ], "fields": [], "relations": [] }""");

            // When
            var text = PinoObject.Format("Diff", diff);

            // Then
            text.Should().Be(
                "Diff\n" +
                "    collections: [\n" +
                "      {\n" +
                "        \"collection\": \"articles\",\n" +
                "        \"diff\": [\n" +
                "          {\n" +
                "            \"kind\": \"N\"\n" +
                "          }\n" +
                "        ]\n" +
                "      }\n" +
                "    ]\n" +
                "    fields: []\n" +
                "    relations: []");
        }
    }
}
