namespace DirectusSync.Benchmarks;

/// <summary>One size of a scale curve: its scale, the items loaded at it, and every measurement taken there.</summary>
/// <param name="Scale">The scale (1.0 = 100 collections, 1,500 fields, 1,000 permissions, 400 operations…).</param>
/// <param name="ItemCount">System items loaded into the source at this scale.</param>
/// <param name="Measurements">Per scenario and tool.</param>
public sealed record ScalePoint(double Scale, int ItemCount, Dictionary<(string Scenario, string Tool), Measurement> Measurements);
