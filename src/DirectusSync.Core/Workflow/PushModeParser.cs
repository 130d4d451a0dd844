using DirectusSync.Core.Sync;

namespace DirectusSync.Core.Workflow;

/// <summary>
/// The one reading of a push mode written as text (<c>--mode</c>, <c>DirectusSyncMode</c>, a config file): mirror,
/// merge or add, case and surrounding blanks ignored, nothing (empty) meaning mirror.
/// </summary>
public static class PushModeParser
{
    /// <summary>The accepted names, in the order help texts list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["add", "merge", "mirror"];

    /// <summary>Reads <paramref name="value"/>; false (and mirror) when it is not a mode.</summary>
    public static bool TryParse(string? value, out PushMode mode)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "mirror":
                mode = PushMode.Mirror;
                return true;
            case "merge":
                mode = PushMode.Merge;
                return true;
            case "add":
                mode = PushMode.Add;
                return true;
            default:
                mode = PushMode.Mirror;
                return false;
        }
    }

    /// <summary>Reads <paramref name="value"/> given by <paramref name="option"/>.</summary>
    /// <exception cref="SyncOptionsException">It is not a mode; the message names the option and the valid names.</exception>
    public static PushMode Parse(string? value, string option) =>
        TryParse(value, out var mode)
            ? mode
            : throw new SyncOptionsException(option, $"{option}: '{value}' is not a push mode. Valid: {string.Join(", ", Names)}.");

    /// <summary>The name of <paramref name="mode"/> as written on a command line.</summary>
    public static string Name(PushMode mode) => mode.ToString().ToLowerInvariant();
}
