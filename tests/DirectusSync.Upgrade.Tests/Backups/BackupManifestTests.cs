using DirectusSync.Upgrade.Backups;
using DirectusSync.Upgrade.Tests.Support;

namespace DirectusSync.Upgrade.Tests.Backups;

/// <summary>backup.json and VERSION of a backup folder.</summary>
public sealed class BackupManifestTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_read_back_what_was_written_When_a_backup_is_recorded()
    {
        // Given
        var manifest = new BackupManifest
        {
            Directory = _folder.Path,
            DirectusVersion = "11.17.4",
            DirectusSyncVersion = "0.1.0",
            CreatedAt = new DateTimeOffset(2026, 11, 25, 10, 15, 0, TimeSpan.Zero),
            Url = "http://127.0.0.1:8055/",
            Database = "SQLite /srv/directus/data/data.db",
            DatabaseFile = "database/data.db",
            DatabaseMethod = "sqlite3 .backup",
        };

        // When
        manifest.Write();
        var read = BackupManifest.Read(_folder.Path);

        // Then
        read.Should().Be(manifest);
        File.ReadAllText(_folder.Combine("VERSION")).Should().Be("Directus 11.17.4\nDirectusSync 0.1.0\n");
        DirectusBackups.DumpOf(read).Should().Be(_folder.Path);
    }

    [Fact]
    public void Should_say_it_is_no_backup_When_the_folder_has_no_manifest()
    {
        // When
        var act = () => BackupManifest.Read(_folder.Path);

        // Then
        act.Should().Throw<FileNotFoundException>().WithMessage($"{_folder.Path} is not a DirectusSync backup: it has no backup.json.");
    }
}
