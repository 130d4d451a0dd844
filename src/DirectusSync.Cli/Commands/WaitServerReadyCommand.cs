using System.CommandLine;
using DirectusSync.Cli.Running;
using DirectusSync.Core.Workflow;

namespace DirectusSync.Cli.Commands;

/// <summary><c>helpers wait-server-ready [--interval 5] [--timeout 90] [--successes 1]</c>: wait until Directus answers healthy.</summary>
internal static class WaitServerReadyCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CommandRunner runner)
    {
        var interval = Positive(new Option<double>("--interval") { Description = "seconds between checks (default \"5\")", HelpName = "interval", DefaultValueFactory = _ => 5 });
        var timeout = Positive(new Option<double>("--timeout") { Description = "timeout in seconds (default \"90\")", HelpName = "timeout", DefaultValueFactory = _ => 90 });
        var successes = new Option<int>("--successes") { Description = "number of consecutive successes required (default \"1\")", HelpName = "successes", DefaultValueFactory = _ => 1 };
        successes.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--successes must be 1 or more.");
            }
        });
        var command = new Command("wait-server-ready", "wait until the Directus server is ready (health endpoint)") { interval, timeout, successes };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, null,
            async (context, token) =>
            {
                var connection = context.Config.Connection;
                var seconds = parse.GetValue(interval);
                using var probe = new ReadinessProbe(
                    new ReadinessProbeOptions
                    {
                        BaseUrl = DirectusClientFactory.RequireUrl(connection),
                        Credentials = connection.Credentials,
                        RequestTimeout = TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 10)),
                    },
                    context.Log);
                var timeoutSeconds = parse.GetValue(timeout);
                if (!await probe.WaitAsync(TimeSpan.FromSeconds(timeoutSeconds), TimeSpan.FromSeconds(seconds), parse.GetValue(successes), token).ConfigureAwait(false))
                {
                    throw new TimeoutException(FormattableString.Invariant($"Timeout waiting for server to be ready after {timeoutSeconds}s"));
                }

                return ExitCodes.Success;
            }, cancellationToken));
        return command;
    }

    private static Option<double> Positive(Option<double> option)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() <= 0)
            {
                r.AddError($"{option.Name} must be more than 0 seconds.");
            }
        });
        return option;
    }
}
