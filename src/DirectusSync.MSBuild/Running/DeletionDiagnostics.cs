using DirectusSync.Core.Sync;
using DirectusSync.MSBuild.Diagnostics;

namespace DirectusSync.MSBuild.Running;

/// <summary>The core's deletion guard (the CLI's rule too), as one DSYNC0401 error per collection over the threshold.</summary>
internal static class DeletionDiagnostics
{
    /// <summary>The errors for a planned push; empty when the guard lets it through.</summary>
    public static IReadOnlyList<Diagnostic> Check(DiffResult diff) =>
        DeletionGuard.Check(diff)
            .Select(v => new Diagnostic(Messages.TooManyDeletes, v.Deletes.Count, v.Tracked, v.Collection))
            .ToList();
}
