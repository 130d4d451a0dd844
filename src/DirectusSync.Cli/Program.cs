using DirectusSync.Cli;
using DirectusSync.Cli.Configuration;
using DirectusSync.Cli.Output;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels cleanly (exit 130); a second one ends the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

var environment = CliEnvironment.FromProcess();
var output = ConsoleOutput.FromConsole(environment.Get);
return await new CliApplication(environment, output).RunAsync(args, cancellation.Token);
