using System.Diagnostics;
using System.Text;
using DirectusSync.Core.Logging;

namespace DirectusSync.Upgrade.Processes;

/// <summary>Runs commands as child processes; every output line also goes to the log at debug level.</summary>
public sealed class ProcessCommandRunner(ISyncLog? log = null) : ICommandRunner
{
    private readonly ISyncLog _log = log ?? NullSyncLog.Instance;

    /// <inheritdoc />
    public async Task<CommandResult> RunAsync(CommandLine command, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(Resolve(command))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = command.WorkingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in command.Environment)
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        var scope = Path.GetFileName(command.FileName);
        void Collect(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            _log.Debug(scope, e.Data);
        }

        _log.Debug(scope, $"> {command}");
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new CommandResult(127, $"{command.FileName} could not be started: {e.Message}");
        }

        // No one types into these commands: a prompt must fail, not wait.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(command.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            lock (output)
            {
                output.AppendLine($"killed after {command.Timeout.TotalMinutes:0.#} min");
            }

            return new CommandResult(124, output.ToString());
        }

        // WaitForExitAsync returns once the output streams are drained.
        lock (output)
        {
            return new CommandResult(process.ExitCode, output.ToString());
        }
    }

    /// <summary>
    /// A bare program name looked up in the command's own PATH when it sets one: .NET looks in this
    /// process's PATH, so "node" with PATH=&lt;node 22&gt;/bin:… would otherwise start the machine's node.
    /// </summary>
    private static string Resolve(CommandLine command)
    {
        if (command.FileName.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || !command.Environment.TryGetValue("PATH", out var path))
        {
            return command.FileName;
        }

        var extensions = OperatingSystem.IsWindows() ? new[] { ".exe", ".cmd", ".bat", string.Empty } : [string.Empty];
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => extensions.Select(extension => Path.Combine(directory, command.FileName + extension)))
            .FirstOrDefault(File.Exists) ?? command.FileName;
    }
}
