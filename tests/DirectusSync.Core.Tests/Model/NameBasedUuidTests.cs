using DirectusSync.Core.Model;

namespace DirectusSync.Core.Tests.Model;

public sealed class NameBasedUuidTests
{
    [Fact]
    public void Should_give_the_rfc_version_5_uuid_When_the_namespace_is_the_dns_one()
    {
        // Given the DNS namespace of RFC 9562 and a name whose v5 uuid every implementation agrees on
        var dns = Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        // When
        var uuid = NameBasedUuid.Create("python.org", dns);

        // Then
        uuid.Should().Be("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    }

    [Fact]
    public void Should_give_the_same_uuid_for_the_same_name_and_another_for_another_name()
    {
        // When
        var first = NameBasedUuid.Create("[\"permissions\",\"p\",\"articles\",\"read\"]");
        var again = NameBasedUuid.Create("[\"permissions\",\"p\",\"articles\",\"read\"]");
        var other = NameBasedUuid.Create("[\"permissions\",\"p\",\"articles\",\"update\"]");

        // Then
        again.Should().Be(first);
        other.Should().NotBe(first);
        Guid.Parse(first).Version.Should().Be(5);
    }
}
