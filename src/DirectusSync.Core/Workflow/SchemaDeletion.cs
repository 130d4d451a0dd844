namespace DirectusSync.Core.Workflow;

/// <summary>A collection, field or relation that a push would drop because the dump's snapshot lacks it.</summary>
/// <param name="Kind">What is dropped.</param>
/// <param name="Collection">The collection.</param>
/// <param name="Field">The field (fields and relations).</param>
/// <param name="RelatedCollection">The collection a relation points at, when it has one.</param>
public sealed record SchemaDeletion(SchemaDeletionKind Kind, string Collection, string? Field = null, string? RelatedCollection = null)
{
    /// <summary>True when the collection has a table (false for a folder, which holds no rows).</summary>
    public bool HasTable { get; init; } = true;

    /// <summary>For a collection with a table: how many rows it holds on the target (null when not counted).</summary>
    public long? Rows { get; init; }

    /// <summary>The key a scoped <see cref="DeletionConsent"/> names it by.</summary>
    public string Key => PlannedDeletions.SchemaKey(Kind, Collection, Field);

    /// <summary>One line for a person: what is dropped and what goes with it.</summary>
    public string Describe() => Kind switch
    {
        SchemaDeletionKind.Collection when !HasTable => $"drop collection {Collection} (a folder, no table)",
        SchemaDeletionKind.Collection => $"drop collection {Collection} with its {(Rows is { } rows ? rows.ToString(System.Globalization.CultureInfo.InvariantCulture) : "(uncounted)")} row(s) on the target",
        SchemaDeletionKind.Field => $"drop field {Collection}.{Field} (its value in every row)",
        _ => $"drop relation {Collection}.{Field}{(RelatedCollection is null ? string.Empty : $" → {RelatedCollection}")}",
    };
}
