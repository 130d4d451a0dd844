using Cake.Core.Diagnostics;
using DirectusSync.Cake.Hosting;
using DirectusSync.Cake.Tests.Support;
using DirectusSync.Core.Logging;

namespace DirectusSync.Cake.Tests.Hosting;

/// <summary>The core's log lines in Cake's log.</summary>
public sealed class CakeSyncLogTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(SyncLogLevel.Debug, LogLevel.Verbose)]
    [InlineData(SyncLogLevel.Info, LogLevel.Information)]
    [InlineData(SyncLogLevel.Warning, LogLevel.Warning)]
    [InlineData(SyncLogLevel.Error, LogLevel.Error)]
    public void Should_map_the_level_When_a_line_is_written(SyncLogLevel level, LogLevel expected)
    {
        // Given
        var cake = new FakeCakeContext(_folder.Path);

        // When
        new CakeSyncLog(cake.Context.Log).Write(level, "roles", "Pulled 2 items.");

        // Then
        cake.Lines.Should().ContainSingle().Which.Should().Be((expected, "[roles] Pulled 2 items."));
    }

    [Fact]
    public void Should_keep_braces_as_text_When_the_message_holds_a_template()
    {
        // Given
        var cake = new FakeCakeContext(_folder.Path);

        // When
        new CakeSyncLog(cake.Context.Log).Write(SyncLogLevel.Info, "operations", "message \"New article {{$trigger.key}}\" {0}");

        // Then
        cake.Lines.Single().Text.Should().Be("[operations] message \"New article {{$trigger.key}}\" {0}");
    }
}
