using DirectusSync.Core.Plan;
using DirectusSync.Core.Sync;
using DirectusSync.MSBuild.Diagnostics;

namespace DirectusSync.MSBuild.Running;

/// <summary>
/// Stops a push that would delete more than a quarter of a collection's tracked items (items with an id map on
/// the target), the usual sign of an incomplete dump or one pulled from another instance. Same rule as the CLI's
/// guard, so that a build and a pipeline refuse the same pushes.
/// </summary>
internal static class DeletionGuard
{
    /// <summary>One DSYNC0401 error per collection over the threshold.</summary>
    public static IReadOnlyList<Diagnostic> Check(DiffResult diff) =>
        diff.Plan.Operations.OfType<DeleteItem>()
            .GroupBy(d => d.Collection, StringComparer.Ordinal)
            .Select(g => (Collection: g.Key, Deletes: g.Count(), Tracked: diff.Live.Collections.TryGetValue(g.Key, out var live) ? live.IdMaps.Count : 0))
            .Where(c => IsExcessive(c.Deletes, c.Tracked))
            .Select(c => new Diagnostic(Messages.TooManyDeletes, c.Deletes, c.Tracked, c.Collection))
            .ToList();

    /// <summary>True when <paramref name="deletes"/> is more than a quarter of <paramref name="tracked"/>.</summary>
    public static bool IsExcessive(int deletes, int tracked) => deletes > 0 && deletes * 4 > tracked;
}
