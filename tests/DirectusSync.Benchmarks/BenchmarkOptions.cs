namespace DirectusSync.Benchmarks;

/// <summary>Command-line options of the benchmark.</summary>
public sealed record BenchmarkOptions
{
    /// <summary>Timed runs per measurement (the median is reported).</summary>
    public int Runs { get; init; } = 3;

    /// <summary>Size of the configuration: 1.0 = 100 collections, 1,500 fields, 1,000 permissions, 400 operations…</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Where the Markdown and JSON reports go.</summary>
    public string OutputDirectory { get; init; } = "artifacts/benchmark";

    /// <summary>Directus version of the sandbox.</summary>
    public string DirectusVersion { get; init; } = "11.17.4";

    /// <summary>Parses --runs N --scale X --output DIR --directus-version V.</summary>
    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            options = args[i] switch
            {
                "--runs" => options with { Runs = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
                "--scale" => options with { Scale = double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
                "--output" => options with { OutputDirectory = args[i + 1] },
                "--directus-version" => options with { DirectusVersion = args[i + 1] },
                _ => throw new ArgumentException($"unknown option {args[i]} (known: --runs, --scale, --output, --directus-version)"),
            };
        }

        return options;
    }
}
