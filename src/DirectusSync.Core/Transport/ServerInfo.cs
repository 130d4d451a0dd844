namespace DirectusSync.Core.Transport;

/// <summary>What <c>GET /server/info</c> tells an admin about the instance.</summary>
/// <param name="Version">The Directus version, e.g. 11.17.4.</param>
/// <param name="ProjectName">The project name from the settings.</param>
public sealed record ServerInfo(DirectusVersion Version, string? ProjectName);
