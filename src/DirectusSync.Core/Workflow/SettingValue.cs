namespace DirectusSync.Core.Workflow;

/// <summary>
/// A resolved setting and where it came from. <see cref="ToString"/> and <see cref="Origin"/> name the source
/// only, never the value, so they are safe in any message (a token's origin, not the token).
/// </summary>
/// <param name="Value">The value (possibly a secret: never put it in a message).</param>
/// <param name="Source">The kind of source.</param>
/// <param name="Name">The name the user wrote: a flag (<c>--directus-token</c>), a property, a variable, a file key.</param>
/// <param name="Location">The file it was read from, for config files and <c>.env</c>; otherwise null.</param>
public sealed record SettingValue(string Value, SettingSource Source, string Name, string? Location = null)
{
    /// <summary>Where the value came from, as the user would look for it, e.g. "DIRECTUS_TOKEN from .env".</summary>
    public string Origin => Source switch
    {
        SettingSource.DotEnvFile => $"{Name} from {Location ?? ".env"}",
        SettingSource.ConfigFile => Location is null ? Name : $"{Name} in {Location}",
        SettingSource.Default => "the defaults",
        _ => Name,
    };

    /// <inheritdoc />
    public override string ToString() => Origin;
}
