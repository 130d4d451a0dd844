namespace DirectusSync.Core.Model;

/// <summary>How the items of a collection file are ordered (as the reference writes them).</summary>
public enum ItemOrder
{
    /// <summary>By <c>_syncId</c>, JavaScript localeCompare.</summary>
    BySyncId,

    /// <summary>By the operation <c>key</c>.</summary>
    ByKey,

    /// <summary>By the text "policy-collection-action".</summary>
    ByPolicyCollectionAction,
}
