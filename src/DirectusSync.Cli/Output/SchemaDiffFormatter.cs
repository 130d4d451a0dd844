using DirectusSync.Core.Workflow;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Output;

/// <summary>
/// The <c>--pretty-diff</c> text of a schema diff, in the format of Directus' own <c>schema apply</c> (as the
/// reference prints it): <c>Collections:</c>, <c>Fields:</c>, <c>Relations:</c> sections of
/// <c>- Create|Update|Delete …</c> lines with <c>- Set/Remove/Add</c> details. Names are escaped for logs; the
/// values set appear only with <c>--show-values</c>, secret-looking ones masked (the reference prints them all).
/// </summary>
internal static class SchemaDiffFormatter
{
    /// <summary>The text for a <c>POST /schema/diff</c> diff object.</summary>
    public static string Format(JObject diff, bool colors, bool showValues)
    {
        diff = showValues ? (JObject)SecretRedactor.MaskValues(diff) : diff;
        var sections = new List<string>();
        AddSection(sections, diff["collections"] as JArray, "Collections:", colors, showValues, e => e.Value<string>("collection") ?? "?", nestedMeta: false, detailsFor: "E");
        AddSection(sections, diff["fields"] as JArray, "Fields:", colors, showValues, e => $"{e.Value<string>("collection")}.{e.Value<string>("field")}", nestedMeta: true, detailsFor: "EDN");
        AddSection(sections, diff["relations"] as JArray, "Relations:", colors, showValues,
            e => $"{e.Value<string>("collection")}.{e.Value<string>("field")}{(e.Value<string>("related_collection") is { Length: > 0 } related ? $" → {related}" : string.Empty)}",
            nestedMeta: false, detailsFor: "E");
        return "The following changes will be applied:\n\n" + string.Join("\n\n", sections) + "\n";
    }

    private static void AddSection(List<string> sections, JArray? entries, string title, bool colors, bool showValues, Func<JToken, string> rawName, bool nestedMeta, string detailsFor)
    {
        if (entries is not { Count: > 0 })
        {
            return;
        }

        string Name(JToken entry) => LogText.Escape(rawName(entry));
        string To(JToken? value) => showValues ? $" to {LogText.Escape(JsText(value))}" : string.Empty;
        string AndSet(JToken? value) => showValues ? $" and set it to {LogText.Escape(JsText(value))}" : string.Empty;
        var lines = new List<string> { Ansi.Paint(title, colors, Ansi.Underline, Ansi.Bold) };
        foreach (var entry in entries)
        {
            var changes = entry["diff"] as JArray ?? [];
            var first = changes.FirstOrDefault();
            var kind = first?.Value<string>("kind");
            if (kind == "E" || (nestedMeta && IsNestedMetaUpdate(first)))
            {
                lines.Add($"  - {Ansi.Paint("Update", colors, Ansi.Magenta)} {Name(entry)}");
                foreach (var change in changes)
                {
                    var changeKind = change.Value<string>("kind") ?? string.Empty;
                    if (!detailsFor.Contains(changeKind, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var path = FormatPath(change["path"] as JArray);
                    lines.Add(changeKind switch
                    {
                        "E" => $"    - Set {path}{To(change["rhs"])}",
                        "D" => $"    - Remove {path}",
                        _ => $"    - Add {path}{AndSet(change["rhs"])}",
                    });
                }
            }
            else if (kind == "D")
            {
                lines.Add($"  - {Ansi.Paint("Delete", colors, Ansi.Red)} {Name(entry)}");
            }
            else if (kind == "N")
            {
                lines.Add($"  - {Ansi.Paint("Create", colors, Ansi.Green)} {Name(entry)}");
            }
            else if (kind == "A")
            {
                lines.Add($"  - {Ansi.Paint("Update", colors, Ansi.Magenta)} {Name(entry)}");
            }
        }

        sections.Add(string.Join("\n", lines));
    }

    private static bool IsNestedMetaUpdate(JToken? change) =>
        change is not null
        && change.Value<string>("kind") is "N" or "D"
        && change["path"] is JArray { Count: >= 2 } path
        && path[0].ToString() == "meta";

    private static string FormatPath(JArray? path) => path switch
    {
        null => string.Empty,
        { Count: 1 } => LogText.Escape(path[0].ToString()),
        _ => LogText.Escape(string.Join(".", path.Skip(1).Select(p => p.ToString()))),
    };

    // JavaScript's template-literal text of a value: objects print as [object Object], arrays comma-joined.
    private static string JsText(JToken? value) => value switch
    {
        null => "undefined",
        { Type: JTokenType.Null } => "null",
        { Type: JTokenType.Boolean } => value.Value<bool>() ? "true" : "false",
        JArray array => string.Join(",", array.Select(JsText)),
        JObject => "[object Object]",
        _ => value.ToString(),
    };
}
