namespace DirectusSync.Core.Workflow;

/// <summary>
/// Reads a <c>.env</c> file as the npm <c>dotenv</c> package does for the reference CLI: <c>KEY=value</c> lines,
/// optional <c>export</c>, <c>#</c> comments, single, double or back quotes (a quoted value may span lines;
/// double quotes expand <c>\n</c>).
/// </summary>
public static class DotEnvFile
{
    /// <summary>The file name dotenv reads in the working directory.</summary>
    public const string FileName = ".env";

    /// <summary>The variables of <c>&lt;directory&gt;/.env</c>; empty when there is no such file.</summary>
    public static IReadOnlyDictionary<string, string> Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>The variables of a .env text; a later line wins over an earlier one.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (value.Length > 0 && value[0] is '"' or '\'' or '`')
            {
                var quote = value[0];
                var body = value[1..];
                var close = body.IndexOf(quote);
                while (close < 0 && i + 1 < lines.Length)
                {
                    body += "\n" + lines[++i];
                    close = body.IndexOf(quote);
                }

                value = close < 0 ? body : body[..close];
                if (quote == '"')
                {
                    value = value.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\r", "\r", StringComparison.Ordinal);
                }
            }
            else
            {
                var comment = value.IndexOf(" #", StringComparison.Ordinal);
                if (comment >= 0)
                {
                    value = value[..comment].TrimEnd();
                }
            }

            result[key] = value;
        }

        return result;
    }
}
