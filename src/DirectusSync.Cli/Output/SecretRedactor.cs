namespace DirectusSync.Cli.Output;

/// <summary>
/// Replaces known secrets (tokens, passwords) with <c>***</c> in everything the tool prints, as a last line of
/// defence: the core never logs them, and this catches any message that might echo one (a parse error, an
/// exception from a library). Secrets shorter than four characters are not redacted, as they would mangle text.
/// </summary>
internal sealed class SecretRedactor
{
    private const string Mask = "***";
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Adds a secret (null and short values are ignored).</summary>
    public void Add(string? secret)
    {
        if (secret is null || secret.Trim().Length < 4)
        {
            return;
        }

        lock (_gate)
        {
            _secrets.Add(secret);
            _secrets.Add(secret.Trim());
            _secrets.Add(Uri.EscapeDataString(secret));
        }
    }

    /// <summary>The text with every secret masked.</summary>
    public string Redact(string text)
    {
        lock (_gate)
        {
            // Longest first, so a secret that contains another is masked whole.
            foreach (var secret in _secrets.OrderByDescending(s => s.Length))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
