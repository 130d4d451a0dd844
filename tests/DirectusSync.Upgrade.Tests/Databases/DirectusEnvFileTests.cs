using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Tests.Support;

namespace DirectusSync.Upgrade.Tests.Databases;

/// <summary>A Directus .env file read for its database and licence.</summary>
public sealed class DirectusEnvFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_resolve_the_sqlite_file_against_the_env_folder_When_it_is_relative()
    {
        // Given
        var file = _folder.Write("cms/.env", "# Directus\nDB_CLIENT=sqlite3\nDB_FILENAME=./data/data.db\n");

        // When
        var database = DirectusEnvFile.Read(file).Database();

        // Then
        database.Should().Be(new SqliteDatabaseLocation(_folder.Combine("cms", "data", "data.db")));
    }

    [Fact]
    public void Should_read_the_postgres_connection_When_the_client_is_pg()
    {
        // Given
        var file = _folder.Write(".env", "DB_CLIENT=pg\nDB_HOST=db\nDB_PORT=5433\nDB_DATABASE='cms'\nexport DB_USER=directus\nDB_PASSWORD=\"s3cret\"\n");

        // When
        var database = DirectusEnvFile.Read(file).Database();

        // Then
        database.Should().Be(new PostgresDatabaseLocation("db", 5433, "cms", "directus", "s3cret"));
        database!.Describe().Should().NotContain("s3cret");
    }

    [Theory]
    [InlineData("DB_CLIENT=pg\nLICENSE_KEY=\n", false)]
    [InlineData("DB_CLIENT=pg\nLICENSE_TOKEN=abc\n", true)]
    public void Should_say_whether_a_licence_is_configured_When_reading_the_file(string text, bool licensed)
    {
        // Given
        var file = _folder.Write(".env", text);

        // When
        var env = DirectusEnvFile.Read(file);

        // Then
        env.HasLicence.Should().Be(licensed);
    }

    [Theory]
    [InlineData("DB_CLIENT=mysql\n", "mysql database (DirectusSync copies SQLite and PostgreSQL databases only)")]
    [InlineData("DB_CLIENT=mssql\n", "mssql database (DirectusSync copies SQLite and PostgreSQL databases only)")]
    [InlineData("DB_CLIENT=sqlite3\n", "SQLite database (DB_FILENAME is not set in *)")]
    [InlineData("PORT=8055\n", "unknown database (DB_CLIENT is not set in *)")]
    public void Should_name_why_the_database_cannot_be_copied_When_it_is_not_sqlite_or_postgres(string text, string description)
    {
        // Given
        var file = _folder.Write(".env", text);

        // When
        var database = DirectusEnvFile.Read(file).Database();

        // Then
        database.Should().BeOfType<UnsupportedDatabaseLocation>().Which.Describe().Should().Match(description);
    }

    [Fact]
    public void Should_read_the_connection_string_When_it_is_a_postgres_uri()
    {
        // Given
        var file = _folder.Write(".env", "DB_CLIENT=pg\nDB_HOST=ignored\nDB_CONNECTION_STRING=postgresql://cms_user:p%40ss@db.internal:6432/cms?sslmode=require\n");

        // When
        var database = DirectusEnvFile.Read(file).Database();

        // Then
        database.Should().Be(new PostgresDatabaseLocation("db.internal", 6432, "cms", "cms_user", "p@ss") { Ssl = new PostgresSsl("require") });
        database.Describe().Should().NotContain("p@ss");
    }

    [Fact]
    public void Should_read_the_connection_string_When_it_is_libpq_keywords()
    {
        // Given
        var file = _folder.Write(".env", "DB_CLIENT=postgres\nDB_CONNECTION_STRING=\"host=db port=5433 dbname=cms user=directus password='s3 cret'\"\n");

        // When
        var database = DirectusEnvFile.Read(file).Database();

        // Then
        database.Should().BeOfType<PostgresDatabaseLocation>().Which.Should().Match<PostgresDatabaseLocation>(l =>
            l.Host == "db" && l.Port == 5433 && l.Database == "cms" && l.User == "directus" && l.Password == "s3 cret");
    }

    [Fact]
    public void Should_verify_the_server_certificate_with_the_ca_file_When_db_ssl_is_set()
    {
        // Given
        var file = _folder.Write("cms/.env", "DB_CLIENT=pg\nDB_HOST=db\nDB_SSL__CA_FILE=./certs/ca.pem\nDB_PASSWORD_FILE=./secrets/db\n");
        _folder.Write("cms/secrets/db", "from-a-file\n");

        // When
        var database = (PostgresDatabaseLocation)DirectusEnvFile.Read(file).Database();

        // Then
        database.Ssl.Should().Be(new PostgresSsl("verify-full", _folder.Combine("cms", "certs", "ca.pem")));
        database.Password.Should().Be("from-a-file");
    }

    [Fact]
    public void Should_require_tls_without_verification_When_reject_unauthorized_is_false()
    {
        // Given
        var file = _folder.Write(".env", "DB_CLIENT=pg\nDB_SSL__REJECT_UNAUTHORIZED=false\n");

        // When
        var database = (PostgresDatabaseLocation)DirectusEnvFile.Read(file).Database();

        // Then
        database.Ssl!.Mode.Should().Be("require");
    }
}
