// The project's own Directus sandbox (build/sandbox/directus.sh): Node 22, Directus, the
// directus-extension-sync server extension and the reference CLI, all under .directus/.

public static class Sandbox
{
    // The sandbox's static admin token: local, throw-away, documented in the README.
    public const string AdminToken = "sandbox-static-admin-token";

    public static IDictionary<string, string> ReadInstance(BuildParameters parameters, string name)
    {
        var file = parameters.Paths.Root.CombineWithFilePath($".directus/instances/{name}/instance.env").FullPath;
        return System.IO.File.ReadAllLines(file)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1]);
    }

    public static string Run(ICakeContext context, BuildParameters parameters, IDictionary<string, string> environment, params string[] arguments)
    {
        var settings = new ProcessSettings
        {
            Arguments = ProcessArgumentBuilder.FromStrings(new[] { parameters.Paths.SandboxScript.FullPath }.Concat(arguments)),
            WorkingDirectory = parameters.Paths.Root,
            RedirectStandardOutput = true,
            EnvironmentVariables = new Dictionary<string, string>(environment)
            {
                ["DIRECTUS_VERSION"] = parameters.DirectusVersion,
                ["DX_DB"] = parameters.DirectusDatabase,
            },
        };
        var exitCode = context.StartProcess("bash", settings, out var output);
        var text = string.Join(Environment.NewLine, output);
        if (exitCode != 0)
        {
            throw new CakeException($"The Directus sandbox failed: build/sandbox/directus.sh {string.Join(" ", arguments)} exited with {exitCode}. Its message is above.");
        }

        return text;
    }
}
