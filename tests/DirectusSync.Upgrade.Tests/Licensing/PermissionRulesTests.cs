using DirectusSync.Upgrade.Licensing;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Upgrade.Tests.Licensing;

/// <summary>Directus 12's custom permission rule test, as @directus/api 39 applies it.</summary>
public sealed class PermissionRulesTests
{
    private static JObject Permission(object value) => JObject.FromObject(value);

    [Fact]
    public void Should_allow_it_When_all_fields_and_no_rule()
    {
        // Given
        var permission = Permission(new { collection = "articles", action = "read", fields = new[] { "*" }, permissions = (object?)null, validation = (object?)null, presets = (object?)null });

        // When
        var restricted = PermissionRules.IsRestrictedWithoutLicence(permission);

        // Then
        restricted.Should().BeFalse();
    }

    [Theory]
    [InlineData("{ \"collection\": \"articles\", \"action\": \"update\", \"fields\": [\"title\"] }", "fields title")]
    [InlineData("{ \"collection\": \"articles\", \"action\": \"read\", \"fields\": [\"*\"], \"permissions\": { \"status\": { \"_eq\": \"published\" } } }", "item filter")]
    [InlineData("{ \"collection\": \"articles\", \"action\": \"create\", \"fields\": [\"*\"], \"validation\": { \"title\": { \"_nnull\": true } } }", "validation")]
    [InlineData("{ \"collection\": \"articles\", \"action\": \"create\", \"fields\": [\"*\"], \"presets\": { \"status\": \"draft\" } }", "presets")]
    [InlineData("{ \"collection\": \"articles\", \"action\": \"read\", \"fields\": null }", "no fields")]
    public void Should_restrict_it_and_say_why_When_it_has_a_custom_rule(string json, string why)
    {
        // Given
        var permission = JObject.Parse(json);

        // When
        var restricted = PermissionRules.IsRestrictedWithoutLicence(permission);

        // Then
        restricted.Should().BeTrue();
        PermissionRules.DescribeRule(permission).Should().Be(why);
    }

    [Fact]
    public void Should_allow_it_When_it_is_an_app_recommended_permission()
    {
        // Given: Directus' own "update your files" permission has a filter and a field list
        var permission = JObject.Parse("""
            { "collection": "directus_files", "action": "update",
              "permissions": { "uploaded_by": { "_eq": "$CURRENT_USER" } },
              "fields": ["title","description","tags","location","folder","focal_point_x","focal_point_y","filename_download"],
              "validation": null, "presets": null }
            """);

        // When
        var restricted = PermissionRules.IsRestrictedWithoutLicence(permission);

        // Then
        PermissionRules.HasCustomRule(permission).Should().BeTrue();
        restricted.Should().BeFalse();
    }
}
