using System.Text.RegularExpressions;

namespace DirectusSync.Upgrade.Providers;

/// <summary>Reads and sets the tag of one image in a compose file, leaving every other character alone.</summary>
public static class ComposeImageTag
{
    /// <summary>The tag of <paramref name="image"/> (e.g. 11.17.4), or null when the file does not use it.</summary>
    public static string? Read(string compose, string image)
    {
        var match = Find(compose, image);
        return match.Success ? match.Groups["tag"].Value : null;
    }

    /// <summary>The text with every <c>image: IMAGE:tag</c> line set to <paramref name="tag"/>.</summary>
    /// <exception cref="InvalidOperationException">The file has no <c>image: IMAGE:tag</c> line.</exception>
    public static string Set(string compose, string image, string tag)
    {
        if (!Find(compose, image).Success)
        {
            throw new InvalidOperationException($"The compose file has no 'image: {image}:<tag>' line: pin the Directus image to a version first.");
        }

        return Pattern(image).Replace(compose, m => m.Groups["head"].Value + tag + m.Groups["tail"].Value);
    }

    private static Match Find(string compose, string image) => Pattern(image).Match(compose);

    private static Regex Pattern(string image) =>
        new($"(?<head>^\\s*image:\\s*[\"']?{Regex.Escape(image)}:)(?<tag>[A-Za-z0-9._-]+)(?<tail>[\"']?\\s*$)", RegexOptions.Multiline);
}
