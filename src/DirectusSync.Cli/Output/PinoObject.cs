using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Output;

/// <summary>
/// The lines pino-pretty prints under a log message for the object logged with it (the reference logs its raw
/// schema diff that way): one <c>    key: value</c> line per property, the value as 2-space indented JSON whose
/// further lines are indented by four more spaces.
/// </summary>
internal static class PinoObject
{
    private const string Indent = "    ";

    /// <summary>The message, then the object's properties on the following lines.</summary>
    public static string Format(string message, JObject value)
    {
        var lines = new List<string> { message };
        foreach (var property in value.Properties())
        {
            var json = property.Value.ToString(Formatting.Indented).Replace("\r\n", "\n", StringComparison.Ordinal);
            lines.Add($"{Indent}{property.Name}: {json.Replace("\n", "\n" + Indent, StringComparison.Ordinal)}");
        }

        return string.Join("\n", lines);
    }
}
