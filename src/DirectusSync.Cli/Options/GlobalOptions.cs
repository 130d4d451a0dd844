using System.CommandLine;

namespace DirectusSync.Cli.Options;

/// <summary>
/// The reference's program-level options. They are recursive, so they are accepted before or after the
/// subcommand (<c>directus-sync -d pull</c> and <c>directus-sync pull -d</c>).
/// </summary>
internal sealed class GlobalOptions
{
    /// <summary>-d, --debug.</summary>
    public Option<bool> Debug { get; } = new("--debug", "-d") { Description = "display more logging (default \"false\")", Recursive = true };

    /// <summary>--sort-json.</summary>
    public Option<bool> SortJson { get; } = new("--sort-json") { Description = "sort JSON keys when saving files (default \"false\")", Recursive = true };

    /// <summary>-u, --directus-url.</summary>
    public Option<string> DirectusUrl { get; } = new("--directus-url", "-u") { Description = "Directus URL (env: DIRECTUS_URL)", HelpName = "directusUrl", Recursive = true };

    /// <summary>-t, --directus-token.</summary>
    public Option<string> DirectusToken { get; } = new("--directus-token", "-t") { Description = "Directus access token (env: DIRECTUS_TOKEN)", HelpName = "directusToken", Recursive = true };

    /// <summary>-e, --directus-email.</summary>
    public Option<string> DirectusEmail { get; } = new("--directus-email", "-e") { Description = "Directus user email (env: DIRECTUS_ADMIN_EMAIL)", HelpName = "directusEmail", Recursive = true };

    /// <summary>-p, --directus-password.</summary>
    public Option<string> DirectusPassword { get; } = new("--directus-password", "-p") { Description = "Directus user password (env: DIRECTUS_ADMIN_PASSWORD)", HelpName = "directusPassword", Recursive = true };

    /// <summary>-c, --config-path.</summary>
    public Option<string> ConfigPath { get; } = new("--config-path", "-c")
    {
        Description = "the path to the config file. Required for extended options (default paths: ./directus-sync.config.js, ./directus-sync.config.cjs, ./directus-sync.config.json)",
        HelpName = "configPath",
        Recursive = true,
    };

    /// <summary>-V, --version (handled by <see cref="Commands.VersionAction"/>).</summary>
    public Option<bool> Version { get; } = new("--version", "-V") { Description = "output the version number and the supported Directus versions (and, with a server configured, whether it is supported)" };

    /// <summary>All of them, in help order.</summary>
    public IEnumerable<Option> All => [Debug, SortJson, DirectusUrl, DirectusToken, DirectusEmail, DirectusPassword, ConfigPath];
}
