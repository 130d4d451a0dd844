namespace DirectusSync.Upgrade.Providers;

/// <summary>A Directus run by docker compose from the official image.</summary>
public sealed record DockerComposeProviderOptions
{
    /// <summary>The compose file (docker-compose.yml).</summary>
    public required string ComposeFile { get; init; }

    /// <summary>The Directus service's name in it (directus).</summary>
    public string Service { get; init; } = "directus";

    /// <summary>The image whose tag is bumped (directus/directus).</summary>
    public string Image { get; init; } = "directus/directus";

    /// <summary>The docker program (docker); compose runs as <c>docker compose</c>.</summary>
    public string DockerCommand { get; init; } = "docker";

    /// <summary>Variables for docker.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
