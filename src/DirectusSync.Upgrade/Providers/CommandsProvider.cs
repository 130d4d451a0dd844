using DirectusSync.Upgrade.Processes;
using DirectusSync.Upgrade.Versions;
using DirectusSync.Core.Transport;

namespace DirectusSync.Upgrade.Providers;

/// <summary>
/// Runs the user's shell command for each step (bash -c; cmd /c on Windows). <c>{version}</c> and
/// <c>{previous}</c> are replaced by versions checked by <see cref="StrictVersion"/> first: only digits,
/// letters, dots, hyphens and plus signs ever reach the shell through them.
/// </summary>
public sealed class CommandsProvider(CommandsProviderOptions options, ICommandRunner runner) : IDirectusProvider
{
    private string? _previous;
    private string? _version;

    /// <inheritdoc />
    public string Description => "user commands" + (options.WorkingDirectory is null ? string.Empty : $" in {Path.GetFullPath(options.WorkingDirectory)}");

    /// <inheritdoc />
    public async Task<string?> InstalledVersionAsync(CancellationToken cancellationToken = default)
    {
        if (options.InstalledVersion is null)
        {
            return null;
        }

        var result = await RunAsync(options.InstalledVersion, cancellationToken).ConfigureAwait(false);
        return result?.Output.Trim().Split('\n').LastOrDefault()?.Trim();
    }

    /// <inheritdoc />
    public Task SaveAsync(string directory, DirectusVersion running, CancellationToken cancellationToken = default)
    {
        _previous = StrictVersion.Checked(running, "the running version");
        _version ??= _previous;
        Directory.CreateDirectory(directory);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken = default) => RunAsync(options.Stop, cancellationToken);

    /// <inheritdoc />
    public Task BumpAsync(DirectusVersion target, CancellationToken cancellationToken = default)
    {
        _version = StrictVersion.Checked(target, "the target version");
        return RunAsync(options.Bump, cancellationToken);
    }

    /// <inheritdoc />
    public Task InstallAsync(CancellationToken cancellationToken = default) => RunAsync(options.Install, cancellationToken);

    /// <inheritdoc />
    public Task MigrateAsync(CancellationToken cancellationToken = default) => RunAsync(options.Migrate, cancellationToken);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken = default) => RunAsync(options.Start, cancellationToken);

    /// <inheritdoc />
    public async Task RevertAsync(string directory, DirectusVersion previous, CancellationToken cancellationToken = default)
    {
        _version = StrictVersion.Checked(previous, "the version to revert to");
        if (options.Revert is not null)
        {
            await RunAsync(options.Revert, cancellationToken).ConfigureAwait(false);
            return;
        }

        await RunAsync(options.Bump, cancellationToken).ConfigureAwait(false);
        await RunAsync(options.Install, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CommandResult?> RunAsync(string? template, CancellationToken cancellationToken)
    {
        if (template is null)
        {
            return null;
        }

        var text = template
            .Replace("{version}", _version ?? string.Empty, StringComparison.Ordinal)
            .Replace("{previous}", _previous ?? string.Empty, StringComparison.Ordinal);
        return await runner.RunCheckedAsync(CommandLine.Shell(text) with
        {
            WorkingDirectory = options.WorkingDirectory is null ? null : Path.GetFullPath(options.WorkingDirectory),
            Environment = options.Environment,
            Timeout = options.Timeout,
        }, cancellationToken).ConfigureAwait(false);
    }
}
