using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Cli;

/// <summary>Config files (json, js, cjs, extends) and hooks, including the upgrade guide's two hook examples.</summary>
[Collection(DirectusCollection.Name)]
public sealed class ConfigFileTests(DirectusFixture fixture)
{
    private const string GuideSnapshotHook = """
        // directus-sync.config.js
        module.exports = {
          hooks: {
            snapshot: {
              onLoad: async (snapshot) => {
                // Handle schema changes
                if (process.env.DIRECTUS_VERSION === '11.0.0') {
                  // Modify schema for version 11
                  snapshot.collections = snapshot.collections.map(/* ... */);
                }
                return snapshot;
              },
            },
          },
        };
        """;

    private const string GuideRolesHook = """
        module.exports = {
          hooks: {
            roles: {
              onSave: (roles) => {
                // Update role structure for new version
                return roles.map(role => ({
                  ...role,
                  // Add new required fields
                  enforce_tfa: false,
                }));
              },
            },
          },
        };
        """;

    [Fact]
    public async Task Should_stop_the_command_and_name_the_file_and_hook_When_a_hook_loops_forever()
    {
        // Given a config whose roles.onSave hook never returns, with the default limits
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("directus-sync.config.js"), """
            module.exports = {
              onlyCollections: ['roles'],
              hooks: { roles: { onSave: (roles) => { while (true) {} } } },
            };
            """);

        // When a pull runs it
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("pull", "--no-snapshot", "--no-specs");

