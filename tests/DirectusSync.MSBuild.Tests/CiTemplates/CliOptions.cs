using System.Text.RegularExpressions;
using DirectusSync.MSBuild.Tests.Support;

namespace DirectusSync.MSBuild.Tests.CiTemplates;

/// <summary>
/// The CLI options the CI templates may use: directus-sync's flags (the reference spec, §1.2 program options and
/// §1.3 per-command options, with the commands that accept them) plus this tool's pipeline options.
/// </summary>
public static partial class CliOptions
{
    /// <summary>The sync commands the templates run.</summary>
    public static readonly string[] Commands = ["pull", "diff", "push"];

    /// <summary>This tool's additions (the CLI's --help): option → commands.</summary>
    private static readonly Dictionary<string, string[]> Additions = new()
    {
        ["exit-code"] = ["diff"],
        ["format"] = ["pull", "diff", "push"],
        ["dry-run"] = ["push"],
        ["mode"] = ["push"],
        ["allow-deletes"] = ["push"],
    };

    /// <summary>Every option (without "--") with the sync commands that accept it and whether it takes a value.</summary>
    public static IReadOnlyDictionary<string, (IReadOnlyList<string> Commands, bool TakesValue)> All { get; } = Read();

    /// <summary>kebab-case of a camelCase name: dumpPath → dump-path.</summary>
    public static string Kebab(string camel) => UpperCase().Replace(camel, m => "-" + m.Value.ToLowerInvariant());

    /// <summary>The DS_ variable the script reads for an option: dump-path → DS_DUMP_PATH.</summary>
    public static string Variable(string option) => "DS_" + option.Replace('-', '_').ToUpperInvariant();

    /// <summary>Option names found in the CLI's own sources (src/DirectusSync.Cli/Options), when they are there.</summary>
    public static IReadOnlySet<string>? InCliSources()
    {
        var folder = RepositoryFiles.PathOf("src", "DirectusSync.Cli", "Options");
        if (!Directory.Exists(folder))
        {
            return null;
        }

        return Directory.EnumerateFiles(folder, "*.cs")
            .SelectMany(f => QuotedOption().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
    }

    private static Dictionary<string, (IReadOnlyList<string>, bool)> Read()
    {
        var spec = File.ReadAllLines(RepositoryFiles.ReferenceSpec);
        var result = new Dictionary<string, (IReadOnlyList<string>, bool)>();
        var section = Section(spec, "### 1.2", "### 1.3");
        foreach (var cell in FirstCells(section))
        {
            foreach (Match option in OptionInCell().Matches(cell))
            {
                result[option.Groups["name"].Value] = (Commands, option.Groups["value"].Success);
            }
        }

        // §1.3: | Option | pull | diff | push | seed push | seed diff | Default | Config key |
        foreach (var row in Section(spec, "### 1.3", "### 1.4").Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = row.Replace("\\|", "/", StringComparison.Ordinal).Split('|').Select(c => c.Trim()).ToArray();
            var commands = Commands.Where((_, i) => cells[2 + i] == "✓").ToList();
            foreach (Match option in OptionInCell().Matches(cells[1]))
            {
                result[option.Groups["name"].Value] = (commands, option.Groups["value"].Success);
            }
        }

        if (result.Count < 20)
        {
            throw new InvalidOperationException($"Read only {result.Count} options from {RepositoryFiles.ReferenceSpec}: has §1.2/§1.3 changed?");
        }

        foreach (var (name, commands) in Additions)
        {
            result[name] = (commands, name is "format" or "mode");
        }

        return result;
    }

    private static IEnumerable<string> Section(string[] lines, string start, string end) =>
        lines.SkipWhile(l => !l.StartsWith(start, StringComparison.Ordinal)).Skip(1).TakeWhile(l => !l.StartsWith(end, StringComparison.Ordinal));

    private static IEnumerable<string> FirstCells(IEnumerable<string> lines) =>
        lines.Where(l => l.StartsWith("| `", StringComparison.Ordinal)).Select(l => l.Split('|')[1]);

    [GeneratedRegex("--(?<name>[a-z][a-z-]*[a-z])(?<value> <)?", RegexOptions.CultureInvariant)]
    private static partial Regex OptionInCell();

    [GeneratedRegex("\"--([a-z][a-z-]*[a-z])\"", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedOption();

    [GeneratedRegex("[A-Z]", RegexOptions.CultureInvariant)]
    private static partial Regex UpperCase();
}
