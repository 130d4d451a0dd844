using DirectusSync.Upgrade.Licensing;
using DirectusSync.Upgrade.Tests.Support;

namespace DirectusSync.Upgrade.Tests.Licensing;

/// <summary>The dump checked against Directus 12's Core limits, naming what would be lost.</summary>
public sealed class LicenceGateTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private DumpFolder Dump() => new DumpFolder(_folder.Combine("dump"))
        .Items("policies", new { name = "Editor policy", _syncId = "p1" })
        .Items("permissions", new { collection = "articles", action = "read", fields = new[] { "*" }, policy = "p1", _syncId = "a" })
        .Items("flows", new { name = "Log", status = "active", _syncId = "f1" });

    [Fact]
    public void Should_find_nothing_When_the_configuration_is_within_the_limits()
    {
        // Given
        var dump = Dump().Collection("articles").Collection("authors");

        // When
        var assessment = LicenceGate.Assess(dump.Layout, split: true, ["admin@example.com"], CoreLicenceLimits.Core);

        // Then
        assessment.IsWithinLimits.Should().BeTrue();
    }

    [Fact]
    public void Should_name_each_permission_and_its_policy_When_custom_rules_would_vanish()
    {
        // Given
        var dump = Dump().Items("permissions",
            new { collection = "articles", action = "read", fields = new[] { "*" }, policy = "p1", _syncId = "a" },
            new { collection = "articles", action = "update", fields = new[] { "title", "status" }, permissions = new { status = new { _eq = "draft" } }, policy = "p1", _syncId = "b" },
            new { collection = "authors", action = "read", fields = new[] { "*" }, permissions = new { name = new { _nnull = true } }, policy = "_sync_default_public_policy", _syncId = "c" });

        // When
        var assessment = LicenceGate.Assess(dump.Layout, split: true, [], CoreLicenceLimits.Core);

        // Then
        var finding = assessment.Findings.Should().ContainSingle().Which;
        finding.Entitlement.Should().Be("custom_permission_rules");
        finding.Items.Should().Equal(
            "permissions: articles update of policy \"Editor policy\" (fields title, status; item filter)",
            "permissions: authors read of policy \"Public\" (item filter)");
        assessment.Describe().Should().StartWith("- 2 permission(s) with custom rules");
    }

    [Fact]
    public void Should_count_only_active_collections_flows_and_seats_When_checking_the_limits()
    {
        // Given: 4 collections and a folder, 3 active flows and one inactive, 3 seat holders
        var dump = Dump()
            .Collection("a").Collection("b").Collection("c").Collection("d").Collection("group", folder: true)
            .Items("flows",
                new { name = "one", status = "active", _syncId = "1" },
                new { name = "two", status = "active", _syncId = "2" },
                new { name = "three", status = "active", _syncId = "3" },
                new { name = "off", status = "inactive", _syncId = "4" });
        var limits = new CoreLicenceLimits(Collections: 3, ActiveFlows: 2, Seats: 2);

        // When
        var assessment = LicenceGate.Assess(dump.Layout, split: true, ["a@x", "b@x", "c@x"], limits);

        // Then
        assessment.Findings.Select(f => f.Entitlement).Should().Equal("collections", "flows", "seats");
        assessment.Findings[0].Summary.Should().Be("4 collections, Core allows 3: 1 would be deactivated.");
        assessment.Findings[1].Items.Should().Equal("flow: one", "flow: two", "flow: three");
        assessment.Findings[2].Items.Should().Equal("user: a@x", "user: b@x", "user: c@x");
    }
}
