namespace DirectusSync.Upgrade.Databases;

/// <summary>Where a Directus database lives, when the upgrade can reach it to back it up and restore it.</summary>
public abstract record DatabaseLocation
{
    /// <summary>Short description for logs and reports (never a password).</summary>
    public abstract string Describe();
}
