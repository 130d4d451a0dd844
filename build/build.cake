// DirectusSync's own pipeline. Run it through ./build.sh or ./build.ps1, e.g. ./build.sh --target=Test.
#load "./parameters.cake"
#load "./sandbox.cake"

Setup<BuildParameters>(context =>
{
    var parameters = new BuildParameters(context);
    Information("DirectusSync: target {0}, configuration {1}, Directus {2} ({3})",
        parameters.Target, parameters.Configuration, parameters.DirectusVersion, parameters.DirectusDatabase);
    return parameters;
});

Task("Clean")
    .Does<BuildParameters>((context, parameters) =>
{
    CleanDirectories(parameters.Paths.Root.FullPath + "/src/**/bin");
    CleanDirectories(parameters.Paths.Root.FullPath + "/src/**/obj");
    CleanDirectories(parameters.Paths.Root.FullPath + "/tests/**/bin");
    CleanDirectories(parameters.Paths.Root.FullPath + "/tests/**/obj");
    CleanDirectory(parameters.Paths.Artifacts);
});

Task("Restore")
    .Does<BuildParameters>((context, parameters) =>
{
    DotNetRestore(parameters.Paths.Solution.FullPath);
});

Task("Build")
    .IsDependentOn("Restore")
    .Does<BuildParameters>((context, parameters) =>
{
    DotNetBuild(parameters.Paths.Solution.FullPath, new DotNetBuildSettings
    {
        Configuration = parameters.Configuration,
        NoRestore = true,
    });
});

Task("Provision-Directus")
    .Description("Installs Node 22, Directus, directus-extension-sync and the reference CLI under .directus/ (reused when present).")
    .Does<BuildParameters>((context, parameters) =>
{
    Sandbox.Run(context, parameters, new Dictionary<string, string>(), "install");
    // 12.4.0 too: the tests sync and upgrade between the two majors our users run.
    Sandbox.Run(context, parameters, new Dictionary<string, string>(), "install", "12.4.0");
    Sandbox.Run(context, parameters, new Dictionary<string, string>(), "install-cli");
    // The GitHub Actions templates are validated by a real validator in the tests.
    Sandbox.Run(context, parameters, new Dictionary<string, string>(), "install-linters");
});

Task("Test-Unit")
    .IsDependentOn("Build")
    .Does<BuildParameters>((context, parameters) =>
{
    // Every unit-test project: tests/*.Tests (the integration tests are their own target).
    foreach (var project in GetFiles(parameters.Paths.Root.FullPath + "/tests/*.Tests/*.Tests.csproj"))
    {
        RunTests(context, parameters, project);
    }
});

Task("Test-Integration")
    .Description("Tests against a real Directus that the tests start from the sandbox.")
    .IsDependentOn("Build")
    .IsDependentOn("Provision-Directus")
    .Does<BuildParameters>((context, parameters) =>
{
    RunTests(context, parameters, parameters.Paths.IntegrationTests);
});

Task("Test")
    .IsDependentOn("Test-Unit")
    .IsDependentOn("Test-Integration");

Task("Pack")
    .IsDependentOn("Build")
    .Does<BuildParameters>((context, parameters) =>
{
    foreach (var project in GetFiles(parameters.Paths.Root.FullPath + "/src/**/*.csproj"))
    {
        // The CLI's tool packages are RID-specific (linux-x64 precompiled, "any" for the rest): their inner
        // builds are not the solution's, so packing it builds them.
        var cli = project.GetFilenameWithoutExtension().FullPath == "DirectusSync.Cli";
        DotNetPack(project.FullPath, new DotNetPackSettings
        {
            Configuration = parameters.Configuration,
            NoBuild = !cli,
            NoRestore = !cli,
            OutputDirectory = parameters.Paths.Packages,
        });
    }
});

Task("Directus-Up")
    .Description("Starts the local default Directus (instance 'local', --directus-port, 8055 by default) and keeps its database.")
    .IsDependentOn("Provision-Directus")
    .Does<BuildParameters>((context, parameters) =>
{
    var output = Sandbox.Run(context, parameters, new Dictionary<string, string>
    {
        ["DX_PORT"] = parameters.DirectusPort.ToString(),
        ["DX_FRESH"] = "0",
    }, "up", "local");
    Information(output);
    Information("Log in at http://127.0.0.1:{0} as admin@example.com / sandbox-admin-password; static token: see README.", parameters.DirectusPort);
});

