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
    /// <summary>The environment variable that holds the token when DirectusSyncTokenVariable is empty.</summary>
    public const string DefaultTokenVariable = "DIRECTUS_TOKEN";

    /// <summary>The reference's environment variable for the admin e-mail.</summary>
    public const string EmailVariable = "DIRECTUS_ADMIN_EMAIL";

    /// <summary>The reference's environment variable for the admin password.</summary>
    public const string PasswordVariable = "DIRECTUS_ADMIN_PASSWORD";

    /// <summary>
    /// Reads the settings. Secrets missing from <paramref name="inputs"/> come from <paramref name="environment"/>,
    /// so that by default they never become MSBuild properties or task parameters, which MSBuild itself logs
    /// at diagnostic verbosity and in binary logs.
    /// </summary>
    public static SettingsResult Read(SyncInputs inputs, Func<string, string?> environment)
    {
        var errors = new List<Diagnostic>();
        var url = ReadUrl(inputs.Url, errors);
        var (credentials, secrets) = ReadCredentials(inputs, environment, errors);
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
        return new SettingsResult(new TaskSettings(client, sync, secrets), errors);
    }

    private static Uri? ReadUrl(string? value, List<Diagnostic> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new Diagnostic(Messages.MissingUrl));
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add(new Diagnostic(Messages.InvalidUrl, value.Trim()));
            return null;
        }

        return url;
    }

    private static (DirectusCredentials? Credentials, IReadOnlyList<string> Secrets) ReadCredentials(
        SyncInputs inputs, Func<string, string?> environment, List<Diagnostic> errors)
    {
        var tokenVariable = string.IsNullOrWhiteSpace(inputs.TokenVariable) ? DefaultTokenVariable : inputs.TokenVariable.Trim();
        var token = NonBlank(inputs.Token) ?? NonBlank(environment(tokenVariable));
        if (token is not null)
        {
            return (DirectusCredentials.FromToken(token), [token]);
        }

        var email = NonBlank(inputs.Email) ?? NonBlank(environment(EmailVariable));
        var password = NonBlank(inputs.Password) ?? NonBlank(environment(PasswordVariable));
        switch (email, password)
        {
            case (not null, not null):
                return (DirectusCredentials.FromLogin(email, password), [password]);
            case (not null, null):
                errors.Add(new Diagnostic(Messages.IncompleteLogin, "the password"));
                break;
            case (null, not null):
                errors.Add(new Diagnostic(Messages.IncompleteLogin, "the e-mail"));
                break;
            default:
                errors.Add(new Diagnostic(Messages.MissingCredentials, tokenVariable));
                break;
        }

        return (null, password is null ? [] : [password]);
    }

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
            OnlyCollections = NameList.Split(inputs.OnlyCollections),
            ExcludeCollections = NameList.Split(inputs.ExcludeCollections),
            PreserveIds = NameList.Split(inputs.PreserveIds),
            Collections = inputs.Collections,
            Snapshot = inputs.Snapshot,
            Split = inputs.Split,
            Specs = inputs.Specs,
            SyncPolicyRoles = inputs.SyncPolicyRoles,
            SortJson = inputs.SortJson,
            Force = inputs.Force,
            MaxPushRetries = inputs.MaxPushRetries,
            Mode = mode ?? PushMode.Mirror,
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
