using DirectusSync.Core.Plan;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Model;

/// <summary>
/// What one tracked collection does differently from the plain rules (its label, normalisation, write and
/// batch-import quirks, natural key, default rows, steps of its own in a plan). The plain rules are the defaults
/// here; each collection is declared in its own file under <c>Model/Collections/</c>, and one with quirks is a
/// subclass there, so the sync code asks the definition instead of naming the collection, and a new collection is
/// one new file (plus its place in <see cref="SystemCollections.All"/>).
/// </summary>
public class CollectionBehavior
{
    /// <summary>Only subclasses and <see cref="Plain"/>: a behaviour is declared once per collection.</summary>
    protected CollectionBehavior()
    {
    }

    /// <summary>The plain rules, for collections without quirks.</summary>
    public static CollectionBehavior Plain { get; } = new();

    /// <summary>
    /// The short name people know an item by (unescaped, not shortened), or null when it has none.
    /// Plain: its name, else its key, else its collection.
    /// </summary>
    public virtual string? Label(JObject item) => Text(item, "name") ?? Text(item, "key") ?? Text(item, "collection");

    /// <summary>
    /// Normalises an item (ignored fields already removed, relations not yet mapped) into the form a dump holds.
    /// Plain: nothing to do.
    /// </summary>
    /// <param name="item">The item, changed in place.</param>
    /// <param name="syncPolicyRoles">False when policies' role attachments are not synced.</param>
    public virtual void Normalize(JObject item, bool syncPolicyRoles)
    {
    }

    /// <summary>
    /// How one field of a wanted item compares with the target's, when this collection has a rule of its own
    /// for it; null when the field compares plainly (as JSON, a field the target lacks is not kept).
    /// </summary>
    public virtual FieldComparison? CompareField(string field, JToken wanted, JToken? current, bool syncPolicyRoles) => null;

    /// <summary>The item a create sends, a copy of the dump's; what it leaves out is added to <paramref name="notKept"/>. Plain: all of it.</summary>
    public virtual JObject ForCreate(JObject item, bool syncPolicyRoles, ICollection<NotKeptKey> notKept)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (JObject)item.DeepClone();
    }

    /// <summary>The writes one planned update becomes, in order (a write Directus would refuse is split). Plain: itself.</summary>
    public virtual IEnumerable<UpdateItem> SplitUpdate(UpdateItem update)
    {
        yield return update;
    }

    /// <summary>
    /// An update completed against the target's items once every id map of the plan is known (nested rows it
    /// writes). Plain: as it is.
    /// </summary>
    /// <param name="update">An update of this collection.</param>
    /// <param name="live">This collection on the target.</param>
    /// <param name="plannedSyncId">(table, local id) → sync id, the plan's new id maps included.</param>
    public virtual UpdateItem CompleteUpdate(UpdateItem update, LiveCollection live, Func<string, string, string?> plannedSyncId) => update;

    /// <summary>Steps of its own the collection adds to one plan, given its items on the target; null when none. Plain: null.</summary>
    /// <param name="live">This collection on the target.</param>
    /// <param name="planned">Ids as the target will have them once the plan's id maps exist.</param>
    public virtual CollectionSteps? PlanSteps(LiveCollection live, PlannedIds planned) => null;

    /// <summary>
    /// Whether one Directus batch import (<c>POST /utils/import</c>) may carry this update; when one update of a
    /// collection may not, all of that collection's updates go through REST, in plan order. Plain: yes.
    /// </summary>
    public virtual bool MayImport(UpdateItem update) => true;

    /// <summary>
    /// Updates are written one at a time, in plan order, because each relies on the one before (plain: items in
    /// parallel, the writes of one item in order).
    /// </summary>
    public virtual bool WritesUpdatesInOrder => false;

    /// <summary>
    /// What tells apart the items of an integer-keyed collection, whose ids differ per instance (the parts of its
    /// natural key, the collection's name aside); null when items are known by their id. Plain: null.
    /// </summary>
    /// <param name="related">(field, target table) → the sync id the relation field points at (or its raw value), null when unset.</param>
    /// <param name="text">field → its value as text, null when unset.</param>
    public virtual IReadOnlyList<string?>? NaturalKey(Func<string, string, string?> related, Func<string, string?> text) => null;

    /// <summary>
    /// The rows of this collection every instance is born with, met through a placeholder sync id instead of an id
    /// map: (placeholder, the row's id on this instance) for each one the instance has. Plain: none.
    /// </summary>
    public virtual IEnumerable<(string SyncId, string LocalId)> DefaultRows(PlaceholderTargets targets) => [];

    /// <summary>
    /// The field that holds the access rows an update's <see cref="UpdateItem.Access"/> writes (a policy's
    /// <c>roles</c>), or null when the collection has none. Plain: null.
    /// </summary>
    public virtual string? AccessRowsField => null;

    /// <summary>A non-empty string field of <paramref name="item"/>, or null.</summary>
    protected static string? Text(JObject item, string key)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item[key] is JValue { Type: JTokenType.String } v && v.Value<string>() is { Length: > 0 } s ? s : null;
    }
}
