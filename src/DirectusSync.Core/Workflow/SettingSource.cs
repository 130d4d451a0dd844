namespace DirectusSync.Core.Workflow;

/// <summary>Where a setting's value came from; higher sources win (see <see cref="ConnectionSettingsResolver"/>).</summary>
public enum SettingSource
{
    /// <summary>A built-in default.</summary>
    Default,

    /// <summary>A key of a config file (the CLI's <c>directus-sync.config.*</c>).</summary>
    ConfigFile,

    /// <summary>A variable of a <c>.env</c> file, which never overrides a variable already set (dotenv's rule).</summary>
    DotEnvFile,

    /// <summary>A variable of the process environment.</summary>
    Environment,

    /// <summary>Given explicitly: a command-line flag, an MSBuild property or a Cake setting.</summary>
    Explicit,
}
