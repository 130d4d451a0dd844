namespace DirectusSync.Upgrade.Providers;

/// <summary>
/// The user's own shell commands for each step. <c>{version}</c> stands for the version the step works
/// with (the target, or the old version during a rollback), <c>{previous}</c> for the version before the
/// upgrade. A step without a command is skipped.
/// </summary>
public sealed record CommandsProviderOptions
{
    /// <summary>Stops Directus.</summary>
    public string? Stop { get; init; }

    /// <summary>Points the installation at {version}.</summary>
    public string? Bump { get; init; }

    /// <summary>Installs {version}.</summary>
    public string? Install { get; init; }

    /// <summary>Migrates the database with {version}.</summary>
    public string? Migrate { get; init; }

    /// <summary>Starts Directus {version} in the background.</summary>
    public string? Start { get; init; }

    /// <summary>Puts {version} (the old one) back; by default Bump then Install with the old version.</summary>
    public string? Revert { get; init; }

    /// <summary>Prints the installed version, if the installation can tell.</summary>
    public string? InstalledVersion { get; init; }

    /// <summary>Where the commands run (the current folder when null).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables for the commands.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>How long one command may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);
}
