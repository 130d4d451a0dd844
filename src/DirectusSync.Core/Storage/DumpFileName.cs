namespace DirectusSync.Core.Storage;

/// <summary>
/// Guards names that become file or folder names inside the dump. Directus names never contain a
/// path separator; refusing them keeps a hostile or broken server answer from writing (or, for the
/// snapshot, deleting) outside the dump.
/// </summary>
internal static class DumpFileName
{
    public static string Require(string? name, string what)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException($"The {what} name must not be empty.", nameof(name));
        }

        if (name is "." or ".." || name.IndexOfAny(['/', '\\', '\0']) >= 0)
        {
            throw new ArgumentException($"The {what} name \"{name}\" cannot be used as a file name.", nameof(name));
        }

        return name;
    }
}
