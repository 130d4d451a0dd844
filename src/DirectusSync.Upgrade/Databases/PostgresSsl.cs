namespace DirectusSync.Upgrade.Databases;

/// <summary>
/// TLS settings for pg_dump, pg_restore and psql, given to them as libpq environment variables
/// (PGSSLMODE, PGSSLROOTCERT, PGSSLCERT, PGSSLKEY), never on a command line.
/// </summary>
/// <param name="Mode">libpq's sslmode: disable, require, verify-ca or verify-full.</param>
/// <param name="RootCertificateFile">The CA certificate file the server's certificate is checked against.</param>
/// <param name="CertificateFile">The client certificate file.</param>
/// <param name="KeyFile">The client key file.</param>
public sealed record PostgresSsl(string Mode, string? RootCertificateFile = null, string? CertificateFile = null, string? KeyFile = null)
{
    /// <summary>The libpq variables.</summary>
    public IReadOnlyDictionary<string, string> Environment()
    {
        var variables = new Dictionary<string, string> { ["PGSSLMODE"] = Mode };
        if (RootCertificateFile is not null)
        {
            variables["PGSSLROOTCERT"] = RootCertificateFile;
        }

        if (CertificateFile is not null)
        {
            variables["PGSSLCERT"] = CertificateFile;
        }

        if (KeyFile is not null)
        {
            variables["PGSSLKEY"] = KeyFile;
        }

        return variables;
    }
}
