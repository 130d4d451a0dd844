using System.Resources;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Workflow;
using DirectusSync.Core.Transport;
using DirectusSync.MSBuild.Configuration;
using DirectusSync.MSBuild.Diagnostics;
using DirectusSync.MSBuild.Logging;
using Microsoft.Build.Framework;

namespace DirectusSync.MSBuild.Tasks;

/// <summary>
/// What the pull, diff and push tasks share: the connection and the sync options as task parameters, their
/// validation, and the translation of failures into DSYNC codes. Each task adds its own parameters and runs
/// one engine call in <see cref="RunAsync"/>.
/// </summary>
public abstract class DirectusSyncTask : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private static readonly ResourceManager Strings = new("DirectusSync.MSBuild.Strings", typeof(DirectusSyncTask).Assembly);

    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>Creates the task with its message resources.</summary>
    protected DirectusSyncTask()
        : base(Strings)
    {
    }

    /// <summary>The instance's base URL (DirectusSyncUrl; DIRECTUS_URL by default). Checked by the task (DSYNC0001, DSYNC0003).</summary>
    public string? Url { get; set; }

    /// <summary>
    /// A static admin token (DirectusSyncToken). Empty by default: the token is then read from the environment
    /// variable <see cref="TokenVariable"/>, so it never becomes a task parameter, which MSBuild logs at
    /// diagnostic verbosity and in binary logs.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>The environment variable that holds the token (DirectusSyncTokenVariable; DIRECTUS_TOKEN).</summary>
    public string? TokenVariable { get; set; }

    /// <summary>An admin's e-mail, used when there is no token (DirectusSyncEmail; else DIRECTUS_ADMIN_EMAIL).</summary>
    public string? Email { get; set; }

    /// <summary>That admin's password (DirectusSyncPassword; else DIRECTUS_ADMIN_PASSWORD).</summary>
    public string? Password { get; set; }

    /// <summary>The dump folder (DirectusSyncDumpPath).</summary>
    [Required]
    public string DumpPath { get; set; } = string.Empty;

    /// <summary>The collections folder, relative to the dump (collections).</summary>
    public string? CollectionsPath { get; set; }

    /// <summary>The snapshot folder, relative to the dump (snapshot).</summary>
    public string? SnapshotPath { get; set; }

    /// <summary>Only these collections, separated by commas or semicolons (empty: all).</summary>
    public string? OnlyCollections { get; set; }

    /// <summary>Not these collections (empty: none).</summary>
    public string? ExcludeCollections { get; set; }

    /// <summary>Collections that keep their ids (pull and push), or all / *.</summary>
    public string? PreserveIds { get; set; }

    /// <summary>Where sync ids live: extension (default), derived (no server extension) or auto.</summary>
    public string? IdMaps { get; set; }

    /// <summary>False to leave the system collections out (true).</summary>
    public bool Collections { get; set; } = true;

    /// <summary>False to leave the schema out (true).</summary>
    public bool Snapshot { get; set; } = true;

    /// <summary>False for one snapshot.json (true).</summary>
    public bool Split { get; set; } = true;

    /// <summary>False to leave the roles attached to policies out (true).</summary>
    public bool SyncPolicyRoles { get; set; } = true;

    /// <summary>Sort the keys of written JSON (false).</summary>
    public bool SortJson { get; set; }

    /// <summary>Clear Directus' system cache first, always (false: only when the dump is of another Directus version).</summary>
    public bool ClearSystemCache { get; set; }

    /// <summary>Time-out of one request, in seconds (100).</summary>
    public int RequestTimeout { get; set; } = 100;

    /// <summary>Reads an environment variable; tests replace it.</summary>
    internal Func<string, string?> ReadEnvironment { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>Lets tests put a fake Directus behind the client.</summary>
    internal HttpMessageHandler? Handler { get; set; }

    private protected abstract SyncCommand Command { get; }

    /// <inheritdoc />
    public override bool Execute()
    {
        var bootstrap = new DiagnosticLogger(Log, new SecretRedactor());
        foreach (var dependency in LoadedDependencies.Describe())
        {
            bootstrap.Message(MessageImportance.Low, Messages.Loading, dependency);
        }

        var result = SettingsReader.Read(Inputs(), ReadEnvironment);
        if (!result.IsValid)
        {
            foreach (var error in result.Errors)
            {
                bootstrap.Report(error);
            }

            return false;
        }

        var settings = result.Settings!;
        var logger = new DiagnosticLogger(Log, new SecretRedactor(settings.Secrets));
        logger.Message(MessageImportance.Normal, Messages.Connecting, Command.ToString().ToLowerInvariant(), settings.Client.BaseUrl, settings.Client.Credentials, settings.Sync.DumpPath);
        try
        {
            using var client = new DirectusClient(settings.Client with { Handler = Handler });
            var engineLog = new MSBuildSyncLog(logger);
            if (TransportSecurity.InsecureUrlWarning(client.BaseUrl) is { } insecure)
            {
                engineLog.Warn("connection", insecure);
            }

            var engine = new DirectusSyncEngine(client, engineLog);
            // MSBuild calls Execute on a thread without a synchronisation context; Task.Run keeps it that way for the core.
            var diagnostics = System.Threading.Tasks.Task.Run(() => RunAsync(engine, settings, logger, _cancellation.Token)).GetAwaiter().GetResult();
            foreach (var diagnostic in diagnostics)
            {
                logger.Report(diagnostic);
            }
        }
        catch (Exception e)
        {
            foreach (var diagnostic in FailureClassifier.Classify(e, Command, settings.Client.BaseUrl, settings.Connection))
            {
                logger.Report(diagnostic);
            }

            logger.Text(MessageImportance.Low, e.ToString());
        }

        return !Log.HasLoggedErrors;
    }

    /// <inheritdoc />
    public void Cancel() => _cancellation.Cancel();

    /// <summary>Runs the command; returns the errors and warnings of its outcome (failures are thrown).</summary>
    private protected abstract Task<IReadOnlyList<Diagnostic>> RunAsync(
        DirectusSyncEngine engine, TaskSettings settings, DiagnosticLogger logger, CancellationToken cancellationToken);

    /// <summary>The task's parameters as inputs of <see cref="SettingsReader"/>; subclasses add theirs.</summary>
    private protected virtual SyncInputs Inputs() => new()
    {
        Url = Url,
        Token = Token,
        TokenVariable = TokenVariable,
        Email = Email,
        Password = Password,
        DumpPath = DumpPath,
        CollectionsPath = CollectionsPath,
        SnapshotPath = SnapshotPath,
        OnlyCollections = OnlyCollections,
        ExcludeCollections = ExcludeCollections,
        PreserveIds = PreserveIds,
        IdMaps = IdMaps,
        Collections = Collections,
        Snapshot = Snapshot,
        Split = Split,
        SyncPolicyRoles = SyncPolicyRoles,
        SortJson = SortJson,
        ClearSystemCache = ClearSystemCache,
        RequestTimeoutSeconds = RequestTimeout,
    };
}
