namespace DirectusSync.IntegrationTests.Support;

/// <summary>Compares two dump folders file by file (the specs folder excluded: it holds URLs and hashes).</summary>
public static class DumpComparer
{
    /// <summary>Relative path → text of every file under collections/ and snapshot/.</summary>
    public static SortedDictionary<string, string> Read(string dumpPath)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(dumpPath, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(dumpPath, file).Replace('\\', '/');
            // A backup folder is a dump too, with backup.json, VERSION and the database copy beside it.
            if (relative.StartsWith("collections/", StringComparison.Ordinal) || relative.StartsWith("snapshot/", StringComparison.Ordinal))
            {
                files[relative] = File.ReadAllText(file);
            }
        }

        return files;
    }
}
