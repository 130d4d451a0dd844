using DirectusSync.Core.Plan;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cli.Output;

/// <summary>
/// The human diff on stderr, in the reference's words ("Will create item", "Will update item (id: …)",
/// "Will delete item (id: …)"), coloured when the terminal allows: green creates, yellow updates, red deletes.
/// Each step names the fields it sets; their values (old → new) only with <c>--show-values</c>, and then with
/// secrets masked (<see cref="PlanStep.Fields"/>: the rule of every front end).
/// </summary>
internal sealed class PlanRenderer(ConsoleOutput output, bool showValues)
{
    /// <summary>Writes every operation of <paramref name="plan"/>; the schema part in full with <paramref name="prettySchema"/>.</summary>
    public void Render(SyncPlan plan, bool prettySchema)
    {
        if (prettySchema && plan.Schema is { Total: > 0 } schema)
        {
            output.Err(SchemaDiffFormatter.Format(schema.Diff, output.Colors, showValues));
        }

        foreach (var operation in plan.Operations)
        {
            switch (operation)
            {
                case CreateItem create:
                    Header("+", Ansi.Green, create, "Will create item");
                    Fields(create, Ansi.Green);
                    break;
                case UpdateItem update:
                    Header("~", Ansi.Yellow, update, update.IsDeferredRelation ? "Will link item" : $"Will update item (id: {LogText.Escape(update.LocalId ?? "new")})");
                    Fields(update, null);
                    Reason(update);
                    break;
                case DeleteDuplicatePermission duplicate:
                    Header("-", Ansi.Red, duplicate, $"Will remove duplicate permission (id: {LogText.Escape(duplicate.LocalId)}) before creating");
                    Reason(duplicate);
                    break;
                case ReleaseOperationLink release:
                    Header("~", Ansi.Yellow, release, $"Will release {LogText.Escape(release.Field)} (id: {LogText.Escape(release.LocalId ?? "new")})");
                    Reason(release);
                    break;
                case DeleteItem delete:
                    Header("-", Ansi.Red, delete, $"Will delete item (id: {LogText.Escape(delete.LocalId)})");
                    break;
                case DeleteIdMap unmap:
                    Header("·", Ansi.Gray, unmap, $"Will remove dangling id map (local id: {LogText.Escape(unmap.LocalId)})");
                    break;
                case CreateIdMap map:
                    Header("·", Ansi.Gray, map, $"Will map existing item (id: {LogText.Escape(map.LocalId)}): {LogText.Escape(map.Reason)}");
                    break;
            }
        }
    }

    private void Header(string sign, string color, PlanOperation operation, string message)
    {
        var label = PlanStep.Label(operation);
        var text = $"{sign} [{LogText.Escape(operation.Collection)}] {message} {LogText.Escape(operation.SyncId)}{(label is null ? string.Empty : $" \"{label}\"")}";
        output.Err(Ansi.Paint(text, output.Colors, color));
    }

    private void Reason(PlanOperation operation)
    {
        if (PlanStep.Reason(operation) is { } reason)
        {
            output.Err(Ansi.Paint($"      why: {LogText.Escape(reason)}", output.Colors, Ansi.Gray));
        }
    }

    private void Fields(PlanOperation operation, string? color)
    {
        foreach (var field in PlanStep.Fields(operation, showValues))
        {
            var text = field switch
            {
                { After: null } => field.Field,
                { Before: null } => $"{field.Field}: {field.After}",
                _ => $"{field.Field}: {Ansi.Paint(field.Before, output.Colors, Ansi.Red)} → {Ansi.Paint(field.After, output.Colors, Ansi.Green)}",
            };
            output.Err("      " + (color is null ? text : Ansi.Paint(text, output.Colors, color)));
        }
    }
}
