namespace DirectusSync.Core.Workflow;

/// <summary>
/// Resolves the connection settings of every front end with one rule: for each setting the highest source
/// that sets it wins, in the order explicit (flags, MSBuild properties, Cake settings) &gt; process environment
/// &gt; <c>.env</c> &gt; config file &gt; defaults — the reference CLI's order (defaults &lt; file &lt; env/flags)
/// with dotenv's rule that <c>.env</c> never overrides a variable already set. A token, wherever it came from,
/// wins over a login (the reference's rule).
/// </summary>
public static class ConnectionSettingsResolver
{
    /// <summary>Resolves <paramref name="layers"/>, in any order: a layer's <see cref="SettingLayer.Source"/> gives its rank; among layers of one source, the later wins.</summary>
    public static ConnectionSettings Resolve(IEnumerable<SettingLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var resolved = new Dictionary<ConnectionSettingName, SettingValue>();
        foreach (var layer in layers.Select((layer, index) => (layer, index)).OrderBy(l => l.layer.Source).ThenBy(l => l.index).Select(l => l.layer))
        {
            foreach (var (setting, value) in layer.Values)
            {
                resolved[setting] = value;
            }
        }

        return new ConnectionSettings
        {
            Url = resolved.GetValueOrDefault(ConnectionSettingName.Url),
            Token = resolved.GetValueOrDefault(ConnectionSettingName.Token),
            Email = resolved.GetValueOrDefault(ConnectionSettingName.Email),
            Password = resolved.GetValueOrDefault(ConnectionSettingName.Password),
        };
    }

    /// <summary>Resolves the given layers (see <see cref="Resolve(IEnumerable{SettingLayer})"/>).</summary>
    public static ConnectionSettings Resolve(params SettingLayer[] layers) => Resolve((IEnumerable<SettingLayer>)layers);
}
