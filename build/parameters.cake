#load "./paths.cake"

// The typed context of the pipeline: every argument is read once, here, with its default.
public sealed class BuildParameters
{
    public string Target { get; }
    public string Configuration { get; }
    public BuildPaths Paths { get; }
    public string DirectusVersion { get; }
    public string DirectusDatabase { get; }
    public int DirectusPort { get; }
    public string TestFilter { get; }
    public bool IsCi { get; }

    public BuildParameters(ICakeContext context)
    {
        Target = context.Argument("target", "Default");
        Configuration = context.Argument("configuration", "Release");
        Paths = new BuildPaths(context);
        DirectusVersion = context.Argument("directus-version", "11.17.4");
        DirectusDatabase = context.Argument("directus-db", "sqlite");
        DirectusPort = context.Argument("directus-port", 8055);
        TestFilter = context.Argument("test-filter", string.Empty);
        IsCi = !string.IsNullOrEmpty(context.EnvironmentVariable("CI"));
    }
}
