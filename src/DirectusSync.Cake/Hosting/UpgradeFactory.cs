using Cake.Core;
using Cake.Core.IO;
using DirectusSync.Upgrade.Databases;
using DirectusSync.Upgrade.Processes;
using DirectusSync.Upgrade.Providers;
using DirectusSync.Cake.Settings;
using DirectusSync.Upgrade.Upgrade;
using DirectusSync.Upgrade.Versions;
using DirectusSync.Core.Transport;

namespace DirectusSync.Cake.Hosting;

/// <summary>Builds a <see cref="DirectusUpgrade"/> from <see cref="DirectusUpgradeSettings"/>, checking them first.</summary>
public static class UpgradeFactory
{
    private const string Alias = "DirectusSyncUpgrade";

    /// <summary>The upgrade's options (connection, target, backup, report, gates, database).</summary>
    public static UpgradeOptions Options(ICakeContext context, DirectusUpgradeSettings settings)
    {
        var target = settings.TargetVersion
            ?? throw new CakeException($"{Alias}: no target version. Set TargetVersion (ToVersion(\"12.4.0\")) or pass --directus-version.");
        DirectusVersion version;
        try
        {
            version = StrictVersion.Parse(target, "the target version (--directus-version, TargetVersion)");
        }
        catch (FormatException e)
        {
            throw new CakeException($"{Alias}: {e.Message}");
        }

        var env = settings.DirectusEnvFile is null ? null : ReadEnv(context, settings.DirectusEnvFile);
        return new UpgradeOptions
        {
            Connection = SettingsResolver.Connection(context, settings, Alias),
            DumpPath = SettingsResolver.SyncOptions(context, settings).DumpPath,
            TargetVersion = version,
            BackupRoot = SettingsResolver.Absolute(context, settings.BackupRoot ?? new DirectoryPath(".")),
            ReportPath = SettingsResolver.Absolute(context, settings.ReportPath ?? new FilePath("upgrade-report.md")),
            PushPending = settings.PushPending,
            PushConsent = settings.PushConsent,
            AcceptLicenceLoss = settings.AcceptLicenceLoss,
            AcceptNoDatabaseBackup = settings.AcceptNoDatabaseBackup,
            Licensed = settings.Licensed || env?.HasLicence == true,
            Database = settings.Database ?? env?.Database(),
            ReadyTimeout = settings.ReadyTimeout,
            Sync = settings.Options,
        };
    }

    /// <summary>The provider the settings name (exactly one of npm, docker compose, commands).</summary>
    public static IDirectusProvider Provider(ICakeContext context, DirectusUpgradeSettings settings, ICommandRunner runner)
    {
        var chosen = new object?[] { settings.Npm, settings.DockerCompose, settings.Commands }.Count(p => p is not null);
        if (chosen != 1)
        {
            throw new CakeException($"{Alias}: {(chosen == 0 ? "no" : "more than one")} provider. Choose one: UsingNpm(projectFolder), UsingDockerCompose(composeFile) or UsingCommands(…) (--upgrade-provider=npm|docker-compose|commands).");
        }

        if (settings.Npm is { } npm)
        {
            var project = SettingsResolver.Absolute(context, new DirectoryPath(npm.ProjectDirectory));
            if (!File.Exists(System.IO.Path.Combine(project, "package.json")))
            {
                throw new CakeException($"{Alias}: the npm project {project} has no package.json.");
            }

            return new NpmProvider(npm with { ProjectDirectory = project }, runner);
        }

        if (settings.DockerCompose is { } compose)
        {
            var file = SettingsResolver.Absolute(context, new FilePath(compose.ComposeFile));
            if (!File.Exists(file))
            {
                throw new CakeException($"{Alias}: the compose file {file} does not exist.");
            }

            return new DockerComposeProvider(compose with { ComposeFile = file }, runner);
        }

        var commands = settings.Commands!;
        if (commands.Stop is null || commands.Start is null)
        {
            throw new CakeException($"{Alias}: the commands provider needs at least a stop and a start command (--stop-command, --start-command).");
        }

        return new CommandsProvider(commands, runner);
    }

    private static DirectusEnvFile ReadEnv(ICakeContext context, FilePath file)
    {
        var path = SettingsResolver.Absolute(context, file);
        return File.Exists(path)
            ? DirectusEnvFile.Read(path)
            : throw new CakeException($"{Alias}: the Directus env file {path} does not exist.");
    }
}
