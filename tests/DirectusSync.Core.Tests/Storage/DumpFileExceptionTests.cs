using DirectusSync.Core.Storage;

namespace DirectusSync.Core.Tests.Storage;

public sealed class DumpFileExceptionTests
{
    [Fact]
    public void Should_start_the_message_with_the_file_When_created()
    {
        // Given
        var inner = new FormatException("bad");

        // When
        var exception = new DumpFileException("/dump/collections/roles.json", "element [3] is a string, expected an object", inner);

        // Then
        exception.Message.Should().Be("/dump/collections/roles.json: element [3] is a string, expected an object");
        exception.FilePath.Should().Be("/dump/collections/roles.json");
        exception.Problem.Should().Be("element [3] is a string, expected an object");
        exception.InnerException.Should().BeSameAs(inner);
    }
}
