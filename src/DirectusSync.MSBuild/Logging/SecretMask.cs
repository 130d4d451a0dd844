namespace DirectusSync.MSBuild.Logging;

/// <summary>
/// Replaces every secret in use by <c>***</c>. The core never logs a token or password; this is the second
/// line of defence for texts that come from elsewhere (a server's error message echoing a header, say).
/// </summary>
internal sealed class SecretMask(IEnumerable<string> secrets)
{
    private const string Mask = "***";

    // Longest first, so that a secret containing another is masked whole.
    private readonly string[] _secrets = secrets.Where(s => !string.IsNullOrEmpty(s)).Distinct().OrderByDescending(s => s.Length).ToArray();

    /// <summary>A mask that masks nothing.</summary>
    public static SecretMask None { get; } = new([]);

    /// <summary>The text with every secret masked.</summary>
    public string Apply(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
