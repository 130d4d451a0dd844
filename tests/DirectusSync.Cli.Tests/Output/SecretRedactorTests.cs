using DirectusSync.Cli.Output;

namespace DirectusSync.Cli.Tests.Output;

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
        public void Should_leave_text_alone_When_a_secret_is_too_short_or_null()
        {
            // Given
            var redactor = new SecretRedactor();
            redactor.Add("abc");
            redactor.Add(null);

            // When
            var text = redactor.Redact("abcdef");

            // Then
            text.Should().Be("abcdef");
        }
    }
}
