using DirectusSync.Cli.Configuration;
using DirectusSync.Cli.Scripting;
using DirectusSync.Cli.Tests.Support;
using DirectusSync.Core.Sync;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Tests.Scripting;

public sealed class JsLimitsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly RecordingLog _log = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Should_stop_the_hook_and_name_the_file_When_it_loops_forever()
    {
        // Given a hook stuck in an endless loop, with the default limits
        var hooks = Bind("module.exports = { hooks: { roles: { onSave: (roles) => { while (true) {} } } } };");

        // When it runs
        var act = () => hooks.For("roles").OnSave!(new JArray(), CancellationToken.None);

        // Then it is stopped with a message naming the file, the hook and how to raise the limit
        var error = (await act.Should().ThrowAsync<ConfigFileException>()).Which;
        error.Message.Should().Contain("directus-sync.config.js").And.Contain("hooks.roles.onSave stopped").And.Contain("endless loop");
    }

    [Fact]
    public async Task Should_stop_on_the_time_limit_When_statements_are_unlimited()
    {
        // Given a one-second time limit and no statement limit
        var hooks = Bind("module.exports = { hooks: { roles: { onLoad: (roles) => { for (;;) {} } } } };",
            (JsLimits.TimeoutVariable, "1"), (JsLimits.StatementsVariable, "0"));

        // When
        var act = () => hooks.For("roles").OnLoad!(new JArray(), CancellationToken.None);

        // Then the time limit is what stopped it
        (await act.Should().ThrowAsync<ConfigFileException>()).Which.Message.Should()
            .Contain("ran longer than 1 s").And.Contain(JsLimits.TimeoutVariable);
    }

    [Fact]
    public async Task Should_stop_on_the_statement_limit_When_the_loop_exceeds_it()
    {
        // Given a small statement limit
        var hooks = Bind("module.exports = { hooks: { roles: { onLoad: (roles) => { let i = 0; while (true) { i++; } } } } };",
            (JsLimits.StatementsVariable, "10000"));

        // When
        var act = () => hooks.For("roles").OnLoad!(new JArray(), CancellationToken.None);

        // Then
        (await act.Should().ThrowAsync<ConfigFileException>()).Which.Message.Should()
            .Contain("more than").And.Contain("statements").And.Contain(JsLimits.StatementsVariable);
    }

    [Fact]
    public async Task Should_stop_the_hook_When_it_recurses_without_end()
    {
        // Given a hook that recurses forever
        var hooks = Bind("module.exports = { hooks: { roles: { onLoad: (roles) => { const f = (n) => f(n + 1) + 1; return f(0); } } } };");

        // When
        var act = () => hooks.For("roles").OnLoad!(new JArray(), CancellationToken.None);

        // Then the process survives and the message names the file and the limit
        (await act.Should().ThrowAsync<ConfigFileException>()).Which.Message.Should()
            .Contain("directus-sync.config.js").And.Contain("nested deeper than").And.Contain(JsLimits.RecursionVariable);
    }

    [Fact]
    public async Task Should_stop_the_hook_When_it_allocates_beyond_the_memory_limit()
    {
        // Given a 16 MB limit and a hook that keeps growing an array
        var hooks = Bind("module.exports = { hooks: { roles: { onLoad: (roles) => { const a = []; while (true) { a.push('x'.repeat(1000)); } } } } };",
            (JsLimits.MemoryVariable, "16"));

        // When
        var act = () => hooks.For("roles").OnLoad!(new JArray(), CancellationToken.None);

        // Then
        (await act.Should().ThrowAsync<ConfigFileException>()).Which.Message.Should()
            .Contain("allocated more than 16 MB").And.Contain(JsLimits.MemoryVariable);
    }

    [Fact]
    public void Should_stop_loading_and_name_the_file_When_the_file_itself_loops()
    {
        // Given a config file whose top level never ends
        _folder.Write("directus-sync.config.js", "while (true) {} module.exports = {};");

        // When
        var act = () => new ConfigFileLoader(TestEnvironment.In(_folder.Path, (JsLimits.StatementsVariable, "10000")), _log, CancellationToken.None).Load(null);

        // Then
        act.Should().Throw<ConfigFileException>().Which.Message.Should().Contain("directus-sync.config.js").And.Contain("stopped while loading");
    }

    [Fact]
    public async Task Should_run_the_hook_in_full_When_it_stays_within_the_limits()
    {
        // Given a hook doing real work: 200 000 iterations
        var hooks = Bind("module.exports = { hooks: { roles: { onLoad: (roles) => { let s = 0; for (let i = 0; i < 200000; i++) { s += i; } return [{ s }]; } } } };");

        // When
        var result = await hooks.For("roles").OnLoad!(new JArray(), CancellationToken.None);

        // Then
        result.Should().BeEquivalentTo(JArray.Parse("""[{"s":19999900000}]"""));
    }

    [Theory]
    [InlineData(JsLimits.TimeoutVariable, "ten")]
    [InlineData(JsLimits.MemoryVariable, "-1")]
    [InlineData(JsLimits.StatementsVariable, "1e9")]
    public void Should_name_the_variable_When_a_limit_is_not_a_whole_number(string variable, string value)
    {
        // Given / When
        var act = () => JsLimits.From(TestEnvironment.In(_folder.Path, (variable, value)));

        // Then
        act.Should().Throw<SyncOptionsException>().Which.Option.Should().Be(variable);
    }

    [Fact]
    public void Should_use_the_defaults_and_lift_a_limit_with_zero_When_reading_the_environment()
    {
        // Given / When
        var limits = JsLimits.From(TestEnvironment.In(_folder.Path, (JsLimits.TimeoutVariable, "0"), (JsLimits.RecursionVariable, "50")));

        // Then
        limits.Should().Be(JsLimits.Default with { Timeout = TimeSpan.Zero, MaxRecursion = 50 });
    }

    private Core.Sync.SyncHooks Bind(string source, params (string Name, string Value)[] variables)
    {
        _folder.Write("directus-sync.config.js", source);
        var loaded = new ConfigFileLoader(TestEnvironment.In(_folder.Path, variables), _log, CancellationToken.None).Load(null)!;
        return HookBinder.Bind(loaded.Values["hooks"] as JObject, loaded.Scripts);
    }
}
