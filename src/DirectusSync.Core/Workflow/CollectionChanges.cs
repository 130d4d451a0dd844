namespace DirectusSync.Core.Workflow;

/// <summary>What a plan does to one collection, counted by kind of step.</summary>
/// <param name="Collection">The collection (escaped for logs).</param>
/// <param name="Create">Items to create.</param>
/// <param name="Update">Item updates (deferred relation updates included).</param>
/// <param name="Delete">Items to delete.</param>
/// <param name="Map">Existing items to adopt (id maps to create).</param>
/// <param name="Unmap">Dangling id maps to remove.</param>
public sealed record CollectionChanges(string Collection, int Create, int Update, int Delete, int Map, int Unmap)
{
    /// <summary>Writes that make room for the others: untracked duplicate permissions removed, operation links released.</summary>
    public int Other { get; init; }

    /// <summary>All steps.</summary>
    public int Total => Create + Update + Delete + Map + Unmap + Other;

    /// <summary>E.g. "roles: 1 to create, 2 to update".</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        Add(Create, "to create");
        Add(Update, "to update");
        Add(Delete, "to delete");
        Add(Map, "to map");
        Add(Unmap, "dangling map(s) to remove");
        Add(Other, "other write(s) (duplicates removed, links released)");
        return $"{Collection}: {string.Join(", ", parts)}";

        void Add(int count, string what)
        {
            if (count > 0)
            {
                parts.Add($"{count} {what}");
            }
        }
    }
}
