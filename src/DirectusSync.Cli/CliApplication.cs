using System.CommandLine;
using System.CommandLine.Invocation;
using DirectusSync.Cli.Commands;
using DirectusSync.Cli.Configuration;
using DirectusSync.Cli.Options;
using DirectusSync.Cli.Output;
using DirectusSync.Cli.Running;

namespace DirectusSync.Cli;

/// <summary>The command tree of <c>directus-sync</c> and its invocation: parse, report usage errors, run.</summary>
internal sealed class CliApplication
{
    private readonly ConsoleOutput _output;
    private readonly GlobalOptions _global = new();
    private readonly CommandRunner _runner;
    private readonly Command _root;

    /// <summary>Builds the command tree.</summary>
    public CliApplication(CliEnvironment environment, ConsoleOutput output)
    {
        _output = output;
        _runner = new CommandRunner(environment, output, _global);
        _root = BuildRoot();
    }

    /// <summary>The command tree (the CI template tests check the templates' options against it).</summary>
    internal Command Root => _root;

    /// <summary>Runs the command line and returns the exit code.</summary>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length == 0)
        {
            // As commander does: no command shows the help, and fails.
            await _root.Parse(["--help"]).InvokeAsync(Invocation(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Error;
        }

        var parse = _root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction or null)
        {
            _runner.RegisterAllSecrets(parse, cancellationToken);
            foreach (var error in parse.Errors)
            {
                _output.Err(Ansi.Paint($"error: {error.Message}", _output.Colors, Ansi.Red));
            }

            var command = string.Join(' ', parse.CommandResult.Command.Name == _root.Name ? [] : Path(parse.CommandResult));
            _output.Err($"Run 'directus-sync {(command.Length == 0 ? string.Empty : command + " ")}--help' for usage.");
            return ExitCodes.Error;
        }

        return await parse.InvokeAsync(Invocation(), cancellationToken).ConfigureAwait(false);
    }

    private InvocationConfiguration Invocation() => new()
    {
        Output = _output.StdOut,
        Error = _output.StdErr,
        EnableDefaultExceptionHandler = false,
        // Ctrl+C cancels the token the commands get (Program wires it); no forced termination.
        ProcessTerminationTimeout = null,
    };

    private Command BuildRoot()
    {
        // A plain command, not RootCommand, so that help says "directus-sync", not the assembly's name.
        var root = new Command("directus-sync",
            "directus-sync for .NET: keep a Directus instance's configuration (schema, roles, policies, permissions, flows, dashboards, …) in files, "
            + "and pull, diff and push it. Compatible with the npm directus-sync (same commands, options, config files and dump).\n\n"
            + "Human output (log, progress, diff) goes to stderr; stdout carries only --version, --help and --format json documents.\n\n"
            + ExitCodes.HelpText);
        root.Options.Add(new System.CommandLine.Help.HelpOption());
        _global.Version.Action = new VersionAction(_runner, _output);
        root.Options.Add(_global.Version);
        foreach (var option in _global.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(PullCommand.Create(_runner));
        root.Subcommands.Add(DiffCommand.Create(_runner));
        root.Subcommands.Add(PushCommand.Create(_runner));
        root.Subcommands.Add(SeedCommand.Create(_runner));
        root.Subcommands.Add(HelpersCommand.Create(_runner));
        root.Subcommands.Add(HelpCommand(root));
        return root;
    }

    /// <summary>Commander's <c>help [command]</c>: the help of the named command.</summary>
    private Command HelpCommand(Command root)
    {
        var names = new Argument<string[]>("command") { Arity = ArgumentArity.ZeroOrMore, Description = "the command to describe" };
        var command = new Command("help", "display help for command") { names };
        command.SetAction((parse, cancellationToken) =>
            root.Parse([.. parse.GetValue(names) ?? [], "--help"]).InvokeAsync(Invocation(), cancellationToken));
        return command;
    }

    private static IEnumerable<string> Path(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new Stack<string>();
        for (var current = result; current is not null && current.Parent is not null; current = current.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(current.Command.Name);
        }

        return names;
    }
}
