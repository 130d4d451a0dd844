using System.Text;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Core.Storage;

/// <summary>
/// The API specifications pulled for reference (<c>item.graphql</c>, <c>system.graphql</c>,
/// <c>openapi.json</c>). Nothing reads them back. Each file is replaced on its own; the folder is never
/// wiped, so files a user keeps next to them survive a pull.
/// </summary>
public sealed class SpecsStore
{
    /// <summary>The file of the items' GraphQL SDL (<c>GET /server/specs/graphql</c>).</summary>
    public const string ItemGraphqlFileName = "item.graphql";

    /// <summary>The file of the system GraphQL SDL (<c>GET /server/specs/graphql/system</c>).</summary>
    public const string SystemGraphqlFileName = "system.graphql";

    /// <summary>The file of the OpenAPI specification (<c>GET /server/specs/oas</c>).</summary>
    public const string OpenApiFileName = "openapi.json";

    // Node's writeFileSync writes a string as UTF-8 without a BOM and replaces lone surrogates.
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly DumpLayout _layout;

    /// <summary>Creates the store.</summary>
    /// <param name="layout">Where the dump lives.</param>
    public SpecsStore(DumpLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _layout = layout;
    }

    /// <summary>Writes the items' GraphQL SDL exactly as Directus sent it (no newline is added).</summary>
    /// <param name="sdl">The SDL text.</param>
    public void WriteItemGraphql(string sdl) => WriteText(ItemGraphqlFileName, sdl);

    /// <summary>Writes the system GraphQL SDL exactly as Directus sent it (no newline is added).</summary>
    /// <param name="sdl">The SDL text.</param>
    public void WriteSystemGraphql(string sdl) => WriteText(SystemGraphqlFileName, sdl);

    /// <summary>
    /// Writes the OpenAPI specification as <see cref="DumpJson"/> does, never key-sorted: directus-sync
    /// leaves it out of <c>--sort-json</c>.
    /// </summary>
    /// <param name="openApi">The specification.</param>
    public void WriteOpenApi(JToken openApi)
    {
        ArgumentNullException.ThrowIfNull(openApi);
        DumpJson.Write(Path.Combine(_layout.SpecsDirectory, OpenApiFileName), openApi, sortKeys: false);
    }

    private void WriteText(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var directory = _layout.SpecsDirectory;
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, fileName), text, Utf8NoBom);
    }
}
