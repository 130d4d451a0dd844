using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Model;

/// <summary>
/// Where an id of another tracked item sits inside an item: a top-level field (<c>parent</c>), a nested
/// field (<c>options.flow</c>), or a field of each element of an array (<c>roles[].role</c>).
/// </summary>
public sealed record RelationPath
{
    private RelationPath(string text, string targetCollection, IReadOnlyList<string> segments)
    {
        Text = text;
        TargetCollection = targetCollection;
        Segments = segments;
    }

    /// <summary>The path as declared, e.g. <c>roles[].role</c>.</summary>
    public string Text { get; }

    /// <summary>The tracked collection the id belongs to.</summary>
    public string TargetCollection { get; }

    /// <summary>The path's segments; <c>[]</c> after a name means "each element of that array".</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>The top-level field that holds the relation.</summary>
    public string TopLevelField => Segments[0].TrimEnd('[', ']');

    /// <summary>Parses a dotted path.</summary>
    public static RelationPath Parse(string text, string targetCollection) =>
        new(text, targetCollection, text.Split('.'));

    /// <summary>
    /// Visits every id value at this path in <paramref name="item"/>; <paramref name="replace"/> returns
    /// the new value (or the same token to keep it). Nulls and absent values are skipped.
    /// </summary>
    public void Rewrite(JObject item, Func<JValue, JToken> replace) => Visit(item, 0, replace);

    /// <summary>Every id value at this path (nulls and absent values skipped).</summary>
    public IEnumerable<JValue> Values(JObject item)
    {
        var found = new List<JValue>();
        Visit(item, 0, value =>
        {
            found.Add(value);
            return value;
        });
        return found;
    }

    private void Visit(JToken? node, int index, Func<JValue, JToken> replace)
    {
        if (node is not JObject obj)
        {
            return;
        }

        var segment = Segments[index];
        var isArray = segment.EndsWith("[]", StringComparison.Ordinal);
        var name = isArray ? segment[..^2] : segment;
        var child = obj[name];
        if (child is null || child.Type == JTokenType.Null)
        {
            return;
        }

        if (isArray)
        {
            if (child is JArray array)
            {
                foreach (var element in array)
                {
                    Visit(element, index + 1, replace);
                }
            }

            return;
        }

        if (index < Segments.Count - 1)
        {
            Visit(child, index + 1, replace);
            return;
        }

        if (child is JArray ids)
        {
            // Arrays of ids are mapped element-wise, as the reference does.
            for (var i = 0; i < ids.Count; i++)
            {
                if (ids[i] is JValue { Type: not JTokenType.Null } element)
                {
                    ids[i] = replace(element);
                }
            }
        }
        else if (child is JValue value)
        {
            obj[name] = replace(value);
        }
    }
}
