namespace DirectusSync.Benchmarks;

/// <summary>Command-line options of the benchmark.</summary>
public sealed record BenchmarkOptions
{
    /// <summary>Timed runs per measurement (the median is reported).</summary>
    public int Runs { get; init; } = 3;

    /// <summary>Size of the configuration: 1.0 = 100 collections, 1,500 fields, 1,000 permissions, 400 operations…</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>
    /// Sizes of a scale curve (<c>--scales 0.05,0.1,0.2</c>), ascending; the goals are read at the largest. One size
    /// (<see cref="Scale"/>) when not given.
    /// </summary>
    public IReadOnlyList<double> Scales { get; init; } = [];

    /// <summary>
    /// Ours as installed (<c>--ours-tool</c>, the tool's command from <c>dotnet tool install --tool-path</c>); when not
    /// given, the build output's DLL run by <c>dotnet</c>.
    /// </summary>
    public string? OursTool { get; init; }

    /// <summary>Where the Markdown and JSON reports go.</summary>
    public string OutputDirectory { get; init; } = "artifacts/benchmark";

    /// <summary>Directus version of the sandbox.</summary>
    public string DirectusVersion { get; init; } = "11.17.4";

    /// <summary>Parses --runs N --scale X --scales X,Y,Z --output DIR --directus-version V.</summary>
    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            options = args[i] switch
            {
                "--runs" => options with { Runs = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
                "--scale" => options with { Scale = double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
                "--scales" => options with
                {
                    Scales = args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList(),
                },
                "--output" => options with { OutputDirectory = args[i + 1] },
                "--ours-tool" => options with { OursTool = args[i + 1] },
                "--directus-version" => options with { DirectusVersion = args[i + 1] },
                _ => throw new ArgumentException($"unknown option {args[i]} (known: --runs, --scale, --scales, --output, --directus-version, --ours-tool)"),
            };
        }

        return options.Scales.Count > 0 ? options : options with { Scales = [options.Scale] };
    }
}
