using DirectusSync.Cli.Configuration;

namespace DirectusSync.Cli.Tests.Support;

/// <summary>Builds a <see cref="CliEnvironment"/> without the process's variables.</summary>
internal static class TestEnvironment
{
    public static CliEnvironment In(string directory, params (string Name, string Value)[] variables) =>
        new(directory, variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));
}
