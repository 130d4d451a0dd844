using DirectusSync.Core.Transport;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Execution;

/// <summary>
/// Directus keeps <c>resolve</c> and <c>reject</c> of operations unique: two operations cannot point at the
/// same next step. Before an operation is given a target, whichever other operation holds it lets go
/// (one batch PATCH); its own update later sets the value the dump wants. Updates are ordered so that an
/// operation whose own update moves it off a target goes first: only a cycle costs an extra write.
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

    /// <summary>
    /// Runs <paramref name="writes"/> in waves: a write goes once no other operation holds the targets it
    /// takes. When every remaining write waits on another (a cycle, e.g. two operations swapping their next
    /// step), the holders of the first one's targets let go, and that one goes.
    /// </summary>
    public async Task WriteInOrderAsync(
        IReadOnlyList<(string LocalId, JObject Payload)> writes,
        Func<IReadOnlyList<(string LocalId, JObject Payload)>, Task> writeWave,
        CancellationToken cancellationToken)
    {
        var pending = writes.ToList();
        while (pending.Count > 0)
        {
            var wave = pending.Where(w => Holders(w.LocalId, w.Payload).Count == 0).ToList();
            if (wave.Count == 0)
            {
                // Stuck. Holders that are not written at all must let go anyway; release one such write's
                // first. Only a cycle among the writes themselves makes a holder let go early.
                var moving = pending.Select(w => w.LocalId).ToHashSet(StringComparer.Ordinal);
                var next = pending.FirstOrDefault(w => Holders(w.LocalId, w.Payload).All(h => !moving.Contains(h)));
                if (next == default)
                {
                    next = pending[0];
                }

                await ReleaseAsync([(next.LocalId, next.Payload)], cancellationToken).ConfigureAwait(false);
                wave = [next];
            }

            await writeWave(wave).ConfigureAwait(false);
            foreach (var write in wave)
            {
                Record(write.LocalId, write.Payload);
                pending.Remove(write);
            }
        }
    }

    /// <summary>The other operations that now hold a target this payload takes.</summary>
    private List<string> Holders(string localId, JObject payload) =>
        Fields.Where(field => payload[field] is { Type: not JTokenType.Null })
            .SelectMany(field => _current.Where(c => c.Key != localId && c.Value[field] == payload[field]!.ToString()).Select(c => c.Key))
            .ToList();

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
