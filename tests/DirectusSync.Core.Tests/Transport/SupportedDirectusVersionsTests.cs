using DirectusSync.Core.Transport;

namespace DirectusSync.Core.Tests.Transport;

public sealed class SupportedDirectusVersionsTests
{
    private static readonly Uri Server = new("http://127.0.0.1:8055");

    public sealed class TheEnsureSupportedMethod
    {
        [Theory]
        [InlineData("11.0.0")]
        [InlineData("11.17.4")]
        [InlineData("12.4.0")]
        [InlineData("12.0.0-rc.1")]
        public void Should_accept_the_version_When_it_is_inside_the_matrix(string version)
        {
            // Given
            var parsed = DirectusVersion.Parse(version);

            // When
            var act = () => SupportedDirectusVersions.EnsureSupported(parsed, Server);

            // Then
            act.Should().NotThrow();
            SupportedDirectusVersions.IsSupported(parsed).Should().BeTrue();
        }

        [Theory]
        [InlineData("10.13.1", "directus-sync@2.2.0")]
        [InlineData("9.26.0", "too old")]
        [InlineData("13.0.0", "update DirectusSync")]
        public void Should_say_what_to_do_When_the_version_is_outside_the_matrix(string version, string advice)
        {
            // Given
            var parsed = DirectusVersion.Parse(version);

            // When
            var act = () => SupportedDirectusVersions.EnsureSupported(parsed, Server);

            // Then
            act.Should().Throw<UnsupportedDirectusVersionException>().WithMessage($"*{version}*{advice}*");
        }
    }
}
