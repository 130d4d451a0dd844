using System.Globalization;
using Cake.Core;
using Cake.Core.IO;
using DirectusSync.Upgrade.Providers;
using DirectusSync.Cake.Settings;

namespace DirectusSync.Cake.Hosting;

/// <summary>
/// The command-line arguments of the UpgradeDirectus pipeline (documented in src/DirectusSync.Cake/README.md),
/// read into <see cref="DirectusUpgradeSettings"/>. Connection values not given fall back to the
/// environment when the upgrade is built.
/// </summary>
public static class UpgradeArguments
{
    /// <summary>Reads the arguments into new settings.</summary>
    public static DirectusUpgradeSettings Read(ICakeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arguments = context.Arguments;
        string? Text(string name) => arguments.HasArgument(name) ? arguments.GetArguments(name).LastOrDefault() is { Length: > 0 } v ? v : null : null;
        bool Flag(string name) => arguments.HasArgument(name) && (Text(name) ?? "true") switch
        {
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            var other => throw new CakeException($"--{name}={other}: expected true or false (or --{name} alone)."),
        };

        var settings = new DirectusUpgradeSettings
        {
            Url = Text("directus-url"),
            Token = Text("directus-token"),
            TargetVersion = Text("directus-version"),
            DumpPath = Text("dump-path") is { } dump ? new DirectoryPath(dump) : null,
            BackupRoot = Text("backup-path") is { } backup ? new DirectoryPath(backup) : null,
            ReportPath = Text("upgrade-report") is { } report ? new FilePath(report) : null,
            PushPending = Flag("push-pending"),
            PushConsent = new DirectusSync.Core.Workflow.DeletionConsent { Items = Flag("allow-deletes"), Schema = Flag("allow-schema-deletes") },
            AcceptLicenceLoss = Flag("accept-licence-loss"),
            AcceptNoDatabaseBackup = Flag("accept-no-database-backup"),
            Licensed = Flag("directus-licensed"),
            DirectusEnvFile = Text("directus-env-file") is { } env ? new FilePath(env) : null,
        };
        if (Text("ready-timeout") is { } timeout)
        {
            settings.ReadyTimeout = int.TryParse(timeout, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : throw new CakeException($"--ready-timeout={timeout}: expected a number of seconds.");
        }

        switch (Text("upgrade-provider"))
        {
            case null:
                break;
            case "npm":
                settings.UsingNpm(new DirectoryPath(Text("npm-project") ?? "."));
                break;
            case "docker-compose":
                settings.UsingDockerCompose(new FilePath(Text("compose-file") ?? "docker-compose.yml"),
                    o => Text("compose-service") is { } service ? o with { Service = service } : o);
                break;
            case "commands":
                settings.UsingCommands(new CommandsProviderOptions
                {
                    Stop = Text("stop-command"),
                    Bump = Text("bump-command"),
                    Install = Text("install-command"),
                    Migrate = Text("migrate-command"),
                    Start = Text("start-command"),
                    Revert = Text("revert-command"),
                });
                break;
            case var other:
                throw new CakeException($"--upgrade-provider={other}: expected npm, docker-compose or commands.");
        }

        return settings;
    }
}
