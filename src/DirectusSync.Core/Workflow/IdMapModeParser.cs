using DirectusSync.Core.Model;
using DirectusSync.Core.Sync;

namespace DirectusSync.Core.Workflow;

/// <summary>
/// The one reading of an id-map mode written as text (<c>--id-maps</c>, <c>DirectusSyncIdMaps</c>, a config file's
/// <c>idMaps</c>): extension, derived or auto, case and surrounding blanks ignored, nothing meaning extension.
/// </summary>
public static class IdMapModeParser
{
    /// <summary>The accepted names, in the order help texts list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["extension", "derived", "auto"];

    /// <summary>Reads <paramref name="value"/>; false (and extension) when it is not a mode.</summary>
    public static bool TryParse(string? value, out IdMapMode mode)
    {
        mode = IdMapMode.Extension;
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "extension":
                return true;
            case "derived":
                mode = IdMapMode.Derived;
                return true;
            case "auto":
                mode = IdMapMode.Auto;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads <paramref name="value"/> given by <paramref name="option"/>.</summary>
    /// <exception cref="SyncOptionsException">It is not a mode; the message names the option and the valid names.</exception>
    public static IdMapMode Parse(string? value, string option) =>
        TryParse(value, out var mode)
            ? mode
            : throw new SyncOptionsException(option, $"{option}: '{value}' is not an id-map mode. Valid: {string.Join(", ", Names)}.");

    /// <summary>The name of <paramref name="mode"/> as written on a command line.</summary>
    public static string Name(IdMapMode mode) => mode.ToString().ToLowerInvariant();
}
