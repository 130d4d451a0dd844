using DirectusSync.Upgrade.Processes;
using DirectusSync.Upgrade.Versions;
using DirectusSync.Core.Transport;

namespace DirectusSync.Upgrade.Providers;

/// <summary>
/// The guide's docker upgrade: bump the image tag in the compose file, <c>docker compose down</c>,
/// <c>pull</c>, run the migrations in a one-off container, <c>up -d</c>. Only tested against a recording
/// stand-in for <c>docker</c> (no Docker engine on the machines this is built on).
/// </summary>
public sealed class DockerComposeProvider(DockerComposeProviderOptions options, ICommandRunner runner) : IDirectusProvider
{
    private string ComposeFile => Path.GetFullPath(options.ComposeFile);

    /// <inheritdoc />
    public string Description => $"docker compose {ComposeFile} (service {options.Service})";

    /// <inheritdoc />
    public Task<string?> InstalledVersionAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(ComposeImageTag.Read(File.ReadAllText(ComposeFile), options.Image));

    /// <inheritdoc />
    public Task SaveAsync(string directory, DirectusVersion running, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        File.Copy(ComposeFile, Path.Combine(directory, Path.GetFileName(ComposeFile)), overwrite: true);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken = default) => ComposeAsync(["down"], cancellationToken);

    /// <inheritdoc />
    public Task BumpAsync(DirectusVersion target, CancellationToken cancellationToken = default)
    {
        var tag = StrictVersion.Checked(target, "the target version");
        if (tag.Contains('+', StringComparison.Ordinal))
        {
            throw new FormatException($"The target version {tag} has build metadata ('+'), which an image tag cannot hold.");
        }

        File.WriteAllText(ComposeFile, ComposeImageTag.Set(File.ReadAllText(ComposeFile), options.Image, tag));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task InstallAsync(CancellationToken cancellationToken = default) => ComposeAsync(["pull", options.Service], cancellationToken);

    /// <inheritdoc />
    // The image's start command bootstraps (and so migrates) too; running it first makes a failing
    // migration fail this step, with the old version still restorable.
    public Task MigrateAsync(CancellationToken cancellationToken = default) =>
        ComposeAsync(["run", "--rm", "--no-deps", options.Service, "node", "cli.js", "database", "migrate:latest"], cancellationToken);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken = default) => ComposeAsync(["up", "-d"], cancellationToken);

    /// <inheritdoc />
    public async Task RevertAsync(string directory, DirectusVersion previous, CancellationToken cancellationToken = default)
    {
        File.Copy(Path.Combine(directory, Path.GetFileName(ComposeFile)), ComposeFile, overwrite: true);
        await ComposeAsync(["pull", options.Service], cancellationToken).ConfigureAwait(false);
    }

    private async Task ComposeAsync(string[] arguments, CancellationToken cancellationToken) =>
        await runner.RunCheckedAsync(new CommandLine(options.DockerCommand, ["compose", "-f", ComposeFile, .. arguments])
        {
            WorkingDirectory = Path.GetDirectoryName(ComposeFile),
            Environment = options.Environment,
        }, cancellationToken).ConfigureAwait(false);
}
