namespace DirectusSync.Core.Transport;

/// <summary>The server's Directus version is outside the compatibility matrix.</summary>
public sealed class UnsupportedDirectusVersionException(DirectusVersion version, string message) : Exception(message)
{
    /// <summary>The server's version.</summary>
    public DirectusVersion Version { get; } = version;
}
