using DirectusSync.Core.Workflow;

namespace DirectusSync.Core.Tests.Workflow;

public sealed class LogTextTests
{
    public sealed class TheEscape
    {
        [Theory]
        [InlineData("red\u001b[31mtext", "red\\u001b[31mtext")]
        [InlineData("two\nlines", "two\\u000alines")]
        [InlineData("back\rspace", "back\\u000dspace")]
        [InlineData("bell\u0007", "bell\\u0007")]
        [InlineData("tab\there", "tab\\u0009here")]
        [InlineData("csi\u009b31m", "csi\\u009b31m")]
        [InlineData("rtl\u202Eevil", "rtl\\u202eevil")]
        public void Should_make_control_characters_visible_When_a_name_holds_them(string name, string expected) =>
            LogText.Escape(name).Should().Be(expected);

        [Theory]
        [InlineData("##vso[task.setvariable variable=x]1")]
        [InlineData("x ##VSO[task.complete result=Succeeded]")]
        [InlineData("##[error]fake")]
        [InlineData("a ##[group]b")]
        public void Should_break_azure_devops_and_legacy_commands_When_a_name_holds_one(string name)
        {
            // When
            var escaped = LogText.Escape(name);

            // Then
            escaped.Should().NotContain("##vso[").And.NotContain("##VSO[").And.NotContain("##[");
            escaped.Should().Contain("#\\u0023");
        }

        [Theory]
        [InlineData("::set-output name=x::1")]
        [InlineData("::add-mask::value")]
        [InlineData("  ::error::fake")]
        [InlineData("::stop-commands::token")]
        public void Should_break_github_commands_When_a_name_starts_with_two_colons(string name)
        {
            // When
            var escaped = LogText.Escape(name);

            // Then
            escaped.TrimStart().Should().NotStartWith("::").And.StartWith(":\\u003a");
        }

        [Fact]
        public void Should_not_start_a_command_on_a_line_of_its_own_When_a_name_hides_it_after_a_line_break()
        {
            // When
            var escaped = LogText.Escape("ok\n::set-output name=x::1\n##vso[task.complete]");

            // Then
            escaped.Should().NotContain("\n");
            escaped.Should().NotContain("##vso[");
        }

        [Fact]
        public void Should_not_close_a_markdown_fence_When_a_name_holds_backticks()
        {
            // When
            var escaped = LogText.Escape("```\n# Injected heading");

            // Then
            escaped.Should().NotContain("```").And.NotContain("\n");
        }

        [Theory]
        [InlineData("Editors")]
        [InlineData("articles.title → authors")]
        [InlineData("C# ## notes: a::b")]
        [InlineData("")]
        public void Should_leave_ordinary_names_alone_When_nothing_is_dangerous(string name) =>
            LogText.Escape(name).Should().Be(name);

        [Theory]
        [InlineData("\u001b[2J::set-output ##vso[x] ```")]
        [InlineData("::a::b")]
        public void Should_change_nothing_more_When_escaped_twice(string name) =>
            LogText.Escape(LogText.Escape(name)).Should().Be(LogText.Escape(name));
    }

    public sealed class TheMessage
    {
        [Fact]
        public void Should_keep_line_breaks_and_neutralise_each_line_When_a_message_has_several()
        {
            // When
            var message = LogText.Message("first\r\n::warning::fake\n```\n\u001b[31mred\ttab");

            // Then
            message.Should().Be("first\r\n:\\u003awarning::fake\n``\\u0060\n\\u001b[31mred\ttab");
        }
    }

    public sealed class TheLines
    {
        [Fact]
        public void Should_keep_ansi_colours_and_neutralise_commands_When_the_cli_writes_a_line()
        {
            // When
            var line = LogText.Lines("\u001b[32mok\u001b[0m\n::set-output name=a::b ##vso[x]");

            // Then
            line.Should().Be("\u001b[32mok\u001b[0m\n:\\u003aset-output name=a::b #\\u0023vso[x]");
        }
    }
}
