using DirectusSync.Upgrade.Providers;

namespace DirectusSync.Upgrade.Tests.Providers;

/// <summary>The image tag in a compose file.</summary>
public sealed class ComposeImageTagTests
{
    [Theory]
    [InlineData("    image: directus/directus:11.17.4\n", "11.17.4")]
    [InlineData("    image: 'directus/directus:11.17.4'  \n", "11.17.4")]
    [InlineData("    image: directus/directus\n", null)]
    [InlineData("    image: my/directus/directus:11.17.4\n", null)]
    public void Should_read_the_tag_When_the_image_is_pinned(string compose, string? expected)
    {
        // When
        var tag = ComposeImageTag.Read(compose, "directus/directus");

        // Then
        tag.Should().Be(expected);
    }

    [Fact]
    public void Should_say_how_to_fix_it_When_the_image_is_not_pinned()
    {
        // When
        var act = () => ComposeImageTag.Set("    image: directus/directus\n", "directus/directus", "12.4.0");

        // Then
        act.Should().Throw<InvalidOperationException>().WithMessage("*pin the Directus image to a version first*");
    }
}
