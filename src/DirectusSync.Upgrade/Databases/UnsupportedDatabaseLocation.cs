namespace DirectusSync.Upgrade.Databases;

/// <summary>
/// A database DirectusSync cannot copy and restore itself (MySQL, MariaDB, MS SQL, Oracle, CockroachDB, or a
/// SQLite/PostgreSQL configuration it cannot read): the upgrade refuses to stop Directus without an
/// explicit consent to go on without a database copy.
/// </summary>
/// <param name="Client">DB_CLIENT as the env file says it (or "unknown").</param>
/// <param name="Reason">Why it is out of reach.</param>
public sealed record UnsupportedDatabaseLocation(string Client, string Reason) : DatabaseLocation
{
    /// <inheritdoc />
    public override string Describe() => $"{Client} database ({Reason})";
}
