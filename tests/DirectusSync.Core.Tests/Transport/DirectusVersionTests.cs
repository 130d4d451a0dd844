using DirectusSync.Core.Transport;

namespace DirectusSync.Core.Tests.Transport;

public sealed class DirectusVersionTests
{
    [Fact]
    public void Should_order_by_number_not_text_When_comparing_versions()
    {
        // Given
        var older = DirectusVersion.Parse("11.9.2");
        var newer = DirectusVersion.Parse("11.17.4");

        // When
        var comparison = older.CompareTo(newer);

        // Then
        comparison.Should().BeNegative();
    }

    [Fact]
    public void Should_reject_text_that_is_no_version_When_parsing()
    {
        // When
        var act = () => DirectusVersion.Parse("latest");

        // Then
        act.Should().Throw<FormatException>().WithMessage("*latest*");
    }

    [Fact]
    public void Should_hide_the_secret_When_credentials_are_printed()
    {
        // Given
        var token = DirectusCredentials.FromToken("super-secret-token");
        var login = DirectusCredentials.FromLogin("admin@example.com", "super-secret-password");

        // When
        var printed = $"{token} {login}";

        // Then
        printed.Should().NotContain("super-secret").And.Contain("admin@example.com");
    }
}
