using DirectusSync.MSBuild.Tests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.MSBuild.Tests.Tasks;

public sealed class PullDirectusConfigTests
{
    public sealed class TheExecuteMethod : IDisposable
    {
        private readonly FakeBuildEngine _engine = new();
        private readonly DumpFolder _dump = new();

        public void Dispose() => _dump.Dispose();

        [Fact]
        public void Should_write_the_dump_and_report_where_When_the_server_answers()
        {
            // Given
            var server = TranslationsDirectus.Create();
            server.AddTranslation("t-1", "sync-1", "greeting", "Hello");
            var task = ConfiguredTasks.Pull(_engine, Path.Combine(_dump.Path, "pulled"), server);

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeTrue(string.Join("\n", _engine.AllText));
            task.DumpDirectory.Should().Be(Path.Combine(_dump.Path, "pulled"));
            task.ItemCount.Should().Be(1);
            var written = JArray.Parse(File.ReadAllText(Path.Combine(_dump.Path, "pulled", "collections", "translations.json")));
            written.Should().ContainSingle().Which["_syncId"]!.ToString().Should().Be("sync-1");
        }

        [Fact]
        public void Should_fail_with_DSYNC0005_When_preserve_ids_names_a_collection_that_cannot_keep_its_ids()
        {
            // Given
            var task = ConfiguredTasks.Pull(_engine, _dump.Path, null);
            task.PreserveIds = "permissions";

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeFalse();
            _engine.ErrorCodes.Should().Equal("DSYNC0005");
            _engine.Errors[0].Message.Should().Contain("DirectusSyncPreserveIds");
        }
    }
}
