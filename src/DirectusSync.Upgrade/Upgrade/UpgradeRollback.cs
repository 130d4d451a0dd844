using DirectusSync.Upgrade.Providers;
using DirectusSync.Upgrade.Versions;

namespace DirectusSync.Upgrade.Upgrade;

/// <summary>
/// The rollback after a failure past the stop, as a chain of actions where each runs only when what it
/// depends on was done: stop (and see the server gone) → put the old version back → restore the database
/// (only after a stop that held; only when migrations touched it) → start the old version (only after
/// both) → push the backup's configuration (only into the backup's own version). A failed or skipped
/// action makes the rollback INCOMPLETE, and says so, rather than going on over a state it cannot trust.
/// </summary>
public sealed class UpgradeRollback(IDirectusProvider provider, IUpgradeServer server, Action? restoreRepositoryDump = null)
{
    private const string StopAction = "stop Directus";
    private const string RevertAction = "put the old version back";
    private const string DatabaseAction = "restore the database";
    private const string DumpAction = "restore the repository's dump";
    private const string StartAction = "start the old version";
    private const string ConfigurationAction = "push the backup's configuration";

    /// <summary>Runs the rollback; every action is recorded through <paramref name="note"/> as it ends.</summary>
    public async Task<RollbackResult> RunAsync(RollbackPlan plan, Action<string>? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var actions = new List<RollbackAction>();

        async Task Run(string name, Func<Task<string>> body, params string[] needs)
        {
            var missing = needs.Select(n => actions.FirstOrDefault(a => a.Name == n))
                .Where(a => a is not null && a.Outcome is RollbackActionOutcome.Failed or RollbackActionOutcome.Skipped)
                .Select(a => a!.Name)
                .ToList();
            RollbackAction action;
            if (missing.Count > 0)
            {
                action = new RollbackAction(name, RollbackActionOutcome.Skipped, $"it needs \"{string.Join("\", \"", missing)}\", which did not succeed");
            }
            else
            {
                try
                {
                    action = new RollbackAction(name, RollbackActionOutcome.Done, await body().ConfigureAwait(false));
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    action = new RollbackAction(name, RollbackActionOutcome.Failed, e.Message);
                }
            }

            actions.Add(action);
            note?.Invoke(action.ToString());
        }

        void NotNeeded(string name, string why)
        {
            var action = new RollbackAction(name, RollbackActionOutcome.NotNeeded, why);
            actions.Add(action);
            note?.Invoke(action.ToString());
        }

        await Run(StopAction, async () =>
        {
            await provider.StopAsync(cancellationToken).ConfigureAwait(false);
            return await server.WaitStoppedAsync(cancellationToken).ConfigureAwait(false)
                ? "the server no longer answers"
                : throw new InvalidOperationException("the server still answers after the stop: nothing is restored under a running Directus");
        }).ConfigureAwait(false);

        if (plan.Bumped)
        {
            await Run(RevertAction, async () =>
            {
                await provider.RevertAsync(plan.ProviderBackupDirectory, plan.Previous, cancellationToken).ConfigureAwait(false);
                return $"Directus {plan.Previous} installed again ({provider.Description})";
            }, StopAction).ConfigureAwait(false);
        }
        else
        {
            NotNeeded(RevertAction, "the installation was not changed");
        }

        if (!plan.DatabaseTouched)
        {
            NotNeeded(DatabaseAction, "no migration ran: the database is as the old version left it");
        }
        else if (plan.Database is not { } database)
        {
            actions.Add(new RollbackAction(DatabaseAction, RollbackActionOutcome.Failed,
                "the database was migrated but there is no copy (--accept-no-database-backup): it keeps the target version's schema"));
            note?.Invoke(actions[^1].ToString());
        }
        else
        {
            await Run(DatabaseAction, () => database.Backup.RestoreAsync(database.Copy, cancellationToken), StopAction).ConfigureAwait(false);
        }

        if (plan.DumpReplaced && restoreRepositoryDump is not null)
        {
            await Run(DumpAction, () =>
            {
                restoreRepositoryDump();
                return Task.FromResult("from the backup");
            }).ConfigureAwait(false);
        }

        // The old version on a database its migrations do not know, or an installation half reverted,
        // is no rollback: the start waits for both.
        await Run(StartAction, async () =>
        {
            await provider.StartAsync(cancellationToken).ConfigureAwait(false);
            var version = await server.WaitReadyAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("it did not answer /server/ping in time");
            return version.CompareTo(plan.Previous) == 0 && version.Text == plan.Previous.Text
                ? $"Directus {version} answers"
                : throw new InvalidOperationException($"it answers as Directus {version}, not {plan.Previous}");
        }, StopAction, RevertAction, DatabaseAction).ConfigureAwait(false);

        await Run(ConfigurationAction, async () =>
        {
            // Only into the version the backup was taken from: pushed with force into another version, a
            // dump can write what that version does not understand.
            var backupVersion = StrictVersion.Parse(plan.Backup.DirectusVersion, "backup.json's DirectusVersion");
            if (backupVersion.Text != plan.Previous.Text)
            {
                throw new InvalidOperationException($"the backup is of Directus {backupVersion}, the server runs {plan.Previous}: not pushed");
            }

            await server.RestoreConfigurationAsync(plan.Backup, cancellationToken).ConfigureAwait(false);
            return $"{plan.Backup.Directory} pushed; diff clean";
        }, StartAction).ConfigureAwait(false);

        return new RollbackResult(actions);
    }
}
