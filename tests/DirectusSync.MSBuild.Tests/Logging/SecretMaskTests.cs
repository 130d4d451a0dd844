using DirectusSync.MSBuild.Logging;

namespace DirectusSync.MSBuild.Tests.Logging;

public sealed class SecretMaskTests
{
    public sealed class TheApplyMethod
    {
        [Fact]
        public void Should_mask_every_occurrence_of_every_secret_When_a_text_holds_them()
        {
            // Given
            var mask = new SecretMask(["abc", "abcdef", ""]);

            // When
            var text = mask.Apply("token abcdef, again abcdef, part abc.");

            // Then
            text.Should().Be("token ***, again ***, part ***.");
        }

        [Fact]
        public void Should_leave_the_text_alone_When_there_are_no_secrets() =>
            SecretMask.None.Apply("Bearer {token}").Should().Be("Bearer {token}");
    }
}
