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
    private IEnumerable<string> Peers => tools.Where(t => t is not "ours" and not "derived");

    /// <summary>(peer, ours-column) pairs of the ratio columns: every peer over ours, and d6s over the derived mode.</summary>
    private IEnumerable<(string Peer, string Ours)> Ratios =>
        Peers.Select(p => (p, "ours")).Concat(tools.Contains("d6s") && tools.Contains("derived") ? [("d6s", "derived")] : []);

    /// <summary>The goals of issue #14: (scenario, peer, our column, minimum ratio).</summary>
    private IEnumerable<(string Scenario, string Peer, string Ours, double Minimum)> Goals =>
        tools.Contains("d6s")
            ?
            [
                ("pull --no-specs", "d6s", "ours", 1.2), ("no-op diff", "d6s", "ours", 2.0),
                ("push into empty", "d6s", "derived", 1.2), ("push into empty", "d6s", "ours", 0),
                ("push 5 % changes", "d6s", "ours", 1.5),
            ]
            :
            [
                ("pull", "reference", "ours", 10), ("no-op diff", "reference", "ours", 25), ("push into empty", "reference", "ours", 8),
                ("push into empty", "reference", "derived", 0),
            ];

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
        header.AddRange(Ratios.Select(r => $"{r.Peer}/{r.Ours} time"));
        header.AddRange(tools.Select(t => $"{t} requests"));
        header.AddRange(Ratios.Select(r => $"{r.Peer}/{r.Ours} requests"));
        text.AppendLine("| " + string.Join(" | ", header) + " |");
        text.AppendLine("| --- " + string.Concat(Enumerable.Repeat("| ---: ", header.Count - 1)) + "|");
        foreach (var scenario in Scenarios)
        {
            var cells = new List<string> { scenario };
            cells.AddRange(tools.Select(t => Get(scenario, t) is { } m ? F($"{m.MedianSeconds:F2} s") : "–"));
            cells.AddRange(Ratios.Select(r => Ratio(Get(scenario, r.Peer)?.MedianSeconds, Get(scenario, r.Ours)?.MedianSeconds)));
            cells.AddRange(tools.Select(t => Get(scenario, t) is { } m && scenario != "--version" ? F($"{m.MedianRequests:F0}") : "–"));
            cells.AddRange(Ratios.Select(r => scenario == "--version" ? "–" : Ratio(Get(scenario, r.Peer)?.MedianRequests, Get(scenario, r.Ours)?.MedianRequests)));
            text.AppendLine("| " + string.Join(" | ", cells) + " |");
        }

        text.AppendLine().AppendLine("## Goals").AppendLine()
            .AppendLine("| scenario | ratio | goal | measured | met |")
            .AppendLine("| --- | --- | ---: | ---: | --- |");
        foreach (var (scenario, peer, ours, minimum) in Goals)
        {
            var measured = Divide(Get(scenario, peer)?.MedianSeconds, Get(scenario, ours)?.MedianSeconds);
            var met = minimum == 0 ? "(reported)" : measured is null ? "–" : measured >= minimum ? "✔" : "✘";
            text.AppendLine(F($"| {scenario} | {peer}/{ours} time | {(minimum == 0 ? "–" : $"≥ {minimum:F1}×")} | {(measured is { } m ? $"{m:F2}×" : "–")} | {met} |"));
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
            timeRatios = Ratios.ToDictionary(r => $"{r.Peer}/{r.Ours}", r => Divide(Get(s, r.Peer)?.MedianSeconds, Get(s, r.Ours)?.MedianSeconds)),
            requestRatios = Ratios.ToDictionary(r => $"{r.Peer}/{r.Ours}", r => Divide(Get(s, r.Peer)?.MedianRequests, Get(s, r.Ours)?.MedianRequests)),
        }),
        runs = measurements.Values,
    }, Formatting.Indented);

    private Measurement? Get(string scenario, string tool) => measurements.TryGetValue((scenario, tool), out var m) ? m : null;

    private static double? Divide(double? peer, double? ours) => peer is { } p && ours is { } o && o > 0 ? p / o : null;

    private static string Ratio(double? peer, double? ours) => Divide(peer, ours) is { } r ? F($"{r:F1}×") : "–";

    private static string F(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