Task("Directus-Down")
    .Description("Stops every sandbox Directus and the sandbox PostgreSQL.")
    .Does<BuildParameters>((context, parameters) =>
{
    Sandbox.Run(context, parameters, new Dictionary<string, string>(), "down-all");
});

Task("Benchmark")
    .Description("Times ours against directus-sync (and d6s on Directus 12.2+) on a large configuration (not part of Test). --benchmark-runs=3 --benchmark-scale=1.0 --benchmark-scales=0.05,0.1,0.2 --benchmark-directus-version=11.17.4")
    .IsDependentOn("Build")
    .IsDependentOn("Provision-Directus")
    .Does<BuildParameters>((context, parameters) =>
{
    var version = Argument("benchmark-directus-version", "11.17.4");
    // Directus' own sync CLI is the peer on 12.2+; only the benchmark needs it.
    Sandbox.Run(context, parameters, new Dictionary<string, string>(), "install-d6s");
    // Ours as users get it: the tool packed and installed from a local feed (on linux-x64 its precompiled package).
    var output = Argument("benchmark-output", "artifacts/benchmark");
    var feed = parameters.Paths.Root.Combine(output).Combine("feed");
    var toolPath = parameters.Paths.Root.Combine(output).Combine("tool");
    CleanDirectory(feed);
    CleanDirectory(toolPath);
    var toolVersion = $"0.0.0-benchmark.{DateTime.UtcNow:yyyyMMddHHmmss}";
    DotNetPack(parameters.Paths.Root.CombineWithFilePath("src/DirectusSync.Cli/DirectusSync.Cli.csproj").FullPath, new DotNetPackSettings
    {
        Configuration = parameters.Configuration,
        OutputDirectory = feed,
        ArgumentCustomization = a => a.Append($"-p:PackageVersion={toolVersion}"),
    });
    var install = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder().Append("tool").Append("install").Append("DirectusSync.Cli")
            .Append("--tool-path").AppendQuoted(toolPath.FullPath).Append("--add-source").AppendQuoted(feed.FullPath)
            .Append("--version").Append(toolVersion),
    });
    if (install != 0)
    {
        throw new CakeException($"dotnet tool install of the packed CLI failed ({install}).");
    }

    var arguments = new ProcessArgumentBuilder()
        .Append("--ours-tool").AppendQuoted(toolPath.CombineWithFilePath(IsRunningOnWindows() ? "directus-sync.exe" : "directus-sync").FullPath)
        .Append("--runs").Append(Argument("benchmark-runs", "3"))
        .Append("--scale").Append(Argument("benchmark-scale", "1.0"))
        .Append("--directus-version").Append(version)
        .Append("--output").Append(output);
    if (HasArgument("benchmark-scales"))
    {
        // A scale curve: every scenario at each size (comma-separated), the goals read at the largest.
        arguments.Append("--scales").Append(Argument<string>("benchmark-scales"));
    }

    DotNetRun(parameters.Paths.Root.CombineWithFilePath("tests/DirectusSync.Benchmarks/DirectusSync.Benchmarks.csproj").FullPath,
        arguments,
        new DotNetRunSettings { Configuration = parameters.Configuration, NoBuild = true, NoRestore = true });
});

Task("Sync-Local")
    .Description("The main job: pulls the local default Directus into ./directus-config with the directus-sync tool, then diffs it.")
    .IsDependentOn("Build")
    .IsDependentOn("Directus-Up")
    .Does<BuildParameters>((context, parameters) =>
{
    var instance = Sandbox.ReadInstance(parameters, "local");
    var dumpPath = parameters.Paths.Root.Combine("directus-config").FullPath;
    foreach (var command in new[] { "pull", "diff" })
    {
        // The token goes through the environment, never the command line (process lists, logs).
        var exitCode = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder()
                .Append(parameters.Paths.CliAssembly(parameters.Configuration).FullPath)
                .Append(command)
                .Append("--dump-path").AppendQuoted(dumpPath),
            WorkingDirectory = parameters.Paths.Root,
            EnvironmentVariables = new Dictionary<string, string>
            {
                ["DIRECTUS_URL"] = instance["DIRECTUS_URL"],
                ["DIRECTUS_TOKEN"] = Sandbox.AdminToken,
            },
        });
        if (exitCode != 0)
        {
            throw new CakeException($"directus-sync {command} failed with exit code {exitCode}.");
        }
    }

    Information("Dump of {0} written to {1}.", instance["DIRECTUS_URL"], dumpPath);
});

