using DirectusSync.Core.Workflow;

namespace DirectusSync.Core.Tests.Workflow;

public sealed class DotEnvFileTests
{
    public sealed class TheParse
    {
        [Fact]
        public void Should_read_plain_exported_and_quoted_values_When_the_file_mixes_them()
        {
            // Given
            var text = """
                # a comment
                DIRECTUS_URL=http://localhost:8055
                export DIRECTUS_TOKEN = abc123
                DIRECTUS_ADMIN_EMAIL="admin@example.com"
                DIRECTUS_ADMIN_PASSWORD='p#ss word'
                WITH_COMMENT=value # trailing comment
                MULTI="line1\nline2"
                EMPTY=
                """;

            // When
            var values = DotEnvFile.Parse(text);

            // Then
            values.Should().Contain(new Dictionary<string, string>
            {
                ["DIRECTUS_URL"] = "http://localhost:8055",
                ["DIRECTUS_TOKEN"] = "abc123",
                ["DIRECTUS_ADMIN_EMAIL"] = "admin@example.com",
                ["DIRECTUS_ADMIN_PASSWORD"] = "p#ss word",
                ["WITH_COMMENT"] = "value",
                ["MULTI"] = "line1\nline2",
                ["EMPTY"] = "",
            });
        }

        [Fact]
        public void Should_join_lines_When_a_quoted_value_spans_several()
        {
            // Given
            var text = "KEY=\"first\nsecond\"\nNEXT=1";

            // When
            var values = DotEnvFile.Parse(text);

            // Then
            values["KEY"].Should().Be("first\nsecond");
            values["NEXT"].Should().Be("1");
        }
    }
}
