using DirectusSync.MSBuild.Tasks;

namespace DirectusSync.MSBuild.Tests.Support;

/// <summary>Tasks set up as the targets set them up, against a fake Directus and a fake environment.</summary>
public static class ConfiguredTasks
{
    /// <summary>The token the fake environment holds.</summary>
    public const string Token = "s3cret-token-4711";

    /// <summary>The fake environment: DIRECTUS_TOKEN set.</summary>
    public static Dictionary<string, string> Environment() => new() { ["DIRECTUS_TOKEN"] = Token };

    /// <summary>A diff of translations only (no schema), as DirectusSyncDiff would run it.</summary>
    public static DiffDirectusConfig Diff(FakeBuildEngine engine, string dumpPath, FakeDirectus? server, Dictionary<string, string>? environment = null) =>
        Configure(new DiffDirectusConfig(), engine, dumpPath, server, environment);

    /// <summary>A push of translations only.</summary>
    public static PushDirectusConfig Push(FakeBuildEngine engine, string dumpPath, FakeDirectus? server, Dictionary<string, string>? environment = null) =>
        Configure(new PushDirectusConfig(), engine, dumpPath, server, environment);

    /// <summary>A pull of translations only, without specs.</summary>
    public static PullDirectusConfig Pull(FakeBuildEngine engine, string dumpPath, FakeDirectus? server, Dictionary<string, string>? environment = null)
    {
        var task = Configure(new PullDirectusConfig(), engine, dumpPath, server, environment);
        task.Specs = false;
        return task;
    }

    private static T Configure<T>(T task, FakeBuildEngine engine, string dumpPath, FakeDirectus? server, Dictionary<string, string>? environment)
        where T : DirectusSyncTask
    {
        var variables = environment ?? Environment();
        task.BuildEngine = engine;
        task.Url = "https://directus.test:8055";
        task.DumpPath = dumpPath;
        task.Snapshot = false;
        task.OnlyCollections = "translations";
        task.ReadEnvironment = name => variables.GetValueOrDefault(name);
        task.Handler = server ?? new FakeDirectus { Override = _ => throw new InvalidOperationException("no request expected") };
        return task;
    }
}
