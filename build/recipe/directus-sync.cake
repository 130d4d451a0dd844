// DirectusSync recipe: the UpgradeDirectus pipeline as Cake tasks, one task per step, each depending on the
// one before. Load the addin first, then this file:
//
//   #addin nuget:?package=DirectusSync.Cake&version=0.1.0&loaddependencies=true
//   (or #r ".../DirectusSync.Cake.dll" and #r ".../DirectusSync.Upgrade.dll": this file names the library's types)
//   #load "./directus-sync.cake"
//   RunTarget(Argument("target", "UpgradeDirectus"));
//
// Settings come from the command line (--directus-version, --directus-url, --upgrade-provider, …: see
// src/DirectusSync.Cake/README.md) and the environment (DIRECTUS_URL, DIRECTUS_TOKEN, …). A host script may
// change DirectusUpgradeRecipe.Settings before the first step runs, e.g. from a task the preflight depends on:
//   DirectusUpgradeRecipe.PreflightTask.IsDependentOn("My-Setup");
// The logic lives in the upgrade library the addin wraps (DirectusSync.Upgrade.Upgrade.DirectusUpgrade, one class per
// step); these tasks only call its steps.

public static class DirectusUpgradeRecipe
{
    // The upgrade is made from the settings when the first step runs, so a setup task can still change them.
    public static DirectusUpgradeSettings Settings { get; set; }
    public static DirectusUpgrade Upgrade { get; set; }
    public static CakeTaskBuilder PreflightTask { get; set; }
    public static CakeTaskBuilder UpgradeTask { get; set; }
    public static CakeTaskBuilder RollbackTask { get; set; }
}

DirectusUpgradeRecipe.Settings = DirectusSyncUpgradeArguments();

DirectusUpgrade DirectusUpgradeRun() =>
    DirectusUpgradeRecipe.Upgrade ??= DirectusSyncUpgrade(DirectusUpgradeRecipe.Settings);

CakeTaskBuilder DirectusUpgradeStepTask(string name, UpgradeStep step, string description, string dependsOn) =>
    (dependsOn is null ? Task(name) : Task(name).IsDependentOn(dependsOn))
        .Description(description)
        .Does(async () => await DirectusUpgradeRun().RunAsync(step))
        .ReportError(exception =>
        {
            if (DirectusUpgradeRecipe.Upgrade is { } upgrade)
            {
                Error("The upgrade stopped at {0}. Report: {1}", name, upgrade.Options.ReportPath);
                DirectusUpgradePublishReport(upgrade.Options.ReportPath);
            }
        });

DirectusUpgradeRecipe.PreflightTask = DirectusUpgradeStepTask("DirectusSync-Preflight", UpgradeStep.Preflight,
    "Connects, reads the version and diffs the repository's dump against the server; drift stops the run (unless --push-pending).", null);
DirectusUpgradeStepTask("DirectusSync-Backup", UpgradeStep.Backup,
    "Pulls into backup-YYYYMMDD-HHMMSS, records the versions, copies the database, verifies the backup.", "DirectusSync-Preflight");
DirectusUpgradeStepTask("DirectusSync-Version-Check", UpgradeStep.VersionCheck,
    "Target newer and supported; major-version steps; licence gate for Directus 12 without a licence.", "DirectusSync-Backup");
DirectusUpgradeStepTask("DirectusSync-Stop", UpgradeStep.Stop, "Stops Directus through the provider.", "DirectusSync-Version-Check");
DirectusUpgradeStepTask("DirectusSync-Bump", UpgradeStep.Bump, "Points the installation at the target version.", "DirectusSync-Stop");
DirectusUpgradeStepTask("DirectusSync-Install", UpgradeStep.Install, "Installs the target version.", "DirectusSync-Bump");
DirectusUpgradeStepTask("DirectusSync-Migrate", UpgradeStep.Migrate, "Runs directus database migrate:latest.", "DirectusSync-Install");
DirectusUpgradeStepTask("DirectusSync-Start", UpgradeStep.Start, "Starts Directus and waits until it answers.", "DirectusSync-Migrate");
DirectusUpgradeStepTask("DirectusSync-Post-Upgrade", UpgradeStep.PostUpgrade,
    "Waits healthy, pulls, diffs, pushes adjustments, proves nothing was lost, updates the repository's dump.", "DirectusSync-Start");

DirectusUpgradeRecipe.UpgradeTask = Task("UpgradeDirectus")
    .Description("Upgrades Directus through gated steps with backup and rollback; writes a Markdown report.")
    .IsDependentOn("DirectusSync-Post-Upgrade")
    .Does(() =>
{
    var upgrade = DirectusUpgradeRun();
    Information("Directus at {0} upgraded from {1} to {2}. Backup: {3}. Report: {4}",
        upgrade.Options.Connection.Url, upgrade.CurrentVersion, upgrade.Options.TargetVersion, upgrade.Backup?.Directory, upgrade.Options.ReportPath);
    foreach (var risk in upgrade.Risks)
    {
        Warning("Risk accepted: {0}", risk);
    }

    DirectusUpgradePublishReport(upgrade.Options.ReportPath);
});

// The report (result, risks, steps, rollback) on the CI run's page: GitHub's job summary, Azure's run summary.
void DirectusUpgradePublishReport(string reportPath)
{
    if (DirectusSyncPublishSummary(reportPath) is { } where)
    {
        Information("Report published to {0}.", where);
    }
}

// A run killed outright (kill -9, a lost CI runner) after the stop: the backup folder's upgrade-state.json
// says what was started; this undoes it with the same chained rollback (same arguments as the upgrade).
DirectusUpgradeRecipe.RollbackTask = Task("RollbackDirectus")
    .Description("Rolls back an upgrade killed after the stop, from its backup folder: --backup=backup-YYYYMMDD-HHMMSS (reads backup.json and upgrade-state.json).")
    .Does(() =>
{
    var backup = Argument<string>("backup", null)
        ?? throw new CakeException("RollbackDirectus: --backup=<the upgrade's backup folder> is required.");
    try
    {
        Information(DirectusSyncRollback(DirectusUpgradeRecipe.Settings, backup));
    }
    finally
    {
        DirectusUpgradePublishReport(System.IO.Path.Combine(MakeAbsolute(Directory(backup)).FullPath, "rollback-report.md"));
    }
});
