namespace DirectusSync.Upgrade.Databases;

/// <summary>A PostgreSQL database reachable from this machine (pg_dump, pg_restore and psql on PATH).</summary>
/// <param name="Host">Host name.</param>
/// <param name="Port">Port.</param>
/// <param name="Database">Database name.</param>
/// <param name="User">User.</param>
/// <param name="Password">Password, passed to the tools through PGPASSWORD only.</param>
public sealed record PostgresDatabaseLocation(string Host, int Port, string Database, string User, string? Password) : DatabaseLocation
{
    /// <summary>How the tools talk TLS to the server (none: libpq's default, <c>prefer</c>).</summary>
    public PostgresSsl? Ssl { get; init; }

    /// <summary>The database the tools connect to for CREATE/ALTER/DROP DATABASE (postgres).</summary>
    public string MaintenanceDatabase { get; init; } = "postgres";

    /// <inheritdoc />
    public override string Describe() => $"PostgreSQL {Database} on {Host}:{Port} as {User}{(Ssl is null ? string.Empty : $" (sslmode={Ssl.Mode})")}";

    /// <inheritdoc />
    public override string ToString() => Describe();
}
