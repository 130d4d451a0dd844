namespace DirectusSync.Core.Workflow;

/// <summary>
/// One source of connection settings (the flags, the environment, a <c>.env</c> file, a config file), with the
/// name each value goes by in that source, so a message can say where a value came from.
/// </summary>
public sealed class SettingLayer
{
    private readonly Dictionary<ConnectionSettingName, SettingValue> _values;

    private SettingLayer(SettingSource source, string? location, Dictionary<ConnectionSettingName, SettingValue> values)
    {
        Source = source;
        Location = location;
        _values = values;
    }

    /// <summary>The kind of source.</summary>
    public SettingSource Source { get; }

    /// <summary>The file, for config files and <c>.env</c>.</summary>
    public string? Location { get; }

    /// <summary>The values this layer sets (blank values are not set).</summary>
    public IReadOnlyDictionary<ConnectionSettingName, SettingValue> Values => _values;

    /// <summary>An empty layer of <paramref name="source"/>; add values with <see cref="With"/>.</summary>
    public static SettingLayer Of(SettingSource source, string? location = null) => new(source, location, []);

    /// <summary>
    /// The four variables read through <paramref name="lookup"/> (the process environment, or a parsed <c>.env</c>
    /// file when <paramref name="source"/> is <see cref="SettingSource.DotEnvFile"/>).
    /// </summary>
    /// <param name="source">Environment or DotEnvFile.</param>
    /// <param name="lookup">A variable's value, or null.</param>
    /// <param name="location">The .env file, as the user would name it.</param>
    /// <param name="tokenVariable">Another variable than DIRECTUS_TOKEN for the token (MSBuild's DirectusSyncTokenVariable).</param>
    public static SettingLayer FromVariables(SettingSource source, Func<string, string?> lookup, string? location = null, string? tokenVariable = null)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var layer = Of(source, location);
        foreach (var setting in Enum.GetValues<ConnectionSettingName>())
        {
            var variable = ConnectionVariables.For(setting, tokenVariable);
            layer = layer.With(setting, variable, lookup(variable));
        }

        return layer;
    }

    /// <summary>This layer with <paramref name="setting"/> set to <paramref name="value"/> under <paramref name="name"/>; a blank value leaves it unset.</summary>
    public SettingLayer With(ConnectionSettingName setting, string name, string? value)
    {
        var values = new Dictionary<ConnectionSettingName, SettingValue>(_values);
        if (string.IsNullOrWhiteSpace(value))
        {
            values.Remove(setting);
        }
        else
        {
            values[setting] = new SettingValue(Normalize(setting, value), Source, name, Location);
        }

        return new SettingLayer(Source, Location, values);
    }

    // A URL, a token or an e-mail cannot hold surrounding blanks (an MSBuild property or a .env line often
    // does); a password can, so it is kept as written.
    private static string Normalize(ConnectionSettingName setting, string value) =>
        setting == ConnectionSettingName.Password ? value : value.Trim();
}
