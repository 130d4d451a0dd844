using System.Globalization;

namespace DirectusSync.Upgrade.Databases;

/// <summary>
/// Reads Directus's DB_CONNECTION_STRING for PostgreSQL: a URI (<c>postgres://user:password@host:port/db?sslmode=require</c>)
/// or libpq's <c>key=value</c> form. The password stays in the location (PGPASSWORD), never in a message.
/// </summary>
public static class PostgresConnectionString
{
    /// <summary>Parses <paramref name="text"/>; false with a message (that never repeats the text) when it cannot.</summary>
    public static bool TryParse(string text, out PostgresDatabaseLocation location, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = text.StartsWith("postgres://", StringComparison.Ordinal) || text.StartsWith("postgresql://", StringComparison.Ordinal)
            ? FromUri(text, out error)
            : FromKeywords(text, out error);
        location = null!;
        if (values is null)
        {
            return false;
        }

        var port = 5432;
        if (values.TryGetValue("port", out var portText) && !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port))
        {
            error = "the port is not a number";
            return false;
        }

        PostgresSsl? ssl = values.TryGetValue("sslmode", out var mode)
            ? new PostgresSsl(mode, values.GetValueOrDefault("sslrootcert"), values.GetValueOrDefault("sslcert"), values.GetValueOrDefault("sslkey"))
            : null;
        location = new PostgresDatabaseLocation(
            values.GetValueOrDefault("host") ?? "localhost",
            port,
            values.GetValueOrDefault("dbname") ?? values.GetValueOrDefault("user") ?? "postgres",
            values.GetValueOrDefault("user") ?? "postgres",
            values.GetValueOrDefault("password"))
        { Ssl = ssl };
        return true;
    }

    private static Dictionary<string, string>? FromUri(string text, out string? error)
    {
        error = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            error = "it is not a valid postgres:// URI";
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (uri.Host.Length > 0)
        {
            values["host"] = uri.Host;
        }

        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            values["port"] = uri.Port.ToString(CultureInfo.InvariantCulture);
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            values["user"] = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            values["password"] = Uri.UnescapeDataString(userInfo[1]);
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            values["dbname"] = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            values[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
        }

        return values;
    }

    private static Dictionary<string, string>? FromKeywords(string text, out string? error)
    {
        error = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var equals = text.IndexOf('=', i);
            if (equals < 0)
            {
                error = "it is neither a postgres:// URI nor key=value pairs";
                return null;
            }

            var key = text[i..equals].Trim();
            i = equals + 1;
            var value = new System.Text.StringBuilder();
            if (i < text.Length && text[i] == '\'')
            {
                for (i++; i < text.Length && text[i] != '\''; i++)
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    value.Append(text[i]);
                }

                i++;
            }
            else
            {
                for (; i < text.Length && !char.IsWhiteSpace(text[i]); i++)
                {
                    value.Append(text[i]);
                }
            }

            values[key] = value.ToString();
        }

        return values.Count == 0 ? Fail(out error) : values;
    }

    private static Dictionary<string, string>? Fail(out string? error)
    {
        error = "it is empty";
        return null;
    }
}
