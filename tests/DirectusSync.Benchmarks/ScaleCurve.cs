using System.Globalization;
using System.Text;

namespace DirectusSync.Benchmarks;

/// <summary>
/// How each scenario's median time and requests grow with the configuration's size. The growth column divides the
/// time's growth from the smallest to the largest size by the items' growth: 1.0 is linear, below it better than
/// linear (fixed costs such as process start and the schema snapshot weigh less as the size grows), above it worse.
/// </summary>
public sealed class ScaleCurve(IReadOnlyList<string> tools, IReadOnlyList<ScalePoint> points)
{
    /// <summary>A Markdown section: one row per scenario and tool, one time and request column per size.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder().AppendLine().AppendLine("## Scale curve").AppendLine();
        var header = new List<string> { "scenario", "tool" };
        header.AddRange(points.Select(p => F($"time at {p.Scale} ({p.ItemCount} items)")));
        header.AddRange(points.Select(p => F($"requests at {p.Scale}")));
        header.Add("time growth / item growth");
        text.AppendLine("| " + string.Join(" | ", header) + " |");
        text.AppendLine("| --- | --- " + string.Concat(Enumerable.Repeat("| ---: ", header.Count - 2)) + "|");
        var scenarios = points.SelectMany(p => p.Measurements.Keys.Select(k => k.Scenario)).Where(s => s != "--version").Distinct();
        foreach (var scenario in scenarios)
        {
            foreach (var tool in tools)
            {
                var row = points.Select(p => p.Measurements.TryGetValue((scenario, tool), out var m) ? m : null).ToList();
                if (row.All(m => m is null))
                {
                    continue;
                }

                var cells = new List<string> { scenario, tool };
                cells.AddRange(row.Select(m => m is null ? "–" : F($"{m.MedianSeconds:F2} s")));
                cells.AddRange(row.Select(m => m is null ? "–" : F($"{m.MedianRequests:F0}")));
                cells.Add(Growth(row[0], row[^1]));
                text.AppendLine("| " + string.Join(" | ", cells) + " |");
            }
        }

        return text.ToString();
    }

    private string Growth(Measurement? smallest, Measurement? largest)
    {
        var items = (double)points[^1].ItemCount / points[0].ItemCount;
        return smallest is null || largest is null || smallest.MedianSeconds <= 0 || items <= 0
            ? "–"
            : F($"{largest.MedianSeconds / smallest.MedianSeconds / items:F2}");
    }

    private static string F(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
