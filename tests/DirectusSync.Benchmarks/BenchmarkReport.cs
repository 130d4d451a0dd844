using System.Globalization;
using System.Text;
using Newtonsoft.Json;

namespace DirectusSync.Benchmarks;

/// <summary>
/// The benchmark's result: per scenario, each tool's median time and requests, and the ratio of every other
/// tool to ours (above 1 = ours is faster / sends fewer requests).
/// </summary>
public sealed class BenchmarkReport(BenchmarkOptions options, int itemCount, IReadOnlyList<string> tools, IReadOnlyDictionary<(string Scenario, string Tool), Measurement> measurements)
{
    private IEnumerable<string> Peers => tools.Where(t => t != "ours");

    private IReadOnlyList<string> Scenarios => measurements.Keys.Select(k => k.Scenario).Distinct().ToList();

    /// <summary>A Markdown table, one row per scenario.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# DirectusSync benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)")
            .AppendLine()
            .AppendLine(F($"Directus {options.DirectusVersion} (SQLite sandbox), scale {options.Scale} ({itemCount} items), median of {options.Runs} run(s). ")
                + "reference = directus-sync 3.4.1 (npm)" + (tools.Contains("d6s") ? ", d6s = @directus/cli 12.2.1 (npm)" : string.Empty)
                + "; a ratio is the peer's median over ours (above 1: ours is faster / sends fewer requests).")
            .AppendLine();
        var header = new List<string> { "scenario" };
        header.AddRange(tools.Select(t => $"{t} time"));
        header.AddRange(Peers.Select(p => $"{p}/ours time"));
        header.AddRange(tools.Select(t => $"{t} requests"));
        header.AddRange(Peers.Select(p => $"{p}/ours requests"));
        text.AppendLine("| " + string.Join(" | ", header) + " |");
        text.AppendLine("| --- " + string.Concat(Enumerable.Repeat("| ---: ", header.Count - 1)) + "|");
        foreach (var scenario in Scenarios)
        {
            var cells = new List<string> { scenario };
            cells.AddRange(tools.Select(t => Get(scenario, t) is { } m ? F($"{m.MedianSeconds:F2} s") : "–"));
            cells.AddRange(Peers.Select(p => Ratio(Get(scenario, p)?.MedianSeconds, Get(scenario, "ours")?.MedianSeconds)));
            cells.AddRange(tools.Select(t => Get(scenario, t) is { } m && scenario != "--version" ? F($"{m.MedianRequests:F0}") : "–"));
            cells.AddRange(Peers.Select(p => scenario == "--version" ? "–" : Ratio(Get(scenario, p)?.MedianRequests, Get(scenario, "ours")?.MedianRequests)));
            text.AppendLine("| " + string.Join(" | ", cells) + " |");
        }

        return text.ToString();
    }

    /// <summary>The same as JSON, with every run's raw numbers.</summary>
    public string ToJson() => JsonConvert.SerializeObject(new
    {
        options,
        itemCount,
        tools,
        rows = Scenarios.Select(s => new
        {
            scenario = s,
            medians = tools.ToDictionary(t => t, t => Get(s, t) is { } m ? new { seconds = m.MedianSeconds, requests = m.MedianRequests } : null),
            timeRatios = Peers.ToDictionary(p => p, p => Divide(Get(s, p)?.MedianSeconds, Get(s, "ours")?.MedianSeconds)),
            requestRatios = Peers.ToDictionary(p => p, p => Divide(Get(s, p)?.MedianRequests, Get(s, "ours")?.MedianRequests)),
        }),
        runs = measurements.Values,
    }, Formatting.Indented);

    private Measurement? Get(string scenario, string tool) => measurements.TryGetValue((scenario, tool), out var m) ? m : null;

    private static double? Divide(double? peer, double? ours) => peer is { } p && ours is { } o && o > 0 ? p / o : null;

    private static string Ratio(double? peer, double? ours) => Divide(peer, ours) is { } r ? F($"{r:F1}×") : "–";

    private static string F(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
