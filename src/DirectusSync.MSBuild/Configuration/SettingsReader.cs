using DirectusSync.Core.Model;
using DirectusSync.Core.Sync;
using DirectusSync.Core.Transport;
using DirectusSync.Core.Workflow;
using DirectusSync.MSBuild.Diagnostics;

namespace DirectusSync.MSBuild.Configuration;

/// <summary>
/// Turns what MSBuild passed into <see cref="TaskSettings"/>, checking everything that can be checked without
/// a request: the URL, the credentials, the collection names, the push mode.
/// </summary>
internal static class SettingsReader
{
    /// <summary>
    /// Reads the settings. Secrets missing from <paramref name="inputs"/> come from <paramref name="environment"/>,
    /// so that by default they never become MSBuild properties or task parameters, which MSBuild itself logs
    /// at diagnostic verbosity and in binary logs.
    /// </summary>
    public static SettingsResult Read(SyncInputs inputs, Func<string, string?> environment)
    {
        var errors = new List<Diagnostic>();
        var connection = ConnectionSettingsResolver.Resolve(
            SettingLayer.FromVariables(SettingSource.Environment, environment, tokenVariable: inputs.TokenVariable),
            SettingLayer.Of(SettingSource.Explicit)
                .With(ConnectionSettingName.Url, "DirectusSyncUrl", inputs.Url)
                .With(ConnectionSettingName.Token, "DirectusSyncToken", inputs.Token)
                .With(ConnectionSettingName.Email, "DirectusSyncEmail", inputs.Email)
                .With(ConnectionSettingName.Password, "DirectusSyncPassword", inputs.Password));
        errors.AddRange(connection.Problems.Select(p => ToDiagnostic(p, inputs.TokenVariable)));
        var url = connection.ParsedUrl;
        var credentials = connection.Credentials;
        var sync = ReadSyncOptions(inputs, errors);
        if (inputs.RequestTimeoutSeconds <= 0)
        {
            errors.Add(new Diagnostic(Messages.InvalidValue, "DirectusSyncRequestTimeout", inputs.RequestTimeoutSeconds, "a number of seconds above 0"));
        }

        if (errors.Count > 0 || url is null || credentials is null || sync is null)
        {
            return new SettingsResult(null, errors);
        }

        var client = new DirectusClientOptions
        {
            BaseUrl = url,
            Credentials = credentials,
            RequestTimeout = TimeSpan.FromSeconds(inputs.RequestTimeoutSeconds),
        };
        return new SettingsResult(new TaskSettings(client, sync, connection.Secrets) { Connection = connection }, errors);
    }

    private static Diagnostic ToDiagnostic(ConnectionProblem problem, string? tokenVariable) => problem.Kind switch
    {
        ConnectionProblemKind.MissingUrl => new Diagnostic(Messages.MissingUrl),
        ConnectionProblemKind.InvalidUrl => new Diagnostic(Messages.InvalidUrl, problem.Setting!.Value),
        ConnectionProblemKind.MissingPassword => new Diagnostic(Messages.IncompleteLogin, "the password"),
        ConnectionProblemKind.MissingEmail => new Diagnostic(Messages.IncompleteLogin, "the e-mail"),
        _ => new Diagnostic(Messages.MissingCredentials, ConnectionVariables.For(ConnectionSettingName.Token, tokenVariable)),
    };

    private static SyncOptions? ReadSyncOptions(SyncInputs inputs, List<Diagnostic> errors)
    {
        var mode = ReadMode(inputs.Mode, errors);
        if (inputs.MaxPushRetries < 0)
        {
            errors.Add(new Diagnostic(Messages.InvalidValue, "DirectusSyncMaxPushRetries", inputs.MaxPushRetries, "0 (unlimited) or more"));
        }

        var defaults = new SyncOptions();
        var options = new SyncOptions
        {
            DumpPath = string.IsNullOrWhiteSpace(inputs.DumpPath) ? Path.GetFullPath(defaults.DumpPath) : Path.GetFullPath(inputs.DumpPath.Trim()),
            CollectionsPath = NonBlank(inputs.CollectionsPath) ?? defaults.CollectionsPath,
            SnapshotPath = NonBlank(inputs.SnapshotPath) ?? defaults.SnapshotPath,
            SpecsPath = NonBlank(inputs.SpecsPath) ?? defaults.SpecsPath,
            OnlyCollections = ListSetting.Split(inputs.OnlyCollections),
            ExcludeCollections = ListSetting.Split(inputs.ExcludeCollections),
            PreserveIds = ListSetting.Split(inputs.PreserveIds),
            Collections = inputs.Collections,
            Snapshot = inputs.Snapshot,
            Split = inputs.Split,
            Specs = inputs.Specs,
            SyncPolicyRoles = inputs.SyncPolicyRoles,
            SortJson = inputs.SortJson,
            ClearSystemCache = inputs.ClearSystemCache,
            Force = inputs.Force,
            MaxPushRetries = inputs.MaxPushRetries,
            Mode = mode ?? PushMode.Mirror,
            IdMaps = ReadIdMaps(inputs.IdMaps, errors),
        };

        // The core checks the names when a run starts; checked here, a typo fails before any request.
        foreach (var check in new Action[] { () => options.SelectedCollections(), () => options.PreservedCollections() })
        {
            try
            {
                check();
            }
            catch (SyncOptionsException e)
            {
                errors.Add(new Diagnostic(Messages.InvalidCollections, PropertyFor(e.Option), e.Message));
            }
        }

        return mode is null ? null : options;
    }

    private static IdMapMode ReadIdMaps(string? value, List<Diagnostic> errors)
    {
        if (!IdMapModeParser.TryParse(value, out var mode))
        {
            errors.Add(new Diagnostic(Messages.InvalidValue, "DirectusSyncIdMaps", value!, string.Join(", ", IdMapModeParser.Names)));
        }

        return mode;
    }

    private static PushMode? ReadMode(string? value, List<Diagnostic> errors)
    {
        if (PushModeParser.TryParse(value, out var mode))
        {
            return mode;
        }

        errors.Add(new Diagnostic(Messages.InvalidValue, "DirectusSyncMode", value!, string.Join(", ", PushModeParser.Names)));
        return null;
    }

    /// <summary>The MSBuild property behind a CLI flag named by the core.</summary>
    public static string PropertyFor(string option) => option switch
    {
        "--only-collections" => "DirectusSyncOnlyCollections",
        "--exclude-collections" => "DirectusSyncExcludeCollections",
        "--preserve-ids" => "DirectusSyncPreserveIds",
        "--max-push-retries" => "DirectusSyncMaxPushRetries",
        "--dump-path" => "DirectusSyncDumpPath",
        _ => option,
    };

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
