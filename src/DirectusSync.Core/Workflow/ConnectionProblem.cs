namespace DirectusSync.Core.Workflow;

/// <summary>A problem of connection settings, with the setting at fault (its origin, never a secret value).</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Setting">The setting involved: the invalid URL, or the half of a login that is set; null when nothing is set.</param>
public sealed record ConnectionProblem(ConnectionProblemKind Kind, SettingValue? Setting)
{
    /// <summary>A message in neutral terms (front ends usually add how to set the value in their own terms).</summary>
    public string Message => Kind switch
    {
        ConnectionProblemKind.MissingUrl => "No Directus URL is set.",
        ConnectionProblemKind.InvalidUrl => $"'{Setting?.Value}' (from {Setting?.Origin}) is not an http(s) URL.",
        ConnectionProblemKind.MissingCredentials => "No Directus credentials are set (a token, or an admin e-mail and password).",
        ConnectionProblemKind.MissingEmail => $"A Directus login needs an e-mail: only the password is set (from {Setting?.Origin}).",
        ConnectionProblemKind.MissingPassword => $"A Directus login needs a password: only the e-mail is set (from {Setting?.Origin}).",
        _ => Kind.ToString(),
    };
}
