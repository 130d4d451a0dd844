using System.CommandLine;
using System.CommandLine.Invocation;
using DirectusSync.Cli.Output;
using DirectusSync.Cli.Running;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cli.Commands;

/// <summary>
/// <c>--version</c>: the tool's version and the compatibility matrix on stdout; with a server configured (URL and
/// credentials from flags, environment, .env or config file) also whether that server's version is supported.
/// Without a server it contacts nothing and loads no JavaScript engine (unless the config file is JavaScript).
/// </summary>
internal sealed class VersionAction(CommandRunner runner, ConsoleOutput output) : AsynchronousCommandLineAction
{
    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
    {
        output.Out(ToolVersion.Current);
        output.Out($"Supported Directus versions: {SupportedDirectusVersions.Description}");
        return runner.RunAsync(parseResult, null, CheckServerAsync, cancellationToken, quiet: true);
    }

    private async Task<int> CheckServerAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var connection = context.Config.Connection;
        if (!connection.IsComplete)
        {
            return ExitCodes.Success;
        }

        using var client = DirectusClientFactory.Create(connection, TimeSpan.FromSeconds(10), transientRetries: 0);
        ServerInfo info;
        try
        {
            info = await new DirectusServer(client).GetInfoAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DirectusApiException e)
        {
            output.Out($"Server {client.BaseUrl}: not checked ({SyncFailureClassifier.Classify(e, connection).Describe()})");
            return ExitCodes.Error;
        }

        var supported = SupportedDirectusVersions.IsSupported(info.Version);
        output.Out($"Server {client.BaseUrl}: Directus {info.Version} ({(supported ? "supported" : "not supported")})");
        return supported ? ExitCodes.Success : ExitCodes.Error;
    }
}
