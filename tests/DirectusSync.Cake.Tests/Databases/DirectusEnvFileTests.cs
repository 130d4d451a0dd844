using DirectusSync.Cake.Databases;
using DirectusSync.Cake.Tests.Support;

namespace DirectusSync.Cake.Tests.Databases;

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
    [InlineData("DB_CLIENT=mysql\n", false)]
    [InlineData("LICENSE_KEY=\n", false)]
    [InlineData("LICENSE_TOKEN=abc\n", true)]
    public void Should_say_what_it_knows_When_the_database_or_licence_varies(string text, bool licensed)
    {
        // Given
        var file = _folder.Write(".env", text);

        // When
        var env = DirectusEnvFile.Read(file);

        // Then
        env.HasLicence.Should().Be(licensed);
        env.Database().Should().BeNull();
    }
}
