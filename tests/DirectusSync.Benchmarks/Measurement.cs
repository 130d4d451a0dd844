namespace DirectusSync.Benchmarks;

/// <summary>The runs of one tool for one scenario.</summary>
/// <param name="Scenario">pull, no-op diff, push into empty, push 5 % changes, --version.</param>
/// <param name="Tool">reference or ours.</param>
/// <param name="Seconds">Wall-clock seconds of each run.</param>
/// <param name="Requests">HTTP requests the server received in each run.</param>
public sealed record Measurement(string Scenario, string Tool, List<double> Seconds, List<int> Requests)
{
    /// <summary>Median time.</summary>
    public double MedianSeconds => Median(Seconds);

    /// <summary>Median request count.</summary>
    public double MedianRequests => Median(Requests.Select(r => (double)r).ToList());

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
