namespace DirectusSync.Core.Workflow;

/// <summary>
/// One field a step sets, as a report shows it: always the name; the values only when they were asked for,
/// and then with secrets masked. Every text is escaped for logs.
/// </summary>
/// <param name="Field">The field's name.</param>
/// <param name="Before">The target's value (an update), <c>(unset)</c> when it has none, or null when values are hidden or the step creates the item.</param>
/// <param name="After">The dump's value, or null when values are hidden.</param>
public sealed record FieldChange(string Field, string? Before, string? After)
{
    /// <summary>E.g. <c>name</c>, <c>name: "Editors"</c> or <c>name: "Editor" → "Editors"</c>.</summary>
    public override string ToString() => (Before, After) switch
    {
        (null, null) => Field,
        (null, { } after) => $"{Field}: {after}",
        ({ } before, var after) => $"{Field}: {before} → {after ?? "?"}",
    };
}
