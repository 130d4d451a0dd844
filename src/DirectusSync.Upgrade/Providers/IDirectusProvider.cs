using DirectusSync.Core.Transport;

namespace DirectusSync.Upgrade.Providers;

/// <summary>
/// How a Directus installation is stopped, bumped, installed, migrated and started: the only part of the
/// upgrade that knows how Directus is deployed (an npm project, docker compose, the user's own commands).
/// </summary>
public interface IDirectusProvider
{
    /// <summary>What is upgraded, for logs and reports (e.g. "npm project /srv/directus").</summary>
    string Description { get; }

    /// <summary>The Directus version the installation holds, or null when the provider cannot tell.</summary>
    Task<string?> InstalledVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps in <paramref name="directory"/> what <see cref="RevertAsync"/> needs (package.json, compose file…);
    /// <paramref name="running"/> is the version the server runs now.
    /// </summary>
    Task SaveAsync(string directory, DirectusVersion running, CancellationToken cancellationToken = default);

    /// <summary>Stops Directus; succeeds when it is already stopped.</summary>
    Task StopAsync(CancellationToken cancellationToken = default);

    /// <summary>Points the installation at <paramref name="target"/> (package.json, image tag…).</summary>
    Task BumpAsync(DirectusVersion target, CancellationToken cancellationToken = default);

    /// <summary>Installs what the installation now points at.</summary>
    Task InstallAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs the database migrations of the installed version.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts Directus in the background and returns (readiness is waited for by the caller).</summary>
    Task StartAsync(CancellationToken cancellationToken = default);

    /// <summary>Puts back what <see cref="SaveAsync"/> kept and installs <paramref name="previous"/> again (Directus is stopped).</summary>
    Task RevertAsync(string directory, DirectusVersion previous, CancellationToken cancellationToken = default);
}
