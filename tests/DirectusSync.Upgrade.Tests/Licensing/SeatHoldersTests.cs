using DirectusSync.Core.Transport;
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

    [Fact]
    public async Task Should_read_access_rows_roles_and_active_users_from_the_server_When_counting_seats()
    {
        // Given
        using var directus = new FakeDirectus()
            .OnData("GET /access", new JArray(Json(new { role = "editor", user = (string?)null, policy = new { admin_access = false, app_access = true } })))
            .OnData("GET /roles", new JArray(Json(new { id = "editor" })))
            .OnData("GET /users", new JArray(Json(new { id = "u1", email = "editor@x", role = "editor", status = "active" })));
        using var client = new DirectusClient(new DirectusClientOptions
        {
            BaseUrl = new Uri("http://127.0.0.1:8055"),
            Credentials = DirectusCredentials.FromToken("token"),
            Handler = directus,
        });

        // When
        var seats = await SeatHolders.ReadAsync(client);

        // Then every row is asked for (no paging), users already filtered to the active ones
        seats.Should().Equal("editor@x");
        directus.Sent.Select(r => (r.Route, r.Query)).Should().Equal(
            ("GET /access", "fields=role,user,policy.admin_access,policy.app_access&limit=-1"),
            ("GET /roles", "fields=id,parent&limit=-1"),
            ("GET /users", "fields=id,email,role,status&filter[status][_eq]=active&limit=-1"));
    }
}
