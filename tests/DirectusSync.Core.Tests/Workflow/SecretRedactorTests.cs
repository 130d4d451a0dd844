using DirectusSync.Core.Workflow;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Tests.Workflow;

public sealed class SecretRedactorTests
{
    public sealed class TheRedact
    {
        [Fact]
        public void Should_mask_every_occurrence_When_a_secret_is_registered()
        {
            // Given
            var redactor = new SecretRedactor();
            redactor.Add("s3cr3t-token");
            redactor.Add("pass word/+");

            // When
            var text = redactor.Redact("token s3cr3t-token, again s3cr3t-token, escaped pass%20word%2F%2B, plain pass word/+");

            // Then
            text.Should().Be("token ***, again ***, escaped ***, plain ***");
        }

        [Fact]
        public void Should_mask_the_longer_secret_whole_When_one_secret_contains_another()
        {
            // Given
            var redactor = new SecretRedactor(["abcd", "abcdefgh"]);

            // When
            var text = redactor.Redact("x abcdefgh y");

            // Then
            text.Should().Be("x *** y");
        }

        [Fact]
        public void Should_leave_text_alone_When_a_secret_is_too_short_or_null()
        {
            // Given
            var redactor = new SecretRedactor();
            redactor.Add("abc");
            redactor.Add(null);
            redactor.Add("   ");

            // When
            var text = redactor.Redact("abcdef");

            // Then
            text.Should().Be("abcdef");
        }
    }

    public sealed class TheIsSecretKey
    {
        [Theory]
        [InlineData("token")]
        [InlineData("access_token")]
        [InlineData("PASSWORD")]
        [InlineData("Authorization")]
        [InlineData("headers")]
        [InlineData("Set-Cookie")]
        [InlineData("api_key")]
        [InlineData("X-Api-Key")]
        [InlineData("clientSecret")]
        [InlineData("mapbox_key")]
        [InlineData("credentials")]
        public void Should_be_secret_When_the_key_names_a_credential(string key) =>
            SecretRedactor.IsSecretKey(key).Should().BeTrue();

        [Theory]
        [InlineData("key")]
        [InlineData("name")]
        [InlineData("url")]
        [InlineData("method")]
        [InlineData("author")]
        [InlineData("description")]
        [InlineData("is_primary_key")]
        [InlineData("")]
        [InlineData(null)]
        public void Should_not_be_secret_When_the_key_names_ordinary_configuration(string? key) =>
            SecretRedactor.IsSecretKey(key).Should().BeFalse();
    }

    public sealed class TheMaskValues
    {
        [Fact]
        public void Should_mask_values_under_secret_keys_at_any_depth_and_in_any_case_When_an_item_is_shown()
        {
            // Given a webhook operation whose options hold credentials at several depths
            var item = JObject.Parse("""
                {
                  "name": "Notify",
                  "options": {
                    "method": "POST",
                    "url": "https://hooks.example.com/x",
                    "headers": [ { "header": "Authorization", "value": "Bearer abc.def" } ],
                    "nested": { "deeper": [ { "Api_Key": "k-123" }, { "PassWord": 42 } ] },
                    "TOKEN": { "any": "shape" }
                  }
                }
                """);

            // When
            var masked = SecretRedactor.MaskValues(item);

            // Then
            masked.ToString().Should().NotContain("abc.def").And.NotContain("k-123").And.NotContain("42").And.NotContain("shape");
            masked.SelectToken("options.headers")!.Value<string>().Should().Be(SecretRedactor.Mask);
            masked.SelectToken("options.nested.deeper[0].Api_Key")!.Value<string>().Should().Be(SecretRedactor.Mask);
            masked.SelectToken("options.nested.deeper[1].PassWord")!.Value<string>().Should().Be(SecretRedactor.Mask);
            masked.SelectToken("options.TOKEN")!.Value<string>().Should().Be(SecretRedactor.Mask);
            masked.SelectToken("options.url")!.Value<string>().Should().Be("https://hooks.example.com/x");
            masked.SelectToken("name")!.Value<string>().Should().Be("Notify");
        }

        [Fact]
        public void Should_mask_the_value_of_a_named_pair_When_its_name_looks_secret()
        {
            // Given an array of name/value pairs under a key that is not secret itself
            var options = JArray.Parse("""[ { "name": "Authorization", "value": "Basic dXNlcjpwdw==" }, { "name": "Accept", "value": "text/plain" } ]""");

            // When
            var masked = SecretRedactor.MaskValues(options);

            // Then
            masked[0]!["value"]!.Value<string>().Should().Be(SecretRedactor.Mask);
            masked[0]!["name"]!.Value<string>().Should().Be("Authorization");
            masked[1]!["value"]!.Value<string>().Should().Be("text/plain");
        }

        [Fact]
        public void Should_mask_a_credential_string_When_it_sits_under_an_ordinary_key()
        {
            // Given
            var item = JObject.Parse("""{ "note": "Bearer eyJhbGciOi.x.y", "description": "Basic settings for editors" }""");

            // When
            var masked = SecretRedactor.MaskValues(item);

            // Then
            masked["note"]!.Value<string>().Should().Be(SecretRedactor.Mask);
            masked["description"]!.Value<string>().Should().Be("Basic settings for editors");
        }

        [Fact]
        public void Should_mask_both_sides_of_a_schema_diff_record_When_its_path_names_a_secret()
        {
            // Given a Directus schema diff record changing a field's interface option
            var diff = JObject.Parse("""{ "kind": "E", "path": ["meta", "options", "apiKey"], "lhs": "old-key-1", "rhs": "new-key-2" }""");

            // When
            var masked = SecretRedactor.MaskValues(diff);

            // Then
            masked.ToString().Should().NotContain("old-key-1").And.NotContain("new-key-2");
            masked["path"]!.ToString().Should().Contain("apiKey");
        }

        [Fact]
        public void Should_leave_the_original_untouched_and_keep_empty_values_When_masking()
        {
            // Given
            var item = JObject.Parse("""{ "token": null, "password": "", "secret": "s" }""");

            // When
            var masked = SecretRedactor.MaskValues(item);

            // Then
            masked["token"]!.Type.Should().Be(JTokenType.Null);
            masked["password"]!.Value<string>().Should().BeEmpty();
            masked["secret"]!.Value<string>().Should().Be(SecretRedactor.Mask);
            item["secret"]!.Value<string>().Should().Be("s");
        }
    }
}
