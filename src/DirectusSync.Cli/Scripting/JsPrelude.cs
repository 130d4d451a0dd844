namespace DirectusSync.Cli.Scripting;

/// <summary>
/// The Node.js surface a directus-sync config file may touch, written in JavaScript: <c>process.env</c>,
/// <c>console</c>, a <c>require</c> that explains why npm packages are unavailable, and the hooks' client
/// argument, which explains on first use why there is no Directus SDK client.
/// </summary>
internal static class JsPrelude
{
    /// <summary>The script; it expects <c>__dsEnv</c>, <c>__dsCwd</c>, <c>__dsPlatform</c> and <c>__dsLog</c>.</summary>
    public const string Source = """
        var process = {
          env: __dsEnv,
          cwd: function () { return __dsCwd; },
          platform: __dsPlatform,
          argv: [],
          versions: {},
        };
        var console = (function () {
          function text(args) {
            return Array.prototype.map.call(args, function (a) {
              if (typeof a === 'string') return a;
              try { var s = JSON.stringify(a); return s === undefined ? String(a) : s; } catch (e) { return String(a); }
            }).join(' ');
          }
          return {
            log: function () { __dsLog('info', text(arguments)); },
            info: function () { __dsLog('info', text(arguments)); },
            debug: function () { __dsLog('debug', text(arguments)); },
            warn: function () { __dsLog('warn', text(arguments)); },
            error: function () { __dsLog('error', text(arguments)); },
          };
        })();
        var __dsClient = new Proxy({}, {
          get: function (target, property) {
            if (typeof property === 'symbol' || property === 'then' || property === 'toJSON') return undefined;
            throw new Error('client.' + String(property) + ' is not available: DirectusSync passes no Directus SDK client to hooks; a hook can only transform the data it receives and return it.');
          },
        });
        function __dsRequire(name) {
          throw new Error("require('" + name + "') is not available: DirectusSync runs config files in an embedded JavaScript engine, without Node.js modules or npm packages (share settings between files with \"extends\").");
        }
        """;
}
