using DirectusSync.MSBuild.Tests.Support;

namespace DirectusSync.MSBuild.Tests.Tasks;

public sealed class PushDirectusConfigTests
{
    public sealed class TheExecuteMethod : IDisposable
    {
        private readonly FakeBuildEngine _engine = new();
        private readonly DumpFolder _dump = new();
        private readonly FakeDirectus _server = TranslationsDirectus.Create();

        public TheExecuteMethod()
        {
            _server.AddTranslation("t-1", "sync-1", "greeting", "Hello");
        }

        public void Dispose() => _dump.Dispose();

        private void AddTranslations(int count)
        {
            for (var i = 2; i < count + 2; i++)
            {
                _server.AddTranslation($"t-{i}", $"sync-{i}", $"key-{i}", "Value");
            }
        }

        [Theory]
        [InlineData("replace")]
        [InlineData("mirror-all")]
        public void Should_fail_with_DSYNC0006_When_the_mode_is_unknown(string mode)
        {
            // Given
            var task = ConfiguredTasks.Push(_engine, _dump.Path, null);
            task.Mode = mode;

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeFalse();
            _engine.ErrorCodes.Should().Equal("DSYNC0006");
            _engine.Errors[0].Message.Should().Contain("DirectusSyncMode").And.Contain("add, merge, mirror");
        }

        [Fact]
        public void Should_fail_with_DSYNC0006_When_max_push_retries_is_negative()
        {
            // Given
            var task = ConfiguredTasks.Push(_engine, _dump.Path, null);
            task.MaxPushRetries = -1;

            // When
            task.Execute();

            // Then
            _engine.ErrorCodes.Should().Equal("DSYNC0006");
            _engine.Errors[0].Message.Should().Contain("DirectusSyncMaxPushRetries");
        }

        [Fact]
        public void Should_write_nothing_When_the_dump_matches_the_server()
        {
            // Given
            _dump.WriteTranslation("sync-1", "greeting", "Hello");
            var task = ConfiguredTasks.Push(_engine, _dump.Path, _server);

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeTrue(string.Join("\n", _engine.AllText));
            task.ChangeCount.Should().Be(0);
            _server.Requests.Should().OnlyContain(r => r.StartsWith("GET ") || r.StartsWith("POST /utils/cache/clear"));
        }

        [Fact]
        public void Should_log_the_plan_and_write_nothing_When_DryRun_is_set()
        {
            // Given
            _dump.WriteTranslation("sync-1", "greeting", "Hallo");
            var task = ConfiguredTasks.Push(_engine, _dump.Path, _server);
            task.DryRun = true;

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeTrue(string.Join("\n", _engine.AllText));
            task.ChangeCount.Should().Be(1);
            _engine.Messages.Should().Contain(m => m.Message!.Contains("would change translations: 1 to update"));
            _server.Requests.Should().OnlyContain(r => r.StartsWith("GET ") || r.StartsWith("POST /utils/cache/clear"));
        }

        [Fact]
        public void Should_stop_with_DSYNC0401_before_writing_When_an_emptied_file_would_delete_many_tracked_items()
        {
            // Given a dump whose translations file was emptied while the server tracks five
            AddTranslations(4);
            _dump.WriteCollection("translations", "[]");
            var task = ConfiguredTasks.Push(_engine, _dump.Path, _server);

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeFalse();
            _engine.ErrorCodes.Should().Equal("DSYNC0401");
            _engine.Errors[0].Message.Should().Contain("delete 5 of 5 tracked item(s)").And.Contain("nothing was written").And.Contain("DirectusSyncAllowDeletes");
            _server.Requests.Should().OnlyContain(r => r.StartsWith("GET ") || r.StartsWith("POST /utils/cache/clear"));
        }

        [Fact]
        public void Should_warn_what_the_guard_would_stop_and_write_nothing_When_DryRun_is_set()
        {
            // Given
            AddTranslations(4);
            _dump.WriteCollection("translations", "[]");
            var task = ConfiguredTasks.Push(_engine, _dump.Path, _server);
            task.DryRun = true;

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeTrue(string.Join("\n", _engine.AllText));
            _engine.Warnings.Should().Contain(w => w.Code == "DSYNC0401");
            _server.Requests.Should().OnlyContain(r => r.StartsWith("GET ") || r.StartsWith("POST /utils/cache/clear"));
        }

        [Fact]
        public void Should_pass_the_deletion_guard_When_a_reviewed_dump_deletes_the_only_item_of_a_collection()
        {
            // Given the only translation removed from the dump
            _dump.WriteCollection("translations", "[]");
            var task = ConfiguredTasks.Push(_engine, _dump.Path, _server);
            task.DryRun = true;

            // When
            var succeeded = task.Execute();

            // Then an ordinary edit: no error, no warning
            succeeded.Should().BeTrue(string.Join("\n", _engine.AllText));
            _engine.ErrorCodes.Should().BeEmpty();
            _engine.Warnings.Should().BeEmpty();
            _engine.Messages.Should().Contain(m => m.Message!.Contains("translations: 1 to delete"));
        }

        [Fact]
        public void Should_push_nothing_When_only_id_map_housekeeping_is_pending()
        {
            // Given a dump matching the server and a dangling id map (its item deleted outside the sync)
            _dump.WriteTranslation("sync-1", "greeting", "Hello");
            _server.AddIdMap("translations", "sync-gone", "t-gone");
            var task = ConfiguredTasks.Push(_engine, _dump.Path, _server);

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeTrue(string.Join("\n", _engine.AllText));
            task.ChangeCount.Should().Be(0);
            _engine.Messages.Should().Contain(m => m.Message!.Contains("already matches the dump"));
            _server.Requests.Should().OnlyContain(r => r.StartsWith("GET ") || r.StartsWith("POST /utils/cache/clear"));
        }

        [Fact]
        public void Should_pass_the_deletion_guard_When_AllowDeletes_is_set()
        {
            // Given
            _dump.WriteCollection("translations", "[]");
            var task = ConfiguredTasks.Push(_engine, _dump.Path, _server);
            task.AllowDeletes = true;
            task.DryRun = true;

            // When
            var succeeded = task.Execute();

            // Then
            succeeded.Should().BeTrue();
            _engine.Messages.Should().Contain(m => m.Message!.Contains("translations: 1 to delete"));
        }

        [Fact]
        public void Should_not_count_deletes_When_the_mode_is_merge()
        {
            // Given
            _dump.WriteCollection("translations", "[]");
            var task = ConfiguredTasks.Push(_engine, _dump.Path, _server);
            task.Mode = "merge";

            // When
            var succeeded = task.Execute();

            // Then merge never deletes: nothing to do, and no guard
            succeeded.Should().BeTrue();
            task.ChangeCount.Should().Be(0);
            _engine.Messages.Should().Contain(m => m.Message!.Contains("already matches the dump"));
        }
    }
}
