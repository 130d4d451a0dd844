using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Sync;

/// <summary>
/// Stops a push that would delete more than a quarter of a collection's tracked items (items with an id map
/// on the target): the usual sign of a dump that is incomplete or pulled from the wrong instance. A missing
/// collection file, for one, reads as "delete everything" in the reference. One rule for every front end
/// (CLI, MSBuild, Cake), so a build and a pipeline refuse the same pushes.
/// </summary>
public static class DeletionGuard
{
    /// <summary>The collections whose deletions exceed the threshold, with what would be deleted.</summary>
    public static IReadOnlyList<DeletionGuardViolation> Check(DiffResult diff)
    {
        var violations = new List<DeletionGuardViolation>();
        foreach (var group in diff.Plan.Operations.OfType<DeleteItem>().GroupBy(d => d.Collection, StringComparer.Ordinal))
        {
            var tracked = diff.Live.Collections.TryGetValue(group.Key, out var live) ? live.IdMaps.Count : 0;
            var deletes = group.ToList();
            if (IsExcessive(deletes.Count, tracked))
            {
                violations.Add(new DeletionGuardViolation(group.Key, tracked, deletes));
            }
        }

        return violations;
    }

    /// <summary>True when <paramref name="deletes"/> is more than a quarter of <paramref name="tracked"/>.</summary>
    public static bool IsExcessive(int deletes, int tracked) => deletes > 0 && deletes * 4 > tracked;
}
