using DirectusSync.Core.Transport;
using FluentAssertions;
using Xunit;

namespace DirectusSync.Core.Tests.Transport;

public sealed class TransportSecurityTests
{
    [Theory]
    [InlineData("http://directus.example.com")]
    [InlineData("http://10.0.0.5:8055")]
    [InlineData("http://directus:8055/")]
    [InlineData("HTTP://cms.example.org/api")]
    [InlineData("http://[2001:db8::1]:8055")]
    public void Should_warn_about_clear_text_tokens_When_the_url_is_plain_http_to_another_host(string url)
    {
        // Given a plain HTTP URL to a host reached over a network
        var uri = new Uri(url);

        // When the rule is applied
        var warning = TransportSecurity.InsecureUrlWarning(uri);

        // Then a warning names the host and the risk
        TransportSecurity.IsInsecure(uri).Should().BeTrue();
        warning.Should().Contain(uri.Authority).And.Contain("clear text").And.Contain("token").And.Contain("https://");
    }

    [Theory]
    [InlineData("https://directus.example.com")]
    [InlineData("http://localhost:8055")]
    [InlineData("http://LOCALHOST")]
    [InlineData("http://api.localhost:8055")]
    [InlineData("http://127.0.0.1:8055")]
    [InlineData("http://127.3.4.5")]
    [InlineData("http://[::1]:8055")]
    public void Should_not_warn_When_the_url_is_https_or_loopback(string url)
    {
        // Given a URL whose traffic is encrypted or never leaves the machine
        var uri = new Uri(url);

        // When the rule is applied
        var warning = TransportSecurity.InsecureUrlWarning(uri);

        // Then there is nothing to warn about
        TransportSecurity.IsInsecure(uri).Should().BeFalse();
        warning.Should().BeNull();
    }

    [Fact]
    public void Should_warn_When_a_name_only_looks_like_localhost()
    {
        // Given a host whose name starts with localhost but is another machine
        var uri = new Uri("http://localhost.example.com");

        // When / Then it is not treated as loopback
        TransportSecurity.IsInsecure(uri).Should().BeTrue();
    }
}
