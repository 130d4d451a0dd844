using DirectusSync.Core.Workflow;
using DirectusSync.Upgrade.Providers;
using DirectusSync.Upgrade.Versions;

namespace DirectusSync.Upgrade.Upgrade.Steps;

/// <summary>
/// Connect, read the running version (checked like any input: it reaches the rollback's commands), check the
/// installation holds that version, and diff the repository's dump against the server: drift refuses the upgrade,
/// unless the pending changes are to be pushed after the backup (and the deletion guard would let that push through).
/// </summary>
/// <param name="options">The upgrade's options.</param>
/// <param name="provider">The installation.</param>
/// <param name="server">The Directus server.</param>
public sealed class PreflightStep(UpgradeOptions options, IDirectusProvider provider, IUpgradeServer server) : IStep
{
    /// <inheritdoc />
    public UpgradeStep Step => UpgradeStep.Preflight;

    /// <inheritdoc />
    public async Task<string> RunAsync(UpgradeRun run, StepRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(record);
        var url = options.Connection.Url;
        if (!await server.PingAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Directus at {url} does not answer /server/ping: start it (or fix --directus-url) and run again.");
        }

        var info = await server.GetSupportedInfoAsync(cancellationToken).ConfigureAwait(false);
        // The running version reaches the rollback's commands ({previous}) and files: checked like any input.
        run.CurrentVersion = StrictVersion.Parse(info.Version.Text, $"the version Directus at {url} reports");
        record.Note($"Directus {info.Version} at {url}{(info.ProjectName is null ? string.Empty : $" (project \"{info.ProjectName}\")")}");
        record.Note($"Installation: {provider.Description}");

        var installed = await provider.InstalledVersionAsync(cancellationToken).ConfigureAwait(false);
        if (installed is not null && installed != info.Version.ToString())
        {
            throw new UpgradeRefusedException(UpgradeStep.Preflight,
                $"The installation ({provider.Description}) holds Directus {installed}, but the server at {url} runs {info.Version}: they are not the same Directus. Check the provider settings.");
        }

        var dump = Path.GetFullPath(options.DumpPath);
        if (!Directory.Exists(dump))
        {
            throw new UpgradeRefusedException(UpgradeStep.Preflight,
                $"The repository has no dump at {dump}: pull the instance into the repository first (directus-sync pull, DirectusSyncPull), commit it, and run again.");
        }

        var sync = options.Sync with { DumpPath = dump };
        var plan = await server.DiffAsync(sync, cancellationToken).ConfigureAwait(false);
        if (!plan.HasDrift)
        {
            return $"Directus {info.Version}; the server matches the repository's dump {dump}";
        }

        var drift = PlanSummary.Of(plan).Lines(showValues: false);
        foreach (var line in drift)
        {
            record.Note(line);
        }

        if (!options.PushPending)
        {
            throw new UpgradeRefusedException(UpgradeStep.Preflight,
                $"The server at {url} differs from the repository's dump {dump}; nothing was written. A push of the dump would do:\n{string.Join('\n', drift)}\n"
                + "Push the pending changes first (--push-pending), or pull the server's state into the repository and review it, then run again.");
        }

        // Nothing is pushed before the backup exists (the rollback restores it); the guard's verdict is known now,
        // so a push it would stop refuses the upgrade before anything is copied or stopped.
        var verdict = await server.PushAsync(PendingPush.Request(options, sync) with { DryRun = true }, cancellationToken).ConfigureAwait(false);
        if (verdict.IsRefused)
        {
            throw new UpgradeRefusedException(UpgradeStep.Preflight,
                $"The pending push of the repository's dump {dump} would delete without consent; nothing was written:\n{string.Join('\n', verdict.Describe().Select(l => "- " + l))}\n"
                + "Check the dump, or consent (--allow-schema-deletes for collections, fields and relations; --allow-deletes for items).");
        }

        run.PendingPush = true;
        record.Note("The pending changes are pushed right after the backup (--push-pending)");
        return $"Directus {info.Version}; the repository's dump has pending changes ({drift.Count(l => !l.StartsWith(' '))} part(s)), pushed after the backup";
    }
}
