using Cake.Core;
using Cake.Core.Annotations;
using DirectusSync.Cake.Hosting;
using DirectusSync.Upgrade.Connection;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cake;

/// <summary>
/// DirectusSync in Cake: pull, diff and push a Directus instance's configuration, back it up and
/// restore it, wait until it answers, read its version, and upgrade it through gated steps. Everything
/// runs in-process on DirectusSync.Core (no CLI, no Node).
/// </summary>
[CakeAliasCategory("DirectusSync")]
[CakeNamespaceImport("DirectusSync.Cake.Settings")]
[CakeNamespaceImport("DirectusSync.Upgrade.Upgrade")]
[CakeNamespaceImport("DirectusSync.Upgrade.Providers")]
[CakeNamespaceImport("DirectusSync.Upgrade.Backups")]
[CakeNamespaceImport("DirectusSync.Upgrade.Databases")]
[CakeNamespaceImport("DirectusSync.Core.Sync")]
[CakeNamespaceImport("DirectusSync.Core.Transport")]
[CakeNamespaceImport("DirectusSync.Core.Workflow")]
public static partial class DirectusSyncAliases
{
    // No credentials in use (an anonymous ping): nothing of ours to mask; names are still escaped.
    private static ISyncLog Log(ICakeContext context) => new CakeSyncLog(context.Log);

    // The secrets in use are masked in every line, as a last line of defence (a server error echoing a header).
    private static ISyncLog Log(ICakeContext context, DirectusConnection connection) =>
        new CakeSyncLog(context.Log, new SecretRedactor([connection.Credentials.Token, connection.Credentials.Password]));

    private static TSettings Configure<TSettings>(Action<TSettings> configure)
        where TSettings : new()
    {
        ArgumentNullException.ThrowIfNull(configure);
        var settings = new TSettings();
        configure(settings);
        return settings;
    }

    // A refusal of the deletion guard is a Cake failure naming the alias (nothing was written).
    private static async Task<T> Guarded<T>(string alias, Task<T> task)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (DeletionRefusedException e)
        {
            throw new CakeException($"{alias}: {e.Message} (Cake: WithAllowSchemaDeletes(), WithAllowDeletes())");
        }
    }

    // Cake aliases are synchronous; the core is asynchronous all the way down. A known failure becomes a
    // CakeException with the core's category; an unforeseen one (a bug) is left as it is, stack trace and all.
    private static T Wait<T>(Task<T> task)
    {
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not CakeException && SyncFailureClassifier.Classify(e) is { IsExpected: true } failure)
        {
            throw CakeFailure.From(failure);
        }
    }
}
