using Newtonsoft.Json.Linq;

namespace DirectusSync.Upgrade.Licensing;

/// <summary>
/// Directus 12's "custom permission rule" test (<c>hasCustomRule</c> and <c>isRecommendedAppPermission</c>
/// of @directus/api 39): a permission is custom unless its fields include "*" and it has no filter,
/// validation or presets, or it is one of the permissions the app recommends. Unlicensed, such rows are
/// refused on write and hidden on read.
/// </summary>
public static class PermissionRules
{
    private static readonly Lazy<IReadOnlyList<JObject>> Recommended = new(LoadRecommended);

    /// <summary>True when Directus 12 Core would refuse and hide this permission.</summary>
    public static bool IsRestrictedWithoutLicence(JObject permission) => HasCustomRule(permission) && !IsRecommendedAppPermission(permission);

    /// <summary>Directus' <c>hasCustomRule</c>.</summary>
    public static bool HasCustomRule(JObject permission)
    {
        var fields = permission["fields"] as JArray;
        var allFields = fields?.Any(f => f.Type == JTokenType.String && f.Value<string>() == "*") == true;
        return !allFields || HasKeys(permission["permissions"]) || HasKeys(permission["validation"]) || HasKeys(permission["presets"]);
    }

    /// <summary>Directus' <c>isRecommendedAppPermission</c>: the same action, collection, fields and filter as a recommended one.</summary>
    public static bool IsRecommendedAppPermission(JObject permission)
    {
        if (IsSet(permission["validation"]) || IsSet(permission["presets"]))
        {
            return false;
        }

        var found = Recommended.Value.FirstOrDefault(r =>
            r.Value<string>("action") == permission.Value<string>("action") && r.Value<string>("collection") == permission.Value<string>("collection"));
        return found is not null
            && JToken.DeepEquals(OrNull(found["fields"]), OrNull(permission["fields"]))
            && JToken.DeepEquals(OrNull(found["permissions"]), OrNull(permission["permissions"]));
    }

    /// <summary>What makes the permission custom, for messages: "fields title, status; filter; validation".</summary>
    public static string DescribeRule(JObject permission)
    {
        var parts = new List<string>();
        if (permission["fields"] is JArray fields && !fields.Any(f => f.Value<string>() == "*"))
        {
            parts.Add(fields.Count == 0 ? "no fields" : "fields " + string.Join(", ", fields.Select(f => f.ToString())));
        }
        else if (permission["fields"] is not JArray)
        {
            parts.Add("no fields");
        }

        foreach (var (key, label) in new[] { ("permissions", "item filter"), ("validation", "validation"), ("presets", "presets") })
        {
            if (HasKeys(permission[key]))
            {
                parts.Add(label);
            }
        }

        return string.Join("; ", parts);
    }

    private static bool HasKeys(JToken? token) => token is JObject o && o.Count > 0;

    // lodash isEqual(a ?? null, b ?? null) and JS truthiness of an object.
    private static bool IsSet(JToken? token) => token is not null && token.Type != JTokenType.Null;

    private static JToken OrNull(JToken? token) => token ?? JValue.CreateNull();

    private static IReadOnlyList<JObject> LoadRecommended()
    {
        using var stream = typeof(PermissionRules).Assembly.GetManifestResourceStream("DirectusSync.Upgrade.Licensing.app-recommended-permissions.json")
            ?? throw new InvalidOperationException("The embedded list of Directus' recommended app permissions is missing.");
        using var reader = new StreamReader(stream);
        return JArray.Parse(reader.ReadToEnd()).OfType<JObject>().ToList();
    }
}
