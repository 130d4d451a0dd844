using System.Text.RegularExpressions;
using DirectusSync.Cli;
using DirectusSync.Cli.Configuration;
using DirectusSync.Cli.Output;

namespace DirectusSync.MSBuild.Tests.CiTemplates;

/// <summary>
/// The CLI options the CI templates may use: the options of this repository's own <c>directus-sync</c> command
/// tree (program options and each sync command's options, with the commands that accept them). Read from the
/// CLI itself, so the templates are checked against what the tool really accepts — and nothing outside the
/// repository is needed.
/// </summary>
public static partial class CliOptions
{
    /// <summary>The sync commands the templates run.</summary>
    public static readonly string[] Commands = ["pull", "diff", "push"];

    /// <summary>Every option (without "--") with the sync commands that accept it and whether it takes a value.</summary>
    public static IReadOnlyDictionary<string, (IReadOnlyList<string> Commands, bool TakesValue)> All { get; } = Read();

    /// <summary>kebab-case of a camelCase name: dumpPath → dump-path.</summary>
    public static string Kebab(string camel) => UpperCase().Replace(camel, m => "-" + m.Value.ToLowerInvariant());

    /// <summary>The DS_ variable the script reads for an option: dump-path → DS_DUMP_PATH.</summary>
    public static string Variable(string option) => "DS_" + option.Replace('-', '_').ToUpperInvariant();

    private static Dictionary<string, (IReadOnlyList<string>, bool)> Read()
    {
        var root = new CliApplication(new CliEnvironment(Path.GetTempPath(), new Dictionary<string, string>()),
            new ConsoleOutput(TextWriter.Null, TextWriter.Null, colors: false, interactive: false)).Root;
        var accepted = new Dictionary<string, (List<string> Commands, bool TakesValue)>();
        foreach (var command in root.Subcommands.Where(c => Commands.Contains(c.Name)))
        {
            var options = root.Options.Where(o => o.Recursive).Concat(command.Options);
            foreach (var option in options.Where(o => o.Name is not "--help" and not "--version"))
            {
                var name = option.Name.TrimStart('-');
                if (!accepted.TryGetValue(name, out var entry))
                {
                    entry = ([], option.ValueType != typeof(bool));
                    accepted[name] = entry;
                }

                entry.Commands.Add(command.Name);
            }
        }

        return accepted.ToDictionary(e => e.Key, e => ((IReadOnlyList<string>)e.Value.Commands, e.Value.TakesValue));
    }

    [GeneratedRegex("[A-Z]", RegexOptions.CultureInvariant)]
    private static partial Regex UpperCase();
}
