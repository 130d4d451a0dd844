using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;
using DirectusSync.Cake.Hosting;

namespace DirectusSync.Cake;

/// <content>DirectusSyncPublishSummary.</content>
public static partial class DirectusSyncAliases
{
    /// <summary>
    /// Publishes a Markdown report (the upgrade's report, a drift report) as the CI job's summary: GitHub
    /// Actions' job summary or Azure Pipelines' run summary; nothing outside CI. The upgrade's risks (no
    /// database copy, accepted losses) are rows of its report, so they show on the run's page.
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="report">The Markdown file.</param>
    /// <returns>Where it was published, or null.</returns>
    /// <example>
    /// <code>
    /// <![CDATA[
    /// DirectusSyncPublishSummary("artifacts/upgrade/upgrade-report.md");
    /// ]]>
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Upgrade")]
    public static string? DirectusSyncPublishSummary(this ICakeContext context, FilePath report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        return CiJobSummary.Publish(report.MakeAbsolute(context.Environment).FullPath, context.Environment.GetEnvironmentVariable);
    }
}
