using DirectusSync.Core.Workflow;
using DirectusSync.MSBuild.Diagnostics;

namespace DirectusSync.MSBuild.Running;

/// <summary>
/// The core's deletion guard verdict (the rule of every front end) as MSBuild diagnostics: DSYNC0402 per collection,
/// field or relation that would be dropped, DSYNC0401 per item refusal.
/// </summary>
internal static class DeletionDiagnostics
{
    /// <summary>The errors of a refused push.</summary>
    public static IReadOnlyList<Diagnostic> Of(DeletionRefusedException refused) => Of(refused.Verdict, refused.Pass, isWarning: false);

    /// <summary>What a dry run reports: the same texts, as warnings, for the first pass.</summary>
    public static IReadOnlyList<Diagnostic> WouldStop(DeletionGuardVerdict verdict) => Of(verdict, 1, isWarning: true);

    private static List<Diagnostic> Of(DeletionGuardVerdict verdict, int pass, bool isWarning)
    {
        var written = pass == 1 ? "; nothing was written" : " (earlier passes wrote only what the guard allowed)";
        return
        [
            .. verdict.Schema.Select(s => new Diagnostic(Messages.SchemaDeletes, pass, written, s.Describe()) { IsWarning = isWarning }),
            .. verdict.Items.Select(i => new Diagnostic(Messages.TooManyDeletes, pass, written,
                i.Collection is null ? i.Reason : $"{i.Reason} in {i.Collection}") { IsWarning = isWarning }),
        ];
    }
}
