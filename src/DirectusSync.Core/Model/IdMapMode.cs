namespace DirectusSync.Core.Model;

/// <summary>Where the sync id ↔ local id map of each instance comes from (<c>--id-maps</c>).</summary>
public enum IdMapMode
{
    /// <summary>
    /// The table of the directus-extension-sync server extension, as the reference does (the default): the
    /// extension must answer, and every create or delete writes a map row.
    /// </summary>
    Extension,

    /// <summary>
    /// No extension: the map is derived from the items themselves, the same way on every instance (uuid items:
    /// sync id = id; default rows: their placeholder; permissions and presets: a name-based uuid of their
    /// natural key). Nothing is stored on the server; nothing has to be committed back.
    /// </summary>
    Derived,

    /// <summary>The extension's table when the extension answers, derived otherwise (the choice is logged).</summary>
    Auto,
}
