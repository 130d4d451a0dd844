using System.CommandLine;
using DirectusSync.Cli.Output;

namespace DirectusSync.Cli.Commands;

/// <summary>
/// <c>seed push</c> / <c>seed diff</c>: registered with the reference's options so that a pipeline gets a clear
/// "not available yet" error (exit 1) rather than a usage error; the seed feature is not built yet.
/// </summary>
internal static class SeedCommand
{
    /// <summary>The command group.</summary>
    public static Command Create(ConsoleOutput output)
    {
        var command = new Command("seed", "seed the custom collections with data (not available yet in DirectusSync)");
        command.Subcommands.Add(Unavailable(output, "push", "push the seed data", withRetries: true));
        command.Subcommands.Add(Unavailable(output, "diff", "describe the seed data diff", withRetries: false));
        return command;
    }

    private static Command Unavailable(ConsoleOutput output, string name, string description, bool withRetries)
    {
        var command = new Command(name, $"{description} (not available yet)")
        {
            new Option<string[]>("--seed-path") { Description = "the base path(s) for the seed (default \"./directus-config/seed\")", AllowMultipleArgumentsPerToken = true },
        };
        if (withRetries)
        {
            command.Options.Add(new Option<int>("--max-push-retries") { Description = "the number of retries for the push operation (default \"20\")" });
        }

        command.SetAction(_ =>
        {
            output.Err(Ansi.Paint($"error: 'seed {name}' is not available yet in DirectusSync; use the npm directus-sync for seeds until it is.", output.Colors, Ansi.Red));
            return ExitCodes.Error;
        });
        return command;
    }
}
