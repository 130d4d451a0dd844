namespace DirectusSync.Cli;

/// <summary>The process exit codes, named; documented in <c>--help</c> and the README.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked (a plain diff that found differences included).</summary>
    public const int Success = 0;

    /// <summary>Anything went wrong: bad flags or files, an API error, an unsupported Directus, a stopped push.</summary>
    public const int Error = 1;

    /// <summary><c>diff --exit-code</c> found something a push would change.</summary>
    public const int Drift = 2;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Canceled = 130;

    /// <summary>The table printed by <c>--help</c>.</summary>
    public static string HelpText =>
        $"""
        Exit codes:
          {Success,-3} Success   the command completed (a diff with differences too, unless --exit-code)
          {Error,-3} Error     invalid input, API or version error, or a push stopped by the deletion guard
          {Drift,-3} Drift     diff --exit-code: a push would change something
          {Canceled,-3} Canceled  interrupted (Ctrl+C)
        """;
}
