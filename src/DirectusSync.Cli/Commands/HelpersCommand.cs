using System.CommandLine;
using DirectusSync.Cli.Running;

namespace DirectusSync.Cli.Commands;

/// <summary><c>helpers</c>: the reference's helper utilities.</summary>
internal static class HelpersCommand
{
    /// <summary>The command group.</summary>
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("helpers", "a set of helper utilities");
        command.Subcommands.Add(UntrackCommand.Create(runner));
        command.Subcommands.Add(RemovePermissionDuplicatesCommand.Create(runner));
        command.Subcommands.Add(WaitServerReadyCommand.Create(runner));
        return command;
    }
}
