// The UpgradeDirectus pipeline of this repository, run by `./build.sh --target=UpgradeDirectus` (build.cake
// builds the addin, publishes it to artifacts/cake-addin/ and runs this script in a second Cake process:
// a script cannot reference an assembly that its own run builds).
//
// With a Directus named (--directus-url or DIRECTUS_URL) it upgrades that one with the provider given
// (--upgrade-provider=npm|docker-compose|commands). With none, the embedded default: a local sandbox
// Directus 11.17.4 loaded with samples/upgrade/directus-config, upgraded to 12.4.0 (--directus-version).
#r "../artifacts/cake-addin/DirectusSync.Cake.dll"
#load "./paths.cake"
#load "./recipe/directus-sync.cake"

var paths = new BuildPaths(Context);

if (!DirectusSyncUpgradeArgumentsNameADirectus())
{
    DirectusUpgradeRecipe.PreflightTask.IsDependentOn("Upgrade-Sandbox");
}

DirectusUpgradeRecipe.Settings.TargetVersion ??= "12.4.0";

Task("Upgrade-Sandbox")
    .Description("The embedded default: a fresh sandbox Directus (instance upgrade-demo) at --directus-from-version (11.17.4) loaded with the sample configuration.")
    .Does(() =>
{
    const string instance = "upgrade-demo";
    // Checked before it reaches the sandbox script's command line and its install folder's name.
    var fromVersion = DirectusSync.Cake.Versions.StrictVersion.Parse(Argument("directus-from-version", "11.17.4"), "--directus-from-version").Text;
    var script = paths.SandboxScript.FullPath;
    var work = paths.UpgradeWork;
    Information("No Directus named (--directus-url, DIRECTUS_URL): upgrading a local sandbox Directus {0} loaded with samples/upgrade to {1}.",
        fromVersion, DirectusUpgradeRecipe.Settings.TargetVersion);

    // A fresh instance each run: the last run left it upgraded.
    RunSandbox(new Dictionary<string, string>(), "destroy", instance);
    RunSandbox(new Dictionary<string, string>(), "install", fromVersion);
    var values = RunSandbox(new Dictionary<string, string>
    {
        ["DIRECTUS_VERSION"] = fromVersion,
        ["DX_FRESH"] = "1",
        ["DX_PORT"] = "0",
    }, "up", instance);
    var url = values["DIRECTUS_URL"];
    var port = values["DIRECTUS_PORT"];

    // The repository dump of the demo is a working copy of the sample: the upgrade rewrites it for 12.
    var dump = work.Combine("directus-config");
    EnsureDirectoryExists(work);
    CleanDirectory(dump);
    CopyDirectory(paths.Root.Combine("samples/upgrade/directus-config"), dump);
    DirectusSyncPush(s => s.WithUrl(url).WithToken(SandboxToken).WithDumpPath(dump));
    Information("Sandbox Directus {0} at {1} loaded with the sample configuration.", fromVersion, url);

    var settings = DirectusUpgradeRecipe.Settings;
    settings.Url = url;
    settings.Token = SandboxToken;
    settings.DumpPath = dump;
    settings.BackupRoot ??= work;
    settings.ReportPath ??= work.CombineWithFilePath("upgrade-report.md");
    settings.DirectusEnvFile = paths.Root.CombineWithFilePath($".directus/instances/{instance}/.env");
    settings.Npm = null;
    settings.DockerCompose = null;
    // The sandbox keeps one installation per version under .directus/, so its provider is a set of
    // commands around build/sandbox/directus.sh ({version}: the target, or the old one during a rollback).
    settings.UsingCommands(new CommandsProviderOptions
    {
        Stop = $"bash '{script}' down {instance}",
        Install = $"bash '{script}' install {{version}}",
        Migrate = $"bash '{script}' migrate {instance} {{version}}",
        Start = $"DIRECTUS_VERSION={{version}} DX_PORT={port} DX_FRESH=0 bash '{script}' up {instance}",
        InstalledVersion = $"cat '{paths.Root.FullPath}/.directus/instances/{instance}/version'",
        WorkingDirectory = paths.Root.FullPath,
    });
});

Task("Upgrade-Sandbox-Summary")
    .IsDependentOn("UpgradeDirectus")
    .Does(() =>
{
    if (!DirectusSyncUpgradeArgumentsNameADirectus())
    {
        Information("The sandbox Directus stays up at {0}: log in as admin@example.com / sandbox-admin-password. ./build.sh --target=Directus-Down stops it.",
            DirectusUpgradeRecipe.Settings.Url);
    }
});

RunTarget(Argument("target", "Upgrade-Sandbox-Summary"));

const string SandboxToken = "sandbox-static-admin-token";

bool DirectusSyncUpgradeArgumentsNameADirectus() =>
    HasArgument("directus-url") || !string.IsNullOrEmpty(EnvironmentVariable("DIRECTUS_URL"));

IDictionary<string, string> RunSandbox(IDictionary<string, string> environment, params string[] arguments)
{
    var exitCode = StartProcess("bash", new ProcessSettings
    {
        Arguments = ProcessArgumentBuilder.FromStrings(new[] { paths.SandboxScript.FullPath }.Concat(arguments)),
        WorkingDirectory = paths.Root,
        RedirectStandardOutput = true,
        EnvironmentVariables = environment,
    }, out var output);
    if (exitCode != 0)
    {
        throw new CakeException($"build/sandbox/directus.sh {string.Join(" ", arguments)} exited with {exitCode}; its message is above.");
    }

    return output.Select(line => line.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
}
