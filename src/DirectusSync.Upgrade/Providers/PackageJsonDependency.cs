using System.Text.RegularExpressions;

namespace DirectusSync.Upgrade.Providers;

/// <summary>
/// Reads and sets one dependency's version in a package.json, changing only that value so the file's
/// formatting, order and other entries stay as the team wrote them.
/// </summary>
public static partial class PackageJsonDependency
{
    /// <summary>The version (range) of <paramref name="package"/> in "dependencies", or null.</summary>
    public static string? Read(string packageJson, string package)
    {
        var match = Find(packageJson, package);
        return match.Success ? match.Groups["version"].Value : null;
    }

    /// <summary>The text with <paramref name="package"/> set to exactly <paramref name="version"/>.</summary>
    /// <exception cref="InvalidOperationException">The package is not a dependency in the text.</exception>
    public static string Set(string packageJson, string package, string version)
    {
        var match = Find(packageJson, package);
        if (!match.Success)
        {
            throw new InvalidOperationException($"package.json has no \"{package}\" entry in \"dependencies\": add \"{package}\": \"<version>\" first.");
        }

        var group = match.Groups["version"];
        return string.Concat(packageJson.AsSpan(0, group.Index), version, packageJson.AsSpan(group.Index + group.Length));
    }

    private static Match Find(string packageJson, string package)
    {
        var dependencies = DependenciesBlock().Match(packageJson);
        if (!dependencies.Success)
        {
            return Match.Empty;
        }

        var entry = new Regex("\"" + Regex.Escape(package) + "\"\\s*:\\s*\"(?<version>[^\"]*)\"").Match(packageJson, dependencies.Index, dependencies.Length);
        return entry;
    }

    [GeneratedRegex("\"dependencies\"\\s*:\\s*\\{[^{}]*\\}")]
    private static partial Regex DependenciesBlock();
}
