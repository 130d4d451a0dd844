namespace DirectusSync.TestSupport;

/// <summary>A fresh folder under the system temp folder (directus-sync-tests/…), deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Creates it.</summary>
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "directus-sync-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>A path inside it.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes a file inside it ('/'-separated relative path; folders created) and returns its path.</summary>
    public string Write(string relativePath, string text)
    {
        var file = Combine(relativePath.Split('/'));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    /// <summary>Copies every file below <paramref name="from"/> to the folder <paramref name="name"/> inside it (a second runner's
    /// fresh clone of a dump) and returns that folder's path.</summary>
    public string CopyOf(string from, string name)
    {
        var to = Combine(name);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var copy = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return to;
    }

    /// <summary>Every file below <paramref name="relativeFolder"/>, as '/'-separated relative paths, ordinally sorted.</summary>
    public IReadOnlyList<string> Files(string relativeFolder = "")
    {
        var root = Combine(relativeFolder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => System.IO.Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean (a process of the test may still hold a file).
        }
    }
}
