namespace DirectusSync.Cake.Hosting;

/// <summary>
/// Puts a Markdown report on the CI run's page, where reviewers look first: appended to the file named by
/// <c>GITHUB_STEP_SUMMARY</c> on GitHub Actions, attached with <c>##vso[task.uploadsummary]</c> on Azure
/// Pipelines (<c>TF_BUILD</c>). Outside CI nothing is done. The report must already be escaped for CI (the
/// upgrade report is: no line of it is a workflow command).
/// </summary>
public static class CiJobSummary
{
    /// <summary>Publishes <paramref name="reportPath"/>; returns where it went, or null outside CI or when there is no report.</summary>
    /// <param name="reportPath">The Markdown file.</param>
    /// <param name="environment">Reads an environment variable (the process' by default).</param>
    /// <param name="console">Receives the Azure Pipelines logging command (stdout by default).</param>
    public static string? Publish(string reportPath, Func<string, string?>? environment = null, TextWriter? console = null)
    {
        ArgumentNullException.ThrowIfNull(reportPath);
        environment ??= Environment.GetEnvironmentVariable;
        if (!File.Exists(reportPath))
        {
            return null;
        }

        if (environment("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            File.AppendAllText(summary, File.ReadAllText(reportPath) + Environment.NewLine);
            return "the GitHub Actions job summary";
        }

        if (string.Equals(environment("TF_BUILD"), "True", StringComparison.OrdinalIgnoreCase))
        {
            // The path is ours, but a path with a newline or ']' would end the command early: refuse it.
            var path = Path.GetFullPath(reportPath);
            if (path.IndexOfAny(['\r', '\n', ']', ';']) >= 0)
            {
                return null;
            }

            (console ?? Console.Out).WriteLine($"##vso[task.uploadsummary]{path}");
            return "the Azure Pipelines run summary";
        }

        return null;
    }
}
