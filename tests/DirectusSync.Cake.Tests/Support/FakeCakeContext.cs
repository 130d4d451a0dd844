using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using NSubstitute;

namespace DirectusSync.Cake.Tests.Support;

/// <summary>
/// A substituted <see cref="ICakeContext"/>: a working directory, environment variables and arguments
/// from dictionaries, and a log that records what the aliases write.
/// </summary>
public sealed class FakeCakeContext
{
    /// <summary>Creates it with <paramref name="workingDirectory"/> as Cake's working directory.</summary>
    public FakeCakeContext(string workingDirectory)
    {
        var environment = Substitute.For<ICakeEnvironment>();
        environment.WorkingDirectory.Returns(new DirectoryPath(workingDirectory));
        environment.GetEnvironmentVariable(Arg.Any<string>()).Returns(call => Variables.GetValueOrDefault(call.Arg<string>()));

        var arguments = Substitute.For<ICakeArguments>();
        arguments.HasArgument(Arg.Any<string>()).Returns(call => Arguments.ContainsKey(call.Arg<string>()));
        arguments.GetArguments(Arg.Any<string>()).Returns(call =>
            Arguments.TryGetValue(call.Arg<string>(), out var value) ? new List<string> { value } : new List<string>());

        var log = Substitute.For<ICakeLog>();
        log.Verbosity.Returns(Verbosity.Diagnostic);
        log.When(l => l.Write(Arg.Any<Verbosity>(), Arg.Any<LogLevel>(), Arg.Any<string>(), Arg.Any<object[]>()))
            .Do(call => Lines.Add((call.ArgAt<LogLevel>(1), string.Format(System.Globalization.CultureInfo.InvariantCulture, call.ArgAt<string>(2), call.ArgAt<object[]>(3)))));

        Context = Substitute.For<ICakeContext>();
        Context.Environment.Returns(environment);
        Context.Arguments.Returns(arguments);
        Context.Log.Returns(log);
    }

    /// <summary>The substituted context.</summary>
    public ICakeContext Context { get; }

    /// <summary>Environment variables the context answers with.</summary>
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>Command-line arguments (name without dashes → value; "" for a flag).</summary>
    public Dictionary<string, string> Arguments { get; } = new(StringComparer.Ordinal);

    /// <summary>What was written to the log.</summary>
    public List<(LogLevel Level, string Text)> Lines { get; } = [];
}
