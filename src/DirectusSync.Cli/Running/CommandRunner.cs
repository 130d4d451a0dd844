using System.CommandLine;
using DirectusSync.Cli.Configuration;
using DirectusSync.Cli.Options;
using DirectusSync.Cli.Output;
using DirectusSync.Cli.Scripting;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cli.Running;

/// <summary>
/// Runs one command: resolves the options (defaults &lt; config file &lt; environment &lt; flags), binds the hooks,
/// calls the command, and turns any failure into a one-line message and exit code 1.
/// </summary>
internal sealed class CommandRunner(CliEnvironment environment, ConsoleOutput output, GlobalOptions global)
{
    /// <summary>Runs <paramref name="body"/>; <paramref name="sync"/> are the command's sync flags, if it has them.</summary>
    public async Task<int> RunAsync(
        ParseResult parse,
        SyncCommandOptions? sync,
        Func<CommandContext, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken,
        bool quiet = false)
    {
        var debug = parse.GetValue(global.Debug);
        var log = new ConsoleSyncLog(output, debug ? SyncLogLevel.Debug : quiet ? SyncLogLevel.Warning : SyncLogLevel.Info);
        RegisterSecrets(parse);
        ConnectionSettings? connection = null;
        try
        {
            var loaded = new ConfigFileLoader(environment, log, cancellationToken).Load(parse.GetValue(global.ConfigPath));
            RegisterSecrets(loaded);

            List<OptionLayer> layers = [OptionLayer.Defaults()];
            if (loaded is not null)
            {
                layers.Add(new OptionLayer(loaded.Path, loaded.Values));
            }

            layers.Add(OptionLayer.FromEnvironment(environment));
            layers.Add(FlagLayer.Build(parse, global, sync));
            var config = ConfigResolver.Resolve(layers);
            connection = config.Connection;
            debug = config.Debug;
            if (debug)
            {
                log.MinimumLevel = SyncLogLevel.Debug;
            }

            log.Debug("config", $"Directus: {connection}");
            var context = new CommandContext
            {
                Parse = parse,
                Environment = environment,
                Output = output,
                Log = log,
                Config = config,
                Hooks = HookBinder.Bind(config.Hooks, loaded?.Scripts),
            };
            var exitCode = await body(context, cancellationToken).ConfigureAwait(false);
            log.ClearProgress();
            if (!quiet && exitCode is ExitCodes.Success or ExitCodes.Drift)
            {
                log.Info(string.Empty, "✅  Done!");
            }

            return exitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.ClearProgress();
            log.Write(SyncLogLevel.Error, string.Empty, "Canceled.");
            return ExitCodes.Canceled;
        }
        catch (Exception e)
        {
            log.ClearProgress();
            ErrorReporter.Report(e, log, output, connection, debug);
            return ExitCodes.Error;
        }
    }

    /// <summary>Registers every token and password the command line and environment hold, before anything is printed.</summary>
    public void RegisterSecrets(ParseResult parse)
    {
        output.Redactor.Add(parse.GetValue(global.DirectusToken));
        output.Redactor.Add(parse.GetValue(global.DirectusPassword));
        output.Redactor.Add(environment.Get(ConnectionVariables.Token));
        output.Redactor.Add(environment.Get(ConnectionVariables.Password));
    }

    /// <summary>
    /// Registers the config file's secrets too, best effort and silently: for usage errors, which are reported
    /// without running the command but may echo any word of the command line.
    /// </summary>
    public void RegisterAllSecrets(ParseResult parse, CancellationToken cancellationToken)
    {
        RegisterSecrets(parse);
        try
        {
            RegisterSecrets(new ConfigFileLoader(environment, NullSyncLog.Instance, cancellationToken).Load(parse.GetValue(global.ConfigPath)));
        }
        catch (Exception e) when (e is ConfigFileException or IOException or UnauthorizedAccessException)
        {
            // The usage error is what gets reported; a broken config file is reported when the command runs.
        }
    }

    private void RegisterSecrets(LoadedConfig? loaded)
    {
        if (loaded is not null)
        {
            output.Redactor.Add(loaded.Values[ConfigKeys.DirectusToken]?.ToString());
            output.Redactor.Add(loaded.Values[ConfigKeys.DirectusPassword]?.ToString());
        }
    }
}
