using DirectusSync.Core.Transport;
using DirectusSync.IntegrationTests.Cli;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Seed;

/// <summary><c>seed diff</c> and <c>seed push</c> run as a process against the shared Directus.</summary>
[Collection(DirectusCollection.Name)]
public sealed class SeedCommandTests(DirectusFixture fixture)
{
    [Fact]
    public async Task Should_describe_then_push_the_seeds_When_seed_diff_and_seed_push_are_run()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        await using var schema = await SeedSchema.CreateAsync(client);
        using var temp = new TempFolder();
        SeedFiles.WriteBasic(temp.Combine("seeds"), schema);
        var cli = CliProcess.For(fixture.Instance, temp.Path);

        // When
        var diff = await cli.RunAsync("seed", "diff", "--seed-path", "./seeds");
        var languagesAfterDiff = await schema.ItemsAsync(schema.Language);
        var push = await cli.RunAsync("seed", "push", "--seed-path", "./seeds/d_language.json", "./seeds/c_country.json", "--max-push-retries", "3");
        var again = await cli.RunAsync("seed", "diff", "--seed-path", "./seeds/d_language.json", "./seeds/c_country.json");

        // Then
        diff.ExitCode.Should().Be(0, diff.ToString());
        diff.StdErr.Should().Contain($"[{schema.Language}] To create: 3 item(s)").And.Contain($"[{schema.City}] To create: 4 item(s)")
            .And.Contain("A seed push would apply the changes above.").And.Contain("✅  Done!");
        languagesAfterDiff.Should().BeEmpty("the first command was only a diff");
        push.ExitCode.Should().Be(0, push.ToString());
        push.StdErr.Should().Contain($"[{schema.Language}] Created 3 items").And.Contain($"[{schema.Country}] Created 3 items")
            .And.Contain("Seed pushed: 6 created, 0 updated, 0 deleted");
        (await schema.ItemsAsync(schema.City)).Should().BeEmpty("only the two files given were pushed");
        again.ExitCode.Should().Be(0, again.ToString());
        again.StdErr.Should().Contain("No differences: a seed push would change nothing.");
    }

    [Fact]
    public async Task Should_list_every_operation_and_write_nothing_When_seed_push_runs_with_dry_run()
    {
        // Given
        using var client = fixture.Instance.CreateClient();
        await using var schema = await SeedSchema.CreateAsync(client);
        using var temp = new TempFolder();
        SeedFiles.WriteBasic(temp.Combine("seeds"), schema);
        var cli = CliProcess.For(fixture.Instance, temp.Path);

        // When
        var dryRun = await cli.RunAsync("seed", "push", "--seed-path", "./seeds", "--dry-run", "--format", "json");

        // Then the plan is shown, operation by operation, and nothing is written
        dryRun.ExitCode.Should().Be(0, dryRun.ToString());
        dryRun.StdErr.Should().Contain($"[{schema.Language}] To create: 3 item(s)").And.Contain($"[{schema.City}] Will create item (sync id: city-paris) fields: name, country")
            .And.Contain("Dry run: nothing was written.").And.NotContain("Seed pushed");
        var document = JObject.Parse(dryRun.StdOut);
        document.Value<string>("command").Should().Be("seed push");
        document.Value<bool>("dryRun").Should().BeTrue();
        document.Value<int>("createPasses").Should().Be(1);
        var operations = (JArray)document["plan"]!["operations"]!;
        operations.Select(o => (o.Value<string>("kind"), o.Value<string>("collection"))).Should().HaveCount(13)
            .And.OnlyContain(o => o.Item1 == "create");
        operations.Select(o => o.Value<string>("syncId")).Should().Contain(["lang-fr", "country-be", "city-berlin", "cl-3"]);
        operations.Should().OnlyContain(o => !string.IsNullOrEmpty(o.Value<string>("reason")));
        foreach (var collection in new[] { schema.Language, schema.Country, schema.City, schema.Junction })
        {
            (await schema.ItemsAsync(collection)).Should().BeEmpty("a dry run writes nothing");
            (await new IdMapClient(client).ListAsync($"items::{collection}")).Should().BeEmpty("a dry run writes no id map either");
        }
    }

    [Fact]
    public async Task Should_read_the_seed_path_of_the_config_file_When_no_flag_gives_one()
    {
        // Given
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("custom-seeds"));
        await File.WriteAllTextAsync(temp.Combine("directus-sync.config.json"), "{\"seedPath\": [\"./custom-seeds\"]}");
        await File.WriteAllTextAsync(temp.Combine("custom-seeds", "roles.json"), "{\"collection\": \"directus_roles\", \"data\": []}");

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("seed", "diff");

        // Then
        result.ExitCode.Should().Be(1, result.ToString());
        result.StdErr.Should().Contain(temp.Combine("custom-seeds", "roles.json")).And.Contain("collection \"directus_roles\" cannot be seeded");
    }

    [Fact]
    public async Task Should_never_print_a_seeded_password_When_seed_diff_runs_with_debug()
    {
        // Given
        using var temp = new TempFolder();
        var suffix = SampleConfiguration.NewSuffix();
        SeedFiles.Write(temp.Combine("directus-config", "seed", "users.json"), "directus_users", null,
            SeedFiles.Item($"user-{suffix}", ("email", $"secret-{suffix}@example.com"), ("password", $"pw-{suffix}-do-not-print")));

        // When
        var names = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("--debug", "seed", "diff");
        var values = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("--debug", "seed", "diff", "--show-values");

        // Then names only by default, the values with --show-values, never the password
        names.ExitCode.Should().Be(0, names.ToString());
        names.StdErr.Should().Contain("[directus_users] To create: 1 item(s)").And.Contain("fields: email")
            .And.NotContain($"secret-{suffix}@example.com");
        values.ExitCode.Should().Be(0, values.ToString());
        values.StdErr.Should().Contain($"secret-{suffix}@example.com").And.Contain("\"password\":\"***\"");
        foreach (var result in new[] { names, values })
        {
            result.AllOutput.Should().NotContain($"pw-{suffix}-do-not-print");
        }
    }

    [Fact]
    public async Task Should_exit_1_and_name_the_file_When_a_seed_file_is_malformed()
    {
        // Given
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("directus-config", "seed"));
        await File.WriteAllTextAsync(temp.Combine("directus-config", "seed", "bad.json"), "{\"collection\": \"x\", \"data\": [ {} ]}");

        // When
        var result = await CliProcess.For(fixture.Instance, temp.Path).RunAsync("seed", "push");

        // Then
        result.ExitCode.Should().Be(1, result.ToString());
        result.StdErr.Should().Contain(temp.Combine("directus-config", "seed", "bad.json")).And.Contain("x data[0] has no \"_sync_id\"");
    }
}
