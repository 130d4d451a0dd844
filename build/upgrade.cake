// The UpgradeDirectus pipeline of this repository, run by `./build.sh --target=UpgradeDirectus` (build.cake
// builds the addin, publishes it to artifacts/cake-addin/ and runs this script in a second Cake process:
// a script cannot reference an assembly that its own run builds).
//
// With a Directus named (--directus-url or DIRECTUS_URL) it upgrades that one with the provider given
// (--upgrade-provider=npm|docker-compose|commands). With none, the embedded default: a local sandbox
// Directus 11.17.4 loaded with samples/upgrade/directus-config, upgraded to 12.4.0 (--directus-version).
#r "../artifacts/cake-addin/DirectusSync.Cake.dll"
// The upgrade library the addin wraps: this script and the recipe name its types (DirectusUpgrade, UpgradeStep, StrictVersion).
#r "../artifacts/cake-addin/DirectusSync.Upgrade.dll"
#load "./paths.cake"
#load "./recipe/directus-sync.cake"

var paths = new BuildPaths(Context);

if (!DirectusSyncUpgradeArgumentsNameADirectus())
{
    DirectusUpgradeRecipe.PreflightTask.IsDependentOn("Upgrade-Sandbox");
    DirectusUpgradeRecipe.RollbackTask.IsDependentOn("Rollback-Sandbox");
}

DirectusUpgradeRecipe.Settings.TargetVersion ??= "12.4.0";

Task("Upgrade-Sandbox")
    .Description("The embedded default: a fresh sandbox Directus (instance upgrade-demo) at --directus-from-version (11.17.4) loaded with the sample configuration.")
    .Does(() =>
{
    var instance = SandboxInstance;
    // Checked before it reaches the sandbox script's command line and its install folder's name.
    var fromVersion = DirectusSync.Upgrade.Versions.StrictVersion.Parse(Argument("directus-from-version", "11.17.4"), "--directus-from-version").Text;
    // sqlite (the embedded default) or pg (the sandbox's PostgreSQL 15): the instance runs on it, the
    // upgrade copies and restores it, and every start of the instance keeps it.
    var database = Argument("directus-db", "sqlite");
    if (database != "sqlite" && database != "pg")
    {
        throw new CakeException($"--directus-db={database}: expected sqlite or pg.");
    }

    var work = UpgradeWork;
    Information("No Directus named (--directus-url, DIRECTUS_URL): upgrading a local sandbox Directus {0} ({1}) loaded with samples/upgrade to {2}.",
        fromVersion, database, DirectusUpgradeRecipe.Settings.TargetVersion);

    // A fresh instance each run: the last run left it upgraded.
    RunSandbox(new Dictionary<string, string>(), "destroy", instance);
    RunSandbox(new Dictionary<string, string>(), "install", fromVersion);
    var values = RunSandbox(new Dictionary<string, string>
    {
        ["DIRECTUS_VERSION"] = fromVersion,
        ["DX_FRESH"] = "1",
        ["DX_PORT"] = "0",
        ["DX_DB"] = database,
    }, "up", instance);
    var url = values["DIRECTUS_URL"];
    var port = values["DIRECTUS_PORT"];

    // The repository dump of the demo is a working copy of the sample: the upgrade rewrites it for 12.
    var dump = work.Combine("directus-config");
    EnsureDirectoryExists(work);
    CleanDirectory(dump);
    CopyDirectory(paths.Root.Combine("samples/upgrade/directus-config"), dump);
    if (database == "pg")
    {
        // The sample was pulled from SQLite: its snapshot names that vendor, which a PostgreSQL Directus only
        // takes with force, and its type names are SQLite's (varchar, char(36), datetime): one pass creates
        // everything, after which only the type names differ, and Directus cannot apply those back onto a
        // primary key. So one pass only, then pulled back: the repository dump is the PostgreSQL instance's own.
        try
        {
            DirectusSyncPush(s => s.WithUrl(url).WithToken(SandboxToken).WithDumpPath(dump).WithOptions(o => o with { Force = true, MaxPushRetries = 1 }));
        }
        catch (CakeException e) when (e.InnerException is DirectusSync.Core.Workflow.PushConvergenceException)
        {
            Information("One pass applied the SQLite sample to PostgreSQL; what differs now is the vendors' type names: pulling the instance's own dump.");
        }

        DirectusSyncPull(s => s.WithUrl(url).WithToken(SandboxToken).WithDumpPath(dump));
        DirectusSyncDiff(s => s.WithUrl(url).WithToken(SandboxToken).WithDumpPath(dump).FailingOnDrift());
    }
    else
    {
        DirectusSyncPush(s => s.WithUrl(url).WithToken(SandboxToken).WithDumpPath(dump));
    }
    Information("Sandbox Directus {0} at {1} loaded with the sample configuration.", fromVersion, url);

    ConfigureSandboxUpgrade(url, port, database, dump);
});

