using Cake.Core.Diagnostics;
using DirectusSync.Cake.Hosting;
using DirectusSync.Cake.Tests.Support;
using DirectusSync.Core.Logging;
using DirectusSync.Core.Workflow;

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

    [Fact]
    public void Should_mask_the_secrets_in_use_When_a_message_echoes_one()
    {
        // Given
        var cake = new FakeCakeContext(_folder.Path);
        var log = new CakeSyncLog(cake.Context.Log, new SecretRedactor(["static-token-value"]));

        // When
        log.Write(SyncLogLevel.Error, "push", "POST /flows failed: header Authorization: Bearer static-token-value");

        // Then
        cake.Lines.Single().Text.Should().Be("[push] POST /flows failed: header Authorization: Bearer ***");
    }

    [Fact]
    public void Should_escape_names_When_a_message_carries_escape_sequences_and_ci_commands()
    {
        // Given
        var cake = new FakeCakeContext(_folder.Path);

        // When
        new CakeSyncLog(cake.Context.Log).Write(SyncLogLevel.Warning, "ro\u001bles", "Field \u001b[2J odd\n::set-output name=x::1\n##vso[task.complete]");

        // Then
        var text = cake.Lines.Single().Text;
        text.Should().NotContain("\u001b").And.NotContain("##vso[");
        text.Split('\n').Should().NotContain(l => l.TrimStart().StartsWith("::", StringComparison.Ordinal));
    }
}
