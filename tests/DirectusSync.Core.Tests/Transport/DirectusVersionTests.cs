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

    [Theory]
    [InlineData("11.17.4", false)]
    [InlineData("12.1.1", false)]
    [InlineData("12.2.0-rc.1", false)]
    [InlineData("12.2.0", true)]
    [InlineData("12.4.0", true)]
    [InlineData("13.0.0", true)]
    public void Should_know_the_batch_import_and_schema_diff_modes_When_the_server_is_12_2_or_later(string version, bool expected)
    {
        // When
        var has = DirectusVersion.Parse(version).HasBatchEndpoints;

        // Then
        has.Should().Be(expected);
    }
}
