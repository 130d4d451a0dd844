using DirectusSync.Cli.Scripting;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Configuration;

/// <summary>A config file with its <c>extends</c> parents merged in.</summary>
/// <param name="Path">The file that was loaded (absolute).</param>
/// <param name="Values">The merged values, with hook functions as <see cref="HookReference"/> markers.</param>
/// <param name="Scripts">The engine that holds the hook functions, or null when no JavaScript file was loaded.</param>
internal sealed record LoadedConfig(string Path, JObject Values, JsConfigHost? Scripts);
