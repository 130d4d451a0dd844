using DirectusSync.Upgrade.Licensing;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Upgrade.Tests.Licensing;

/// <summary>Who takes a seat: active users with admin or app access, directly or through their role tree.</summary>
public sealed class SeatHoldersTests
{
    private static JObject Json(object value) => JObject.FromObject(value);

    [Fact]
    public void Should_count_users_through_roles_parents_and_direct_access_When_they_are_active()
    {
        // Given
        var access = new[]
        {
            Json(new { role = "admin", user = (string?)null, policy = new { admin_access = true, app_access = false } }),
            Json(new { role = "editor", user = (string?)null, policy = new { admin_access = false, app_access = true } }),
            Json(new { role = "api", user = (string?)null, policy = new { admin_access = false, app_access = false } }),
            Json(new { role = (string?)null, user = "u5", policy = new { admin_access = false, app_access = true } }),
        };
        var roles = new[] { Json(new { id = "admin" }), Json(new { id = "editor" }), Json(new { id = "junior", parent = "editor" }), Json(new { id = "api" }) };
        var users = new[]
        {
            Json(new { id = "u1", email = "admin@x", role = "admin", status = "active" }),
            Json(new { id = "u2", email = "junior@x", role = "junior", status = "active" }),
            Json(new { id = "u3", email = "bot@x", role = "api", status = "active" }),
            Json(new { id = "u4", email = "gone@x", role = "editor", status = "suspended" }),
            Json(new { id = "u5", email = "direct@x", role = (string?)null, status = "active" }),
        };

        // When
        var seats = SeatHolders.Select(access, roles, users);

        // Then
        seats.Should().Equal("admin@x", "direct@x", "junior@x");
    }
}
