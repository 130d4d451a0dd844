using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Workflow;

/// <summary>
/// The one place that decides what is secret, for every front end. Two rules:
/// <list type="bullet">
/// <item>the secrets in use (the token, the password: see <see cref="Add"/>) are replaced by <c>***</c> in any
/// text written, as a last line of defence for messages that might echo them (a server error, a parse error);</item>
/// <item>values shown from a dump or a server (<see cref="Mask"/>) are masked under every key that looks secret
/// (<see cref="IsSecretKey"/>), at any depth, and so is the value of a <c>{ "header": "Authorization", "value": … }</c>
/// pair such as a webhook operation's headers.</item>
/// </list>
/// </summary>
public sealed partial class SecretRedactor
{
    /// <summary>What a secret is replaced by.</summary>
    public const string Mask = "***";

    /// <summary>Secrets shorter than this are not masked in text: masking "abc" everywhere would mangle it.</summary>
    public const int MinimumLength = 4;

    // Compared with the key lower-cased and stripped of separators: "X-Api-Key", "api_key" and "apiKey" match "apikey".
    private static readonly string[] SecretKeyParts =
    [
        "token", "secret", "password", "passwd", "passphrase", "pwd", "authorization", "authentication", "credential",
        "cookie", "header", "apikey", "accesskey", "privatekey", "signingkey", "clientkey", "sessionid", "bearer", "jwt",
        "connectionstring", "salt",
    ];

    // Keys ending in "key" that name nothing secret (a bare "key" is an operation's or translation's name).
    private static readonly string[] PlainKeys = ["key", "primarykey", "isprimarykey", "foreignkey", "sortkey"];

    // Properties of an object that name the value next to them: { "header": "Authorization", "value": "Bearer …" }.
    private static readonly string[] NameProperties = ["header", "name", "key"];

    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private string[] _ordered = [];

    /// <summary>A redactor that knows <paramref name="secrets"/> (null and short values are ignored).</summary>
    public SecretRedactor(IEnumerable<string?>? secrets = null)
    {
        foreach (var secret in secrets ?? [])
        {
            Add(secret);
        }
    }

    /// <summary>Adds a secret in use (null and values shorter than <see cref="MinimumLength"/> are ignored).</summary>
    public void Add(string? secret)
    {
        if (secret is null || secret.Trim().Length < MinimumLength)
        {
            return;
        }

        lock (_gate)
        {
            var added = _secrets.Add(secret) | _secrets.Add(secret.Trim()) | _secrets.Add(Uri.EscapeDataString(secret));
            if (added)
            {
                // Longest first, so a secret that contains another is masked whole.
                _ordered = [.. _secrets.OrderByDescending(s => s.Length)];
            }
        }
    }

    /// <summary>The text with every secret in use masked.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var secrets = Volatile.Read(ref _ordered);
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>
    /// True when a key names something secret: token, secret, password, authorization, header(s), cookie,
    /// api key, credentials, … in any case and spelling (<c>access_token</c>, <c>X-Api-Key</c>, <c>clientSecret</c>), and any other <c>…key</c> (<c>mapbox_key</c>)
    /// but a bare <c>key</c>.
    /// </summary>
    public static bool IsSecretKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var normalised = new string([.. key.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
        return SecretKeyParts.Any(part => normalised.Contains(part, StringComparison.Ordinal))
            || (normalised.EndsWith("key", StringComparison.Ordinal) && !PlainKeys.Contains(normalised, StringComparer.Ordinal));
    }

    /// <summary>
    /// A copy of <paramref name="value"/> with the value under every secret-looking key replaced by
    /// <see cref="Mask"/> (the key stays: names are shown, values are not), nested objects and arrays included.
    /// A string that is a credential itself (<c>Bearer …</c>, <c>Basic …</c>) is masked wherever it is.
    /// </summary>
    public static JToken MaskValues(JToken value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var copy = value.DeepClone();
        return MaskInPlace(copy);
    }

    private static JToken MaskInPlace(JToken token)
    {
        switch (token)
        {
            case JObject item:
                var secretValue = IsNamedSecret(item);
                var deepDiffOfSecret = item["path"] is JArray path && path.Any(p => p.Type == JTokenType.String && IsSecretKey(p.Value<string>()));
                foreach (var property in item.Properties().ToList())
                {
                    var secret = IsSecretKey(property.Name)
                        || (secretValue && property.Name.Equals("value", StringComparison.OrdinalIgnoreCase))
                        || (deepDiffOfSecret && property.Name is "lhs" or "rhs" or "item");
                    property.Value = secret && !IsEmpty(property.Value) ? new JValue(Mask) : MaskInPlace(property.Value);
                }

                return item;
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = MaskInPlace(array[i]);
                }

                return array;
            case JValue { Type: JTokenType.String } text when LooksLikeCredential(text.Value<string>()!):
                return new JValue(Mask);
            default:
                return token;
        }
    }

    // Whether a value exists is not secret; what it is, is.
    private static bool IsEmpty(JToken value) =>
        value.Type is JTokenType.Null or JTokenType.Undefined || (value.Type == JTokenType.String && value.Value<string>() == string.Empty);

    private static bool IsNamedSecret(JObject item) =>
        NameProperties.Any(name => item.Property(name, StringComparison.OrdinalIgnoreCase)?.Value is JValue { Type: JTokenType.String } named
            && IsSecretKey(named.Value<string>()));

    private static bool LooksLikeCredential(string text) => CredentialPattern().IsMatch(text);

    [GeneratedRegex(@"^\s*(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]+\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CredentialPattern();
}