// RollbackDirectus on the embedded default: the sandbox instance as the upgrade left it (never re-created).
Task("Rollback-Sandbox")
    .Description("The embedded default's settings for RollbackDirectus: the existing sandbox instance upgrade-demo.")
    .Does(() =>
{
    var state = paths.Root.CombineWithFilePath($".directus/instances/{SandboxInstance}/instance.env").FullPath;
    if (!System.IO.File.Exists(state))
    {
        throw new CakeException($"No sandbox instance {SandboxInstance} to roll back ({state} is missing).");
    }

    var values = System.IO.File.ReadAllLines(state).Select(line => line.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
    ConfigureSandboxUpgrade(values["DIRECTUS_URL"], values["DIRECTUS_PORT"], values["DIRECTUS_DB"], UpgradeWork.Combine("directus-config"));
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

// The embedded default's instance (--sandbox-instance, upgrade-demo) and work folder (--upgrade-work,
// artifacts/upgrade: the working copy of the dump, backups, report); tests give their own.
string SandboxInstance => System.Text.RegularExpressions.Regex.IsMatch(Argument("sandbox-instance", "upgrade-demo"), "^[a-z0-9][a-z0-9-]{0,62}$")
    ? Argument("sandbox-instance", "upgrade-demo")
    : throw new CakeException($"--sandbox-instance={Argument("sandbox-instance", "upgrade-demo")}: lower-case letters, digits and '-' only.");

DirectoryPath UpgradeWork => HasArgument("upgrade-work") ? MakeAbsolute(Directory(Argument<string>("upgrade-work"))) : paths.UpgradeWork;

// The sandbox keeps one installation per version under .directus/, so its provider is a set of commands
// around build/sandbox/directus.sh ({version}: the target, or the old one during a rollback); every start
// keeps the instance's database kind (DX_DB) and port.
void ConfigureSandboxUpgrade(string url, string port, string database, DirectoryPath dump)
{
    var script = paths.SandboxScript.FullPath;
    var work = UpgradeWork;
    var settings = DirectusUpgradeRecipe.Settings;
    settings.Url = url;
    settings.Token = SandboxToken;
    settings.DumpPath = dump;
    settings.BackupRoot ??= work;
    settings.ReportPath ??= work.CombineWithFilePath("upgrade-report.md");
    settings.DirectusEnvFile = paths.Root.CombineWithFilePath($".directus/instances/{SandboxInstance}/.env");
    settings.Npm = null;
    settings.DockerCompose = null;
    settings.UsingCommands(new CommandsProviderOptions
    {
        Stop = $"bash '{script}' down {SandboxInstance}",
        Install = $"bash '{script}' install {{version}}",
        Migrate = $"bash '{script}' migrate {SandboxInstance} {{version}}",
        Start = $"DIRECTUS_VERSION={{version}} DX_PORT={port} DX_FRESH=0 DX_DB={database} bash '{script}' up {SandboxInstance}",
        InstalledVersion = $"cat '{paths.Root.FullPath}/.directus/instances/{SandboxInstance}/version'",
        WorkingDirectory = paths.Root.FullPath,
    });
}

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
