using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using Newtonsoft.Json.Linq;

namespace DirectusSync.IntegrationTests.Cli;

/// <summary>
/// Names, not values: what <c>diff</c> prints about a webhook operation whose options hold an
/// <c>Authorization</c> header, on a real Directus. By default only the item and the changed field's name;
/// with <c>--show-values</c> the values, the header still masked. The same for <c>--format json</c>, which CI
/// copies into artifacts.
/// </summary>
[Collection(DirectusCollection.Name)]
public sealed class OutputValuesTests(DirectusFixture fixture)
{
    private const string OldSecret = "old-webhook-secret-7f3a9c";
    private const string NewSecret = "new-webhook-secret-2b8e41";

    [Fact]
    public async Task Should_name_the_changed_operation_and_field_without_values_When_diffing_by_default()
    {
        // Given
        await using var setup = await WebhookSetup.CreateAsync(fixture);

        // When
        var human = await setup.Cli.RunAsync("diff");
        var json = await setup.Cli.RunAsync("diff", "--format", "json");
        var dryRun = await setup.Cli.RunAsync("push", "--dry-run", "--format", "json");

        // Then
        human.ExitCode.Should().Be(0, human.ToString());
        human.StdErr.Should().Contain($"~ [operations] Will update item (id: {setup.OperationId})").And.Contain("      options");
        var operation = JObject.Parse(json.StdOut).SelectToken("plan.operations")!
            .Should().ContainSingle(o => o["collection"]!.Value<string>() == "operations" && o["localId"]!.Value<string>() == setup.OperationId).Subject;
        operation["fields"]!.Values<string>().Should().Equal("options");
        operation["changes"].Should().BeNull();
        operation["before"].Should().BeNull();
        foreach (var result in new[] { human, json, dryRun })
        {
            result.ExitCode.Should().Be(0, result.ToString());
            result.AllOutput.Should().NotContain(OldSecret).And.NotContain(NewSecret).And.NotContain("hooks.invalid", "no value by default");
        }
    }

    [Fact]
    public async Task Should_show_values_but_mask_the_authorization_header_When_diffing_with_show_values()
    {
        // Given
        await using var setup = await WebhookSetup.CreateAsync(fixture);

        // When
        var human = await setup.Cli.RunAsync("diff", "--show-values");
        var json = await setup.Cli.RunAsync("diff", "--show-values", "--format", "json");

        // Then
        human.ExitCode.Should().Be(0, human.ToString());
        human.StdErr.Should().Contain("https://hooks.invalid/old").And.Contain("https://hooks.invalid/new").And.Contain("***");
        var operation = JObject.Parse(json.StdOut).SelectToken("plan.operations")!
            .Should().ContainSingle(o => o["collection"]!.Value<string>() == "operations" && o["localId"]!.Value<string>() == setup.OperationId).Subject;
        operation.SelectToken("changes.options.url")!.Value<string>().Should().Be("https://hooks.invalid/new");
        operation.SelectToken("before.options.url")!.Value<string>().Should().Be("https://hooks.invalid/old");
        operation.SelectToken("changes.options.headers")!.Value<string>().Should().Be("***");
        foreach (var result in new[] { human, json })
        {
            result.ExitCode.Should().Be(0, result.ToString());
            result.AllOutput.Should().NotContain(OldSecret).And.NotContain(NewSecret);
        }
    }

    /// <summary>A flow with a webhook operation on the server, a pulled dump in which its URL and header changed.</summary>
    private sealed class WebhookSetup : IAsyncDisposable
    {
        private readonly TempFolder _temp = new();
        private readonly Core.Transport.DirectusClient _client;
        private string _flowId = string.Empty;

        private WebhookSetup(DirectusInstance instance)
        {
            _client = instance.CreateClient();
            Cli = CliProcess.For(instance, _temp.Path);
        }

        public CliProcess Cli { get; }

        public string OperationId { get; private set; } = string.Empty;

        public static async Task<WebhookSetup> CreateAsync(DirectusFixture fixture)
        {
            var setup = new WebhookSetup(fixture.Instance);
            var client = setup._client;
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var flow = await client.PostAsync("/flows", JObject.FromObject(new { name = $"Webhook {suffix}", status = "active", trigger = "manual", accountability = "all", options = new { } }));
            setup._flowId = flow!["id"]!.ToString();
            var operation = await client.PostAsync("/operations", JObject.FromObject(new
            {
                flow = setup._flowId,
                name = $"Notify {suffix}",
                key = $"notify_{suffix}",
                type = "request",
                position_x = 19,
                position_y = 1,
                options = Options("old", OldSecret),
            }));
            setup.OperationId = operation!["id"]!.ToString();

            var pull = await setup.Cli.RunAsync("pull");
            pull.ExitCode.Should().Be(0, pull.ToString());
            CliTestData.EditInDump(setup._temp.Combine("directus-config"), "operations", $"Notify {suffix}", "options", Options("new", NewSecret));
            return setup;
        }

        public async ValueTask DisposeAsync()
        {
            await _client.DeleteAsync($"/flows/{_flowId}");
            _client.Dispose();
            _temp.Dispose();
        }

        private static JObject Options(string path, string secret) => JObject.FromObject(new
        {
            method = "POST",
            url = $"https://hooks.invalid/{path}",
            headers = new[] { new { header = "Authorization", value = $"Bearer {secret}" } },
            body = "{}",
        });
    }
}
