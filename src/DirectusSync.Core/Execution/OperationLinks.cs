using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Execution;

/// <summary>
/// Directus keeps <c>resolve</c> and <c>reject</c> of operations unique: two operations cannot point at the
/// same next step. Before an operation is given a target, whichever other operation holds it lets go
/// (one batch PATCH); its own update later sets the value the dump wants.
/// </summary>
internal sealed class OperationLinks
{
    private static readonly string[] Fields = ["resolve", "reject"];
    private readonly Dictionary<string, Dictionary<string, string?>> _current = new(StringComparer.Ordinal);
    private readonly DirectusClient _client;

    public OperationLinks(DirectusClient client, IEnumerable<JObject> liveOperations)
    {
        _client = client;
        foreach (var operation in liveOperations)
        {
            var id = operation["id"]!.ToString();
            _current[id] = Fields.ToDictionary(f => f, f => operation[f] is { Type: not JTokenType.Null } v ? v.ToString() : null);
        }
    }

    /// <summary>Frees every target that one of <paramref name="writes"/> is about to take.</summary>
    public async Task ReleaseAsync(IReadOnlyList<(string? LocalId, JObject Payload)> writes, CancellationToken cancellationToken)
    {
        foreach (var field in Fields)
        {
            var holders = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (localId, payload) in writes)
            {
                if (payload[field] is not { Type: not JTokenType.Null } wanted)
                {
                    continue;
                }

                foreach (var (holder, links) in _current)
                {
                    if (holder != localId && links[field] == wanted.ToString())
                    {
                        holders.Add(holder);
                    }
                }
            }

            if (holders.Count == 0)
            {
                continue;
            }

            await _client.PatchAsync("/operations", new JObject
            {
                ["keys"] = new JArray(holders.ToArray()),
                ["data"] = new JObject { [field] = null },
            }, cancellationToken).ConfigureAwait(false);
            foreach (var holder in holders)
            {
                _current[holder][field] = null;
            }
        }
    }

    /// <summary>Records what an operation now points at.</summary>
    public void Record(string localId, JObject payload)
    {
        if (!_current.TryGetValue(localId, out var links))
        {
            _current[localId] = links = Fields.ToDictionary(f => f, _ => (string?)null);
        }

        foreach (var field in Fields)
        {
            if (payload.TryGetValue(field, out var value))
            {
                links[field] = value.Type == JTokenType.Null ? null : value.ToString();
            }
        }
    }
}
