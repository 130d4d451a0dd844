namespace DirectusSync.Core.Storage;

/// <summary>
/// A path with every symbolic link along it followed, as the operating system opens it, so that a containment
/// check cannot be bypassed by a link inside an allowed folder that points elsewhere. Components that do not
/// exist are kept as written; <c>..</c> is applied lexically first, as .NET does when it opens a file.
/// </summary>
public static class RealPath
{
    // Linux' own limit on links followed while resolving one path (MAXSYMLINKS); a cycle ends in an error.
    private const int MaxLinks = 40;

    /// <summary>The absolute path with symbolic links resolved.</summary>
    /// <param name="path">A path, relative paths resolved against the current directory.</param>
    /// <returns>The real path, without a trailing separator.</returns>
    /// <exception cref="IOException">The path goes through more than 40 links (a cycle).</exception>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    /// <summary>Whether <paramref name="path"/>, symbolic links followed, is <paramref name="folder"/> or inside it.</summary>
    /// <param name="path">The path to check.</param>
    /// <param name="folder">The folder it must stay in (its links are followed too).</param>
    /// <returns><see langword="true"/> when the real path is inside the real folder.</returns>
    public static bool IsInside(string path, string folder)
    {
        var real = Resolve(path);
        var root = Path.TrimEndingDirectorySeparator(Resolve(folder));
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return string.Equals(real, root, comparison)
            || real.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, comparison);
    }

    private static string Resolve(string fullPath, ref int links)
    {
        var root = Path.GetPathRoot(fullPath)!;
        var current = root;
        var parts = fullPath[root.Length..].Split(
            [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"Too many levels of symbolic links resolving {fullPath}.");
            }

            // A relative target is relative to the folder holding the link, which is already real.
            current = Resolve(Path.GetFullPath(target, current), ref links);
        }

        return Path.TrimEndingDirectorySeparator(current) is { Length: > 0 } trimmed && trimmed.Length >= root.Length ? trimmed : root;
    }
}
