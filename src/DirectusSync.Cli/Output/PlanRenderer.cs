using DirectusSync.Core.Plan;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Output;

/// <summary>
/// The human diff on stderr, in the reference's words ("Will create item", "Will update item (id: …)",
/// "Will delete item (id: …)") with the item's fields, coloured when the terminal allows: green creates,
/// yellow updates (old → new), red deletes.
/// </summary>
internal sealed class PlanRenderer(ConsoleOutput output)
{
    private const int MaxValueLength = 160;

    /// <summary>Writes every operation of <paramref name="plan"/>; the schema part in full with <paramref name="prettySchema"/>.</summary>
    public void Render(SyncPlan plan, bool prettySchema)
    {
        if (prettySchema && plan.Schema is { Total: > 0 } schema)
        {
            output.Err(SchemaDiffFormatter.Format(schema.Diff, output.Colors));
        }

        foreach (var operation in plan.Operations)
        {
            switch (operation)
            {
                case CreateItem create:
                    Header("+", Ansi.Green, create, "Will create item", Label(create.Collection, create.Item));
                    foreach (var property in create.Item.Properties().Where(p => p.Name != "_syncId"))
                    {
                        Detail($"{property.Name}: {Value(property.Value)}", Ansi.Green);
                    }

                    break;
                case UpdateItem update:
                    Header("~", Ansi.Yellow, update, update.IsDeferredRelation ? "Will link item" : $"Will update item (id: {update.LocalId ?? "new"})", null);
                    foreach (var property in update.Changes.Properties())
                    {
                        var before = update.Before.TryGetValue(property.Name, out var old) ? Value(old) : "(unset)";
                        Detail($"{property.Name}: {Ansi.Paint(before, output.Colors, Ansi.Red)} → {Ansi.Paint(Value(property.Value), output.Colors, Ansi.Green)}", null);
                    }

                    break;
                case DeleteItem delete:
                    Header("-", Ansi.Red, delete, $"Will delete item (id: {delete.LocalId})", Label(delete.Collection, delete.Item));
                    break;
                case DeleteIdMap unmap:
                    Header("·", Ansi.Gray, unmap, $"Will remove dangling id map (local id: {unmap.LocalId})", null);
                    break;
                case CreateIdMap map:
                    Header("·", Ansi.Gray, map, $"Will map existing item (id: {map.LocalId}): {map.Reason}", null);
                    break;
            }
        }
    }

    /// <summary>A short name for an item in reports: its name, key, bookmark or collection/action.</summary>
    public static string? Label(string collection, JObject item)
    {
        string? Text(string key) => item[key] is JValue { Type: JTokenType.String } v ? v.Value<string>() : null;
        return collection switch
        {
            "permissions" => $"{Text("collection")}.{Text("action")}",
            "translations" => $"{Text("key")} ({Text("language")})",
            "presets" => Text("bookmark") ?? Text("collection"),
            "settings" => Text("project_name"),
            _ => Text("name") ?? Text("key"),
        };
    }

    private void Header(string sign, string color, PlanOperation operation, string message, string? label)
    {
        var text = $"{sign} [{operation.Collection}] {message} {operation.SyncId}{(label is null ? string.Empty : $" \"{label}\"")}";
        output.Err(Ansi.Paint(text, output.Colors, color));
    }

    private void Detail(string text, string? color) =>
        output.Err("      " + (color is null ? text : Ansi.Paint(text, output.Colors, color)));

    private static string Value(JToken token)
    {
        var text = token.ToString(Formatting.None);
        return text.Length <= MaxValueLength ? text : text[..(MaxValueLength - 1)] + "…";
    }
}
