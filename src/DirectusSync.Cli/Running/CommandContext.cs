using System.CommandLine;
using DirectusSync.Cli.Configuration;
using DirectusSync.Cli.Output;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;

namespace DirectusSync.Cli.Running;

/// <summary>What a command runs with: the resolved options, hooks, output and log.</summary>
internal sealed class CommandContext
{
    /// <summary>The parsed command line (for the command's own flags).</summary>
    public required ParseResult Parse { get; init; }

    /// <summary>Environment and working directory.</summary>
    public required CliEnvironment Environment { get; init; }

    /// <summary>stdout and stderr.</summary>
    public required ConsoleOutput Output { get; init; }

    /// <summary>The log (stderr).</summary>
    public required ConsoleSyncLog Log { get; init; }

    /// <summary>The merged options.</summary>
    public required ResolvedConfig Config { get; init; }

    /// <summary>The config file's hooks, bound to the engine.</summary>
    public required SyncHooks Hooks { get; init; }

    /// <summary>The sync options with the command's own settings, validated before anything is contacted.</summary>
    public SyncOptions SyncOptions(bool force, PushMode mode)
    {
        var options = Config.Sync with { Hooks = Hooks, Force = force, Mode = mode };
        options.SelectedCollections();
        options.PreservedCollections();
        return options;
    }

    /// <summary>A client for the configured server; warns first when tokens would cross a network in clear text.</summary>
    public DirectusClient CreateClient()
    {
        var client = DirectusClientFactory.Create(Config.Connection);
        if (TransportSecurity.InsecureUrlWarning(client.BaseUrl) is { } warning)
        {
            Log.Warn("connection", warning);
        }

        return client;
    }
}
