using DirectusSync.Core.Plan;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Diff;

/// <summary>
/// Directus keeps <c>resolve</c> and <c>reject</c> of operations unique: two operations cannot point at the same
/// next step. Follows what every operation points at while the plan's creates and updates run, and plans a
/// <see cref="ReleaseOperationLink"/> wherever a write would take a next step another operation still holds.
/// Updates are ordered so that an operation whose own update moves it off a next step goes first: only a cycle
/// (two operations swapping their next steps) costs a release. Pure.
/// </summary>
internal sealed class OperationLinkPlanner
{
    private static readonly string[] Fields = ["resolve", "reject"];

    // Operations by key (sync id, or the target's id when untracked) → what each field points at (keys too).
    private readonly Dictionary<string, Dictionary<string, string?>> _current = new(StringComparer.Ordinal);

    private readonly string _collection;

    // Key → the id on the target (null for operations this push creates).
    private readonly Dictionary<string, string?> _localIds = new(StringComparer.Ordinal);

    /// <summary>Starts from the target's operations; <paramref name="syncIdOf"/> gives the sync id of an operation's id.</summary>
    /// <param name="collection">The operations' collection (its short name, as the plan's steps name it).</param>
    /// <param name="liveOperations">The target's operations.</param>
    /// <param name="syncIdOf">Local id → sync id, or null when untracked.</param>
    public OperationLinkPlanner(string collection, IEnumerable<JObject> liveOperations, Func<string, string?> syncIdOf)
    {
        _collection = collection;
        string KeyOf(string localId) => syncIdOf(localId) ?? localId;
        foreach (var operation in liveOperations)
        {
            var id = operation["id"]!.ToString();
            var key = KeyOf(id);
            _localIds[key] = id;
            _current[key] = Fields.ToDictionary(f => f, f => operation[f] is { Type: not JTokenType.Null } v ? KeyOf(v.ToString()) : null);
        }
    }

    /// <summary>
    /// The releases that must run before <paramref name="creates"/> (operations, in plan order): every operation of
    /// the target holding a next step that one of them takes lets go.
    /// </summary>
    public List<ReleaseOperationLink> BeforeCreates(IEnumerable<CreateItem> creates)
    {
        var releases = new List<ReleaseOperationLink>();
        foreach (var create in creates)
        {
            foreach (var (holder, field) in Holders(create.SyncId, create.Item).Where(h => _localIds[h.Holder] is not null))
            {
                releases.Add(Release(holder, field, create.SyncId, beforeUpdate: false,
                    $"release {field} of operation {holder} before creating operation {create.SyncId}, which takes that next step ({create.Item[field]})"));
            }

            _localIds[create.SyncId] = null;
            Record(create.SyncId, create.Item);
        }

        return releases;
    }

    /// <summary>
    /// The updates of operations in an order that works, in waves: an update goes once no other operation holds the
    /// next steps it takes. When every remaining update waits on another (a cycle), the holders of one update's next
    /// steps let go first (preferably of an update whose holders are not updated at all).
    /// </summary>
    public List<PlanOperation> Order(IEnumerable<UpdateItem> updates, bool beforeUpdate)
    {
        var result = new List<PlanOperation>();
        var pending = updates.ToList();
        while (pending.Count > 0)
        {
            var wave = pending.Where(u => Holders(u.SyncId, u.Changes).Count == 0).ToList();
            if (wave.Count == 0)
            {
                var moving = pending.Select(u => u.SyncId).ToHashSet(StringComparer.Ordinal);
                var next = pending.FirstOrDefault(u => Holders(u.SyncId, u.Changes).All(h => !moving.Contains(h.Holder))) ?? pending[0];
                foreach (var (holder, field) in Holders(next.SyncId, next.Changes))
                {
                    result.Add(Release(holder, field, next.SyncId, beforeUpdate,
                        $"release {field} of operation {holder} before updating operation {next.SyncId}, which takes that next step ({next.Changes[field]})"));
                }

                wave = [next];
            }

            foreach (var update in wave)
            {
                result.Add(update);
                if (!_current.ContainsKey(update.SyncId))
                {
                    _localIds[update.SyncId] = update.LocalId;
                }

                Record(update.SyncId, update.Changes);
                pending.Remove(update);
            }
        }

        return result;
    }

    private ReleaseOperationLink Release(string holder, string field, string takenBy, bool beforeUpdate, string reason)
    {
        _current[holder][field] = null;
        return new ReleaseOperationLink(_collection, holder, _localIds.GetValueOrDefault(holder), field, takenBy, beforeUpdate, reason);
    }

    /// <summary>The other operations that now hold a next step <paramref name="item"/> takes, field by field.</summary>
    private List<(string Holder, string Field)> Holders(string key, JObject item) =>
        [.. Fields.Where(field => item[field] is { Type: not JTokenType.Null })
            .SelectMany(field => _current
                .Where(c => c.Key != key && c.Value[field] == item[field]!.ToString())
                .Select(c => (c.Key, field)))];

    private void Record(string key, JObject item)
    {
        if (!_current.TryGetValue(key, out var links))
        {
            _current[key] = links = Fields.ToDictionary(f => f, _ => (string?)null);
        }

        foreach (var field in Fields)
        {
            if (item.TryGetValue(field, out var value))
            {
                links[field] = value.Type == JTokenType.Null ? null : value.ToString();
            }
        }
    }
}
