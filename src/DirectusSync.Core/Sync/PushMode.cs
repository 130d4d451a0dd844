namespace DirectusSync.Core.Sync;

/// <summary>What a push may do to items and to the schema (the modes of Directus' own <c>d6s sync push --mode</c>).</summary>
public enum PushMode
{
    /// <summary>Create, update and delete: the target ends up equal to the dump (the reference's behaviour).</summary>
    Mirror,

    /// <summary>Create and update, never delete: no item, and no collection, field or relation the dump lacks.</summary>
    Merge,

    /// <summary>Create items only; the schema as in merge (nothing deleted).</summary>
    Add,
}
