using DirectusSync.Core.Plan;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Workflow;

/// <summary>
/// One plan step described for people, the same way in every front end: by default the item (sync id, label)
/// and the names of the fields it sets; the values only when asked for (<c>--show-values</c>), and then with
/// every secret-looking value masked by <see cref="SecretRedactor.MaskValues"/>. Every text is escaped with
/// <see cref="LogText"/>.
/// </summary>
public static class PlanStep
{
    /// <summary>A shown value longer than this is cut (with an ellipsis).</summary>
    public const int MaxValueLength = 160;

    /// <summary>What the value of a field the target lacks shows as.</summary>
    public const string Unset = "(unset)";

    /// <summary>The label of the item the step is about (creates and deletes), or null.</summary>
    public static string? Label(PlanOperation operation) => operation switch
    {
        CreateItem create => ItemLabel.Of(create.Collection, create.Item),
        DeleteItem delete => ItemLabel.Of(delete.Collection, delete.Item),
        _ => null,
    };

    /// <summary>
    /// Why the step is planned, in words, when it is not plain: an adopted item, a removed duplicate, a released
    /// operation link, a split write, the access rows a policy update writes. Null otherwise.
    /// </summary>
    public static string? Reason(PlanOperation operation) => operation switch
    {
        CreateIdMap map => map.Reason,
        DeleteDuplicatePermission duplicate => duplicate.Reason,
        ReleaseOperationLink release => release.Reason,
        UpdateItem update => update.Reason,
        CreateItem create => create.Reason,
        DeleteItem delete => delete.Reason,
        DeleteIdMap unmap => unmap.Reason,
        _ => null,
    };

    /// <summary>The fields a create or update sets (none for other steps), with their values when <paramref name="showValues"/>.</summary>
    public static IReadOnlyList<FieldChange> Fields(PlanOperation operation, bool showValues)
    {
        ArgumentNullException.ThrowIfNull(operation);
        switch (operation)
        {
            case CreateItem create:
                var item = showValues ? (JObject)SecretRedactor.MaskValues(create.Item) : create.Item;
                return [.. item.Properties()
                    .Where(p => p.Name != "_syncId")
                    .Select(p => new FieldChange(LogText.Escape(p.Name), null, showValues ? Value(p.Value) : null))];
            case UpdateItem update:
                var changes = showValues ? (JObject)SecretRedactor.MaskValues(update.Changes) : update.Changes;
                var before = showValues ? (JObject)SecretRedactor.MaskValues(update.Before) : update.Before;
                return [.. changes.Properties().Select(p => new FieldChange(
                    LogText.Escape(p.Name),
                    showValues ? (before.TryGetValue(p.Name, out var old) ? Value(old) : Unset) : null,
                    showValues ? Value(p.Value) : null))];
            default:
                return [];
        }
    }

    /// <summary>
    /// One line, e.g. <c>update flows 1f5e… (id: 3): options, status</c> or
    /// <c>create roles 7b2… "Editors": name, icon</c>.
    /// </summary>
    public static string Describe(PlanOperation operation, bool showValues)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var text = $"{operation.Kind} {LogText.Escape(operation.Collection)} {LogText.Escape(operation.SyncId)}";
        var localId = operation switch
        {
            UpdateItem { LocalId: { } id } => id,
            DeleteItem delete => delete.LocalId,
            DeleteIdMap unmap => unmap.LocalId,
            CreateIdMap map => map.LocalId,
            DeleteDuplicatePermission duplicate => duplicate.LocalId,
            ReleaseOperationLink { LocalId: { } id } => id,
            _ => null,
        };
        if (localId is not null)
        {
            text += $" (id: {LogText.Escape(localId)})";
        }

        if (Label(operation) is { } label)
        {
            text += $" \"{label}\"";
        }

        var fields = Fields(operation, showValues);
        if (fields.Count > 0)
        {
            text += $": {string.Join(", ", fields)}";
        }

        return Reason(operation) is { } reason ? $"{text} ({LogText.Escape(reason)})" : text;
    }

    /// <summary>A value as compact JSON, escaped and shortened (mask it first: this shows what it is given).</summary>
    public static string Value(JToken value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = LogText.Escape(value.ToString(Formatting.None));
        return text.Length <= MaxValueLength ? text : text[..(MaxValueLength - 1)] + "…";
    }
}
