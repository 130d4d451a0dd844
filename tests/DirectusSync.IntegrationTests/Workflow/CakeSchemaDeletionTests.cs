using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using DirectusSync.Cake;
using DirectusSync.Cake.Settings;
using DirectusSync.IntegrationTests.Cli;
using DirectusSync.IntegrationTests.Sandbox;
using DirectusSync.IntegrationTests.Support;
using NSubstitute;

namespace DirectusSync.IntegrationTests.Workflow;

/// <summary>The Cake push alias goes through the push workflow: a schema drop is a Cake failure, unless consented to.</summary>
[Collection(DirectusCollection.Name)]
public sealed class CakeSchemaDeletionTests(DirectusFixture fixture)
{
    [Fact]
    public Task Should_throw_a_cake_exception_and_keep_the_rows_When_the_push_alias_would_drop_a_collection_holding_rows() =>
        RefusedThenDroppedAsync(fixture.Instance);

    [Fact]
    public async Task Should_throw_a_cake_exception_and_keep_the_rows_When_the_push_alias_would_drop_a_collection_holding_rows_on_directus_12()
    {
        await using var instance = await DirectusInstance.StartAsync($"guard12-cake-{SampleConfiguration.NewSuffix()}", "12.4.0");
        await RefusedThenDroppedAsync(instance);
    }

    private static async Task RefusedThenDroppedAsync(DirectusInstance instance)
    {
        // Given a dump pulled then stripped of a collection holding rows
        using var client = instance.CreateClient();
        var guarded = await GuardedCollection.CreateAsync(client, rows: 3);
        using var temp = new TempFolder();
        var cli = CliProcess.For(instance, temp.Path);
        (await cli.RunAsync("pull", "--no-collections")).ExitCode.Should().Be(0);
        var dump = temp.Combine("directus-config");
        guarded.RemoveFromSnapshot(dump);
        var context = Context(temp.Path);
        var activity = await CliAssertions.CountActivityAsync(client);

        // When pushed by the alias without consent
        var act = () => context.DirectusSyncPush(Settings(instance, dump));

        // Then
        act.Should().Throw<CakeException>().WithMessage($"DirectusSyncPush: Push stopped, nothing was written*drop collection {guarded.Name} with its 3 row(s)*WithAllowSchemaDeletes()*");
        (await CliAssertions.CountActivityAsync(client)).Should().Be(activity);
        (await guarded.RowsAsync()).Should().Be(3);

        // When consented
        context.DirectusSyncPush(Settings(instance, dump).WithAllowSchemaDeletes());

        // Then
        (await guarded.RowsAsync()).Should().BeNull();
    }

    private static DirectusSyncPushSettings Settings(DirectusInstance instance, string dump) => new DirectusSyncPushSettings
    {
        Url = instance.Url.ToString(),
        Token = DirectusInstance.AdminToken,
    }.WithDumpPath(new DirectoryPath(dump)).WithOptions(o => o with { Collections = false });

    private static ICakeContext Context(string workingDirectory)
    {
        var environment = Substitute.For<ICakeEnvironment>();
        environment.WorkingDirectory.Returns(new DirectoryPath(workingDirectory));
        var log = Substitute.For<ICakeLog>();
        log.Verbosity.Returns(Verbosity.Normal);
        var context = Substitute.For<ICakeContext>();
        context.Environment.Returns(environment);
        context.Log.Returns(log);
        return context;
    }
}
