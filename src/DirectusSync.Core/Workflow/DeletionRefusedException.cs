namespace DirectusSync.Core.Workflow;

/// <summary>
/// A push stopped by the <see cref="DeletionGuard"/> before the pass that would delete without consent. Front ends
/// map it to their form (CLI exit code 1, MSBuild DSYNC0401/DSYNC0402, a Cake exception); the message names
/// what would be deleted and the flags that consent to it.
/// </summary>
public sealed class DeletionRefusedException : Exception, ICategorizedFailure
{
    /// <summary>Creates the exception for <paramref name="verdict"/>, met before pass <paramref name="pass"/>.</summary>
    public DeletionRefusedException(DeletionGuardVerdict verdict, int pass)
        : base(Compose(verdict, pass))
    {
        Verdict = verdict;
        Pass = pass;
    }

    /// <inheritdoc />
    public FailureCategory Category => FailureCategory.GuardRefusal;

    /// <summary>What was stopped.</summary>
    public DeletionGuardVerdict Verdict { get; }

    /// <summary>The pass that was not run (1: nothing was written at all).</summary>
    public int Pass { get; }

    /// <summary>True when nothing was written (the first pass was refused).</summary>
    public bool NothingWritten => Pass == 1;

    private static string Compose(DeletionGuardVerdict verdict, int pass)
    {
        var consent = new List<string>();
        if (verdict.Schema.Count > 0)
        {
            consent.Add("--allow-schema-deletes to drop these collections, fields and relations");
        }

        if (verdict.Items.Count > 0)
        {
            consent.Add("--allow-deletes to delete these items");
        }

        return (pass == 1
                   ? "Push stopped, nothing was written: it would delete without consent:\n"
                   : $"Push stopped before pass {pass} (earlier passes wrote only what the guard allowed): it would delete without consent:\n")
               + string.Join('\n', verdict.Describe().Select(l => "  - " + l))
               + $"\nCheck the dump (a missing or emptied file, a snapshot without a collection, deletes it), or consent: {string.Join("; ", consent)}.";
    }
}