Task("Test-Cake")
    .Description("Unit tests of the Cake addin and of the upgrade library it wraps (Test-Unit runs them with every other unit-test project).")
    .IsDependentOn("Build")
    .Does<BuildParameters>((context, parameters) =>
{
    RunTests(context, parameters, parameters.Paths.CakeTests);
    RunTests(context, parameters, parameters.Paths.UpgradeTests);
});

Task("UpgradeDirectus")
    .Description("Upgrades Directus through gated steps with backup and rollback (build/upgrade.cake); with no Directus named, a local sandbox 11.17.4 loaded with samples/upgrade is upgraded to 12.4.0.")
    .IsDependentOn("Build")
    .Does<BuildParameters>((context, parameters) => RunUpgradeScript(context, parameters, null));

Task("RollbackDirectus")
    .Description("Rolls back an upgrade killed after the stop, from its backup folder (--backup=FOLDER; the upgrade's other arguments too): reads backup.json and upgrade-state.json.")
    .IsDependentOn("Build")
    .Does<BuildParameters>((context, parameters) => RunUpgradeScript(context, parameters, "RollbackDirectus"));

Task("Default")
    .IsDependentOn("Sync-Local");

RunTarget(Argument("target", "Default"));

void RunTests(ICakeContext context, BuildParameters parameters, FilePath project)
{
    DotNetTest(project.FullPath, new DotNetTestSettings
    {
        Configuration = parameters.Configuration,
        NoBuild = true,
        NoRestore = true,
        Filter = string.IsNullOrEmpty(parameters.TestFilter) ? null : parameters.TestFilter,
        // detailed: the integration tests print which Directus (version, URL, database) they talk to.
        Loggers = new[] { "console;verbosity=detailed", $"trx;LogFilePrefix={project.GetFilenameWithoutExtension()}" },
        ResultsDirectory = parameters.Paths.TestResults,
    });
}

void RunUpgradeScript(ICakeContext context, BuildParameters parameters, string target)
{
    // A script cannot #r an assembly its own run builds: the addin is published to a fixed folder and
    // build/upgrade.cake, which references it from there, runs in a second Cake process.
    DotNetPublish(parameters.Paths.CakeAddinProject.FullPath, new DotNetPublishSettings
    {
        Configuration = parameters.Configuration,
        NoBuild = true,
        NoRestore = true,
        OutputDirectory = parameters.Paths.CakeAddin,
    });

    // ArgumentList, not one command line: values (user commands) pass through unparsed.
    var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = parameters.Paths.Root.FullPath, UseShellExecute = false };
    start.ArgumentList.Add("cake");
    start.ArgumentList.Add(parameters.Paths.UpgradeScript.FullPath);
    if (target is not null)
    {
        start.ArgumentList.Add($"--target={target}");
    }

    // --exclusive (run the target without Build, e.g. by a test that built already) is this process' business.
    foreach (var (name, values) in context.Arguments.GetArguments().Where(a => a.Key != "target" && a.Key != "exclusive"))
    {
        foreach (var value in values)
        {
            start.ArgumentList.Add(string.IsNullOrEmpty(value) ? $"--{name}" : $"--{name}={value}");
        }
    }

    // Ctrl+C reaches both processes (one terminal process group): this one waits, the upgrade's own handler
    // decides (after the stop it rolls back first), and its exit code is this build's verdict. A SIGTERM
    // (a CI job cancelled) is passed on to the upgrade, which handles it the same way.
    using var process = System.Diagnostics.Process.Start(start);
    using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => c.Cancel = true);
    using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
    {
        c.Cancel = true;
        System.Diagnostics.Process.Start("kill", new[] { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })?.WaitForExit();
    });
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new CakeException($"The Directus {(target is null ? "upgrade" : "rollback")} failed (exit code {process.ExitCode}): its report and messages are above.");
    }
}
