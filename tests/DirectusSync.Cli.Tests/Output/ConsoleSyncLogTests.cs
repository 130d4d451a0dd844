using DirectusSync.Cli.Output;
using DirectusSync.Core.Logging;

namespace DirectusSync.Cli.Tests.Output;

public sealed class ConsoleSyncLogTests
{
    public sealed class TheWrite
    {
        [Fact]
        public void Should_write_the_reference_shape_to_stderr_When_a_line_is_info()
        {
            // Given
            var (output, stdout, stderr) = Output();
            var log = new ConsoleSyncLog(output, SyncLogLevel.Info);

            // When
            log.Write(SyncLogLevel.Info, "roles", "To create: 1 item(s)");

            // Then
            stdout.ToString().Should().BeEmpty();
            stderr.ToString().Should().MatchRegex(@"^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: \[roles\] To create: 1 item\(s\)\r?\n$");
        }

        [Fact]
        public void Should_hide_debug_lines_When_not_in_debug_mode_and_not_on_a_terminal()
        {
            // Given
            var (output, _, stderr) = Output();
            var log = new ConsoleSyncLog(output, SyncLogLevel.Info);

            // When
            log.Write(SyncLogLevel.Debug, "roles", "Unchanged: 3 item(s)");

            // Then
            stderr.ToString().Should().BeEmpty();
        }

        [Fact]
        public void Should_draw_a_transient_progress_line_When_stderr_is_a_terminal()
        {
            // Given
            var stderr = new StringWriter();
            var output = new ConsoleOutput(new StringWriter(), stderr, colors: false, interactive: true);
            var log = new ConsoleSyncLog(output, SyncLogLevel.Info);

            // When
            log.Write(SyncLogLevel.Debug, "roles", "Pulled 3 items.");
            log.ClearProgress();

            // Then
            stderr.ToString().Should().Be(Ansi.ClearLine + "… [roles] Pulled 3 items." + Ansi.ClearLine);
        }

        [Fact]
        public void Should_mask_secrets_When_a_message_contains_one()
        {
            // Given
            var (output, _, stderr) = Output();
            output.Redactor.Add("the-token-value");
            var log = new ConsoleSyncLog(output, SyncLogLevel.Debug);

            // When
            log.Write(SyncLogLevel.Error, string.Empty, "failed with the-token-value");

            // Then
            stderr.ToString().Should().Contain("ERROR: failed with ***").And.NotContain("the-token-value");
        }

        [Fact]
        public void Should_escape_a_name_from_a_dump_When_a_message_carries_an_escape_sequence_or_a_ci_command()
        {
            // Given
            var (output, _, stderr) = Output();
            var log = new ConsoleSyncLog(output, SyncLogLevel.Info);

            // When
            log.Write(SyncLogLevel.Warning, "ro\u001b[31mles", "Field \u001b]0;title\u0007 is odd\n::add-mask::x ##vso[task.complete]");

            // Then
            var text = stderr.ToString();
            text.Should().NotContain("\u001b").And.NotContain("\u0007").And.NotContain("##vso[");
            text.Split(Environment.NewLine).Should().NotContain(l => l.StartsWith("::", StringComparison.Ordinal));
        }

        private static (ConsoleOutput Output, StringWriter StdOut, StringWriter StdErr) Output()
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            return (new ConsoleOutput(stdout, stderr, colors: false, interactive: false), stdout, stderr);
        }
    }
}
