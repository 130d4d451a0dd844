namespace DirectusSync.Core.Workflow;

/// <summary>What a schema deletion drops.</summary>
public enum SchemaDeletionKind
{
    /// <summary>A collection: its table and every row in it.</summary>
    Collection,

    /// <summary>A field: its column and its value in every row.</summary>
    Field,

    /// <summary>A relation: the link between two collections (the field stays).</summary>
    Relation,
}
