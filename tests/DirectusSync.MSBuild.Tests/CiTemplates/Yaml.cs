using DirectusSync.MSBuild.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace DirectusSync.MSBuild.Tests.CiTemplates;

/// <summary>The CI templates as YAML trees.</summary>
public static class Yaml
{
    /// <summary>Every YAML file under ci/, relative to the root.</summary>
    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(RepositoryFiles.PathOf("ci"), "*.yml", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(RepositoryFiles.Root, f));

    /// <summary>Loads one file (it must hold one document).</summary>
    public static YamlMappingNode Load(params string[] path)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(RepositoryFiles.Read(path));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    /// <summary>A child mapping.</summary>
    public static YamlMappingNode Map(this YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];

    /// <summary>A child sequence.</summary>
    public static YamlSequenceNode Seq(this YamlNode node, string key) => (YamlSequenceNode)((YamlMappingNode)node)[key];

    /// <summary>A child scalar's value, or null.</summary>
    public static string? Text(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (child as YamlScalarNode)?.Value : null;

    /// <summary>True when the mapping has the key.</summary>
    public static bool Has(this YamlNode node, string key) => node is YamlMappingNode map && map.Children.ContainsKey(new YamlScalarNode(key));

    /// <summary>The keys of a mapping.</summary>
    public static IEnumerable<string> Keys(this YamlMappingNode node) => node.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    /// <summary>A mapping's scalar entries.</summary>
    public static IReadOnlyDictionary<string, string> Scalars(this YamlMappingNode node) =>
        node.Children.Where(c => c.Value is YamlScalarNode).ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value ?? string.Empty);

    /// <summary>Every node under this one (depth first).</summary>
    public static IEnumerable<YamlNode> Descendants(this YamlNode node) => node.AllNodes;
}