        // Then the command fails on its own (not at a CI time-out) with a message naming the file and the hook
        result.ExitCode.Should().Be(1, result.ToString());
        result.StdErr.Should().Contain(temp.Combine("directus-sync.config.js")).And.Contain("hooks.roles.onSave stopped");
        File.Exists(temp.Combine("directus-config", "collections", "roles.json")).Should().BeFalse("nothing is written after a failed hook");
    }

    [Fact]
    public async Task Should_use_the_json_file_When_directus_sync_config_json_exists()
    {
        // Given
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("directus-sync.config.json"), """{ "dumpPath": "./from-json", "excludeCollections": ["presets"], "specs": false }""");

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("pull");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().Contain($"Loaded config file from {temp.Combine("directus-sync.config.json")}");
        File.Exists(temp.Combine("from-json", "collections", "roles.json")).Should().BeTrue();
        File.Exists(temp.Combine("from-json", "collections", "presets.json")).Should().BeFalse();
        Directory.Exists(temp.Combine("from-json", "specs")).Should().BeFalse();
    }

    [Fact]
    public async Task Should_run_the_javascript_When_directus_sync_config_js_exists()
    {
        // Given: the server and dump path come from the script, which reads process.env.
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("directus-sync.config.js"), """
            module.exports = {
              directusUrl: process.env.MY_DIRECTUS,
              dumpPath: './from-' + process.env.MY_SUFFIX,
              onlyCollections: ['roles'],
            };
            """);
        var cli = new CliProcess(temp.Path)
            .With("MY_DIRECTUS", fixture.Instance.Url.ToString())
            .With("MY_SUFFIX", "js")
            .With("DIRECTUS_TOKEN", DirectusInstance.AdminToken);

        // When
        var result = await cli.RunAsync("pull");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        Directory.GetFiles(temp.Combine("from-js", "collections")).Select(Path.GetFileName).Should().Equal("roles.json");
    }

    [Fact]
    public async Task Should_run_the_commonjs_file_When_only_directus_sync_config_cjs_exists()
    {
        // Given
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("directus-sync.config.cjs"), "module.exports = { dumpPath: './from-cjs', snapshot: false };");

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("pull");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().Contain("directus-sync.config.cjs");
        File.Exists(temp.Combine("from-cjs", "collections", "roles.json")).Should().BeTrue();
        File.Exists(temp.Combine("from-cjs", "snapshot", "info.json")).Should().BeFalse("the file's snapshot: false holds when --no-snapshot is absent");
    }

    [Fact]
    public async Task Should_merge_the_parent_When_the_config_extends_another_file()
    {
        // Given
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("shared"));
        File.WriteAllText(temp.Combine("shared", "base.json"), """{ "dumpPath": "./from-base", "excludeCollections": ["presets"] }""");
        File.WriteAllText(temp.Combine("directus-sync.config.js"), """
            module.exports = { extends: ['./shared/base.json'], excludeCollections: ['translations'] };
            """);

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("pull");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        var files = Directory.GetFiles(temp.Combine("from-base", "collections")).Select(Path.GetFileName).ToList();
        files.Should().Contain("roles.json").And.NotContain("presets.json").And.NotContain("translations.json");
    }

    [Fact]
    public async Task Should_load_the_given_file_When_config_path_is_set()
    {
        // Given
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("configs"));
        File.WriteAllText(temp.Combine("configs", "ci.json"), """{ "dumpPath": "./from-ci", "onlyCollections": ["flows"] }""");

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("pull", "-c", "configs/ci.json");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        Directory.GetFiles(temp.Combine("from-ci", "collections")).Select(Path.GetFileName).Should().Equal("flows.json");
    }

    [Fact]
    public async Task Should_add_the_field_to_every_role_When_pulling_with_the_guide_roles_onSave_hook()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        await new CliTestData(client).CreateRoleAsync("Hooked");
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("directus-sync.config.js"), GuideRolesHook);

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("pull");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        var roles = CliAssertions.ReadCollection(temp.Combine("directus-config"), "roles");
        roles.Should().NotBeEmpty();
        roles.Select(r => r["enforce_tfa"]?.ToString(Newtonsoft.Json.Formatting.None)).Should().OnlyContain(value => value == "false");
    }

    [Fact]
    public async Task Should_run_the_guide_snapshot_onLoad_hook_When_diffing()
    {
        // Given
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);
        (await cli.RunAsync("pull")).ExitCode.Should().Be(0);
        File.WriteAllText(temp.Combine("directus-sync.config.js"), GuideSnapshotHook);

        // When
        var result = await cli.RunAsync("diff", "--debug");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().Contain($"Running hooks.snapshot.onLoad from {temp.Combine("directus-sync.config.js")}").And.Contain("No differences");
    }

    [Fact]
    public async Task Should_name_the_file_and_hook_When_the_guide_snapshot_hook_fails_on_version_11_0_0()
    {
        // Given: with DIRECTUS_VERSION=11.0.0 the guide's placeholder .map(/* ... */) throws.
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);
        (await cli.RunAsync("pull")).ExitCode.Should().Be(0);
        File.WriteAllText(temp.Combine("directus-sync.config.js"), GuideSnapshotHook);

        // When
        var result = await cli.With("DIRECTUS_VERSION", "11.0.0").RunAsync("push");

        // Then
        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain($"{temp.Combine("directus-sync.config.js")}: hooks.snapshot.onLoad failed: TypeError").And.Contain("(line 9)");
        result.StdErr.Should().NotContain("at Jint", "no stack trace without --debug");
    }

    [Fact]
    public async Task Should_keep_only_matching_items_When_an_onQuery_hook_filters_the_pull()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        var data = new CliTestData(client);
        await data.CreateRoleAsync("Kept");
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("directus-sync.config.js"), $$"""
            module.exports = {
              onlyCollections: ['roles'],
              hooks: { roles: { onQuery: (query, client) => { query.filter = { name: { _ends_with: '{{data.Suffix}}' } }; return query; } } },
            };
            """);

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("pull");

        // Then
        result.ExitCode.Should().Be(0, result.ToString());
        CliAssertions.ReadCollection(temp.Combine("directus-config"), "roles").Select(r => r["name"]!.ToString()).Should().Equal($"Kept {data.Suffix}");
    }

    [Fact]
    public async Task Should_stop_before_writing_and_name_the_hook_When_a_hook_requires_an_npm_package()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        using var temp = new TempFolder();
        var cli = CliProcess.For(fixture.Instance, temp.Path);
        (await cli.RunAsync("pull")).ExitCode.Should().Be(0);
        File.WriteAllText(temp.Combine("directus-sync.config.js"), """
            module.exports = { hooks: { roles: { onLoad: (roles) => { const _ = require('lodash'); return _.sortBy(roles, 'name'); } } } };
            """);
        var activity = await CliAssertions.CountActivityAsync(client);

        // When
        var result = await cli.RunAsync("push");

        // Then
        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("directus-sync.config.js: hooks.roles.onLoad failed: require('lodash') is not available");
        (await CliAssertions.CountActivityAsync(client)).Should().Be(activity);
    }

    [Fact]
    public async Task Should_name_the_file_and_hook_When_a_hook_calls_the_sdk_client()
    {
        // Given
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("directus-sync.config.js"), """
            module.exports = { hooks: { flows: { onDump: async (flows, client) => { const all = await client.request({}); return flows; } } } };
            """);

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("pull", "-o", "flows");

        // Then
        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("directus-sync.config.js: hooks.flows.onDump failed: client.request is not available");
    }
}
