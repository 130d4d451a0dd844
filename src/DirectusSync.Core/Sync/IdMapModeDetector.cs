using DirectusSync.Core.Logging;
using DirectusSync.Core.Model;
using DirectusSync.Core.Transport;

namespace DirectusSync.Core.Sync;

/// <summary>
/// What <c>--id-maps auto</c> chooses, for every engine that needs id maps (sync and seed): the extension's table when
/// directus-extension-sync answers, derived maps when it is not installed, and a refusal when Directus lists it but it
/// does not answer. The choice is logged, so the user sees which mode ran.
/// </summary>
public sealed class IdMapModeDetector(IdMapClient idMaps, ISyncLog log)
{
    /// <summary>The mode <c>auto</c> resolves to on this instance (never <see cref="IdMapMode.Auto"/>).</summary>
    /// <exception cref="SyncOptionsException">directus-extension-sync is installed but silent (disabled, or it failed to load); nothing was written.</exception>
    public async Task<IdMapMode> DetectAsync(CancellationToken cancellationToken = default)
    {
        if (await idMaps.IsInstalledAsync(cancellationToken).ConfigureAwait(false))
        {
            log.Info(string.Empty, "Id maps: directus-extension-sync answers; using its table (extension mode)");
            return IdMapMode.Extension;
        }

        // Installed but silent (disabled, or it failed to load): its maps may name items under drawn sync ids, which
        // deriving would rename or recreate. auto cannot tell which project this is; the user can (derived, or fix it).
        if (await idMaps.DescribeInstalledAsync(cancellationToken).ConfigureAwait(false) is { } listed)
        {
            throw new SyncOptionsException("--id-maps",
                $"--id-maps auto: Directus lists {listed} among its extensions, but it does not answer at {idMaps.Address}. " +
                "Nothing was written. Enable it (or restart Directus so that it loads) to keep its id maps, or choose --id-maps derived to sync without them.");
        }

        log.Info(string.Empty, "Id maps: directus-extension-sync does not answer; deriving them from the items (extension-less mode: sync id = id, permissions and presets by policy/role, collection and action/bookmark)");
        return IdMapMode.Derived;
    }
}
