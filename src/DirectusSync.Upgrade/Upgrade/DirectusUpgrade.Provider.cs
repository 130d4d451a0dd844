using DirectusSync.Upgrade.Connection;
using DirectusSync.Core.Transport;

namespace DirectusSync.Upgrade.Upgrade;

/// <summary>The steps that change the installation, through the provider. From the stop on, a failure rolls back.</summary>
public sealed partial class DirectusUpgrade
{
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(60);

    private async Task<string> StopAsync(StepRecord record, CancellationToken cancellationToken)
    {
        var (current, _) = Require();
        // The last gate before anything is stopped, also when the steps run one Cake task at a time.
        if (!DatabaseCopyProven && !_options.AcceptNoDatabaseBackup)
        {
            throw new UpgradeRefusedException(UpgradeStep.Stop, "No database copy was restored and compared: Directus is not stopped.");
        }

        _stopped = true;
        await _provider.StopAsync(cancellationToken).ConfigureAwait(false);
        var deadline = _time.GetUtcNow() + StopPatience;
        while (await ServerReadiness.PingAsync(_options.Connection, cancellationToken).ConfigureAwait(false))
        {
            if (_time.GetUtcNow() > deadline)
            {
                throw new InvalidOperationException($"Directus at {_options.Connection.Url} still answers {StopPatience.TotalSeconds:0} s after the stop: is it the one {_provider.Description} runs?");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        }

        record.Note($"{_provider.Description}: stopped; {_options.Connection.Url} no longer answers");
        return $"Directus {current} stopped";
    }

    private async Task<string> BumpAsync(StepRecord record, CancellationToken cancellationToken)
    {
        _bumped = true;
        await _provider.BumpAsync(_options.TargetVersion, cancellationToken).ConfigureAwait(false);
        record.Note($"{_provider.Description}: now points at Directus {_options.TargetVersion}");
        return $"→ {_options.TargetVersion}";
    }

    private async Task<string> InstallAsync(StepRecord record, CancellationToken cancellationToken)
    {
        // What runs after the start is checked there; an installed version read now could be the running one's.
        await _provider.InstallAsync(cancellationToken).ConfigureAwait(false);
        record.Note($"{_provider.Description}: Directus {_options.TargetVersion} installed");
        return $"Directus {_options.TargetVersion} installed";
    }

    private async Task<string> MigrateAsync(StepRecord record, CancellationToken cancellationToken)
    {
        _databaseTouched = true;
        await _provider.MigrateAsync(cancellationToken).ConfigureAwait(false);
        record.Note("database migrate:latest done");
        return "database migrated";
    }

    private async Task<string> StartAsync(StepRecord record, CancellationToken cancellationToken)
    {
        _databaseTouched = true;
        await _provider.StartAsync(cancellationToken).ConfigureAwait(false);
        if (!await WaitReadyAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Directus {_options.TargetVersion} did not answer /server/ping at {_options.Connection.Url} within {_options.ReadyTimeout.TotalSeconds:0} s of its start.");
        }

        using var client = _options.Connection.CreateClient();
        var info = await new DirectusServer(client).GetInfoAsync(cancellationToken).ConfigureAwait(false);
        if (info.Version.CompareTo(_options.TargetVersion) != 0)
        {
            throw new InvalidOperationException($"Directus at {_options.Connection.Url} answers as {info.Version} after the start, not {_options.TargetVersion}.");
        }

        record.Note($"{_options.Connection.Url} answers as Directus {info.Version}");
        return $"Directus {info.Version} started";
    }
}
