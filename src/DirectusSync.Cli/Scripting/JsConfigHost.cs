using DirectusSync.Cli.Configuration;
using DirectusSync.Core.Logging;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Native.Object;
using Jint.Runtime;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DirectusSync.Cli.Scripting;

/// <summary>
/// Runs CommonJS config files (<c>module.exports = {…}</c>) in the embedded Jint engine and calls their hook
/// functions. Values cross the boundary as JSON, so hooks see and return plain data, exactly as with the
/// reference. One engine serves every file of a run; it is not thread-safe, so calls are serialised.
/// </summary>
internal sealed class JsConfigHost
{
    private const int MaxDepth = 64;

    private readonly Engine _engine;
    private readonly JsLimits _limits;
    private readonly ISyncLog _log;
    private readonly List<(JsValue Function, string File)> _functions = [];
    private readonly Lock _gate = new();

    /// <summary>
    /// Creates the engine with <c>process.env</c> set to <paramref name="environment"/>, bounded by
    /// <see cref="JsLimits"/> read from the same environment.
    /// </summary>
    /// <exception cref="Core.Sync.SyncOptionsException">A limit variable is not a whole number.</exception>
    public JsConfigHost(CliEnvironment environment, ISyncLog log, CancellationToken cancellationToken)
    {
        _log = log;
        _limits = JsLimits.From(environment);
        _engine = new Engine(options =>
        {
            options.CancellationToken(cancellationToken);
            if (_limits.Timeout > TimeSpan.Zero)
            {
                options.TimeoutInterval(_limits.Timeout);
            }

            if (_limits.MaxStatements > 0)
            {
                options.MaxStatements(_limits.MaxStatements);
            }

            if (_limits.MaxRecursion > 0)
            {
                options.LimitRecursion(_limits.MaxRecursion);
            }

            if (_limits.MaxMemoryBytes > 0)
            {
                options.LimitMemory(_limits.MaxMemoryBytes);
            }
        });
        _engine.SetValue("__dsEnv", new JsonParser(_engine).Parse(JsonConvert.SerializeObject(environment.Variables)));
        _engine.SetValue("__dsCwd", environment.WorkingDirectory);
        _engine.SetValue("__dsPlatform", OperatingSystem.IsWindows() ? "win32" : OperatingSystem.IsMacOS() ? "darwin" : "linux");
        _engine.SetValue("__dsLog", new Action<string, string>(WriteConsole));
        _engine.Execute(JsPrelude.Source, "directus-sync-prelude.js");
    }

    /// <summary>
    /// Runs a config file and returns its <c>module.exports</c> as JSON; functions become
    /// <see cref="HookReference"/> markers.
    /// </summary>
    public JObject Evaluate(string path)
    {
        lock (_gate)
        {
            try
            {
                // Node's CommonJS wrapper, on the file's first line so that line numbers stay right.
                var source = "(function (exports, require, module, __filename, __dirname) {" + File.ReadAllText(path) + "\n})";
                var wrapper = _engine.Evaluate(source, path);
                var module = (ObjectInstance)_engine.Evaluate("({ exports: {} })");
                _engine.Invoke(wrapper, JsValue.Undefined,
                    [module.Get("exports"), _engine.GetValue("__dsRequire"), module, path, Path.GetDirectoryName(path) ?? "."]);
                var exports = module.Get("exports").UnwrapIfPromise();
                if (ToJToken(exports, path, 0) is not JObject config)
                {
                    throw new ConfigFileException(path, "module.exports must be an object (module.exports = { … })");
                }

                return config;
            }
            catch (ExecutionCanceledException e)
            {
                throw new OperationCanceledException("Canceled while running " + path, e);
            }
            catch (Exception e) when (LimitExceeded(e) is { } limit)
            {
                throw new ConfigFileException(path, $"stopped while loading: {limit}", e);
            }
            catch (Exception e) when (e is JavaScriptException or PromiseRejectedException or Acornima.ParseErrorException)
            {
                throw new ConfigFileException(path, $"cannot be loaded: {Describe(e, path)}", e);
            }
        }
    }

    /// <summary>
    /// Calls hook function <paramref name="id"/> with <paramref name="input"/> (and the client stand-in) and returns
    /// its result, awaited when it is a promise. <paramref name="hook"/> names it in messages, e.g. roles.onSave.
    /// </summary>
    public JToken Invoke(int id, string hook, JToken input)
    {
        lock (_gate)
        {
            var (function, file) = _functions[id];
            _log.Debug("hooks", $"Running hooks.{hook} from {file}");
            JsValue result;
            try
            {
                var argument = new JsonParser(_engine).Parse(input.ToString(Formatting.None));
                result = _engine.Invoke(function, JsValue.Undefined, [argument, _engine.GetValue("__dsClient")]).UnwrapIfPromise();
            }
            catch (ExecutionCanceledException e)
            {
                throw new OperationCanceledException($"Canceled while running hooks.{hook}", e);
            }
            catch (Exception e) when (LimitExceeded(e) is { } limit)
            {
                throw new ConfigFileException(file, $"hooks.{hook} stopped: {limit}", e);
            }
            catch (Exception e) when (e is JavaScriptException or PromiseRejectedException or InvalidOperationException)
            {
                throw new ConfigFileException(file, $"hooks.{hook} failed: {Describe(e, file)}", e);
            }

            if (result.IsUndefined())
            {
                throw new ConfigFileException(file, $"hooks.{hook} returned nothing: a hook must return the (modified) {(input is JArray ? "items" : "object")}.");
            }

            var json = new Jint.Native.Json.JsonSerializer(_engine).Serialize(result);
            if (!json.IsString())
            {
                throw new ConfigFileException(file, $"hooks.{hook} returned a value that is not JSON data (a function?).");
            }

            using var reader = new JsonTextReader(new StringReader(json.AsString())) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader);
        }
    }

    /// <summary>The file that defined function <paramref name="id"/>.</summary>
    public string FileOf(int id)
    {
        lock (_gate)
        {
            return _functions[id].File;
        }
    }

    private JToken? ToJToken(JsValue value, string file, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ConfigFileException(file, "module.exports is nested too deeply (or refers to itself)");
        }

        switch (value)
        {
            case var _ when value.IsUndefined():
                return null;
            case var _ when value.IsNull():
                return JValue.CreateNull();
            case var _ when value.IsBoolean():
                return new JValue(value.AsBoolean());
            case var _ when value.IsString():
                return new JValue(value.AsString());
            case var _ when value.IsNumber():
                var number = value.AsNumber();
                return double.IsFinite(number) && number == Math.Floor(number) && Math.Abs(number) < 9.007199254740992E15
                    ? new JValue((long)number)
                    : new JValue(number);
            case Jint.Native.Function.Function:
                _functions.Add((value, file));
                return HookReference.Create(_functions.Count - 1);
            case var _ when value.IsDate():
                return new JValue(value.AsDate().ToDateTime().ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            case var _ when value.IsArray():
                var array = value.AsArray();
                var list = new JArray();
                for (uint i = 0; i < array.Length; i++)
                {
                    list.Add(ToJToken(array.Get(i), file, depth + 1) ?? JValue.CreateNull());
                }

                return list;
            case ObjectInstance obj:
                var result = new JObject();
                foreach (var key in obj.GetOwnPropertyKeys(Types.String))
                {
                    var descriptor = obj.GetOwnProperty(key);
                    if (!descriptor.Enumerable)
                    {
                        continue;
                    }

                    if (ToJToken(obj.Get(key), file, depth + 1) is { } converted)
                    {
                        result[key.AsString()] = converted;
                    }
                }

                return result;
            default:
                return new JValue(value.ToString());
        }
    }

    /// <summary>Which bound <paramref name="e"/> reports, with the variable that raises it; null for other errors.</summary>
    private string? LimitExceeded(Exception e) => e switch
    {
        TimeoutException => $"it ran longer than {_limits.Timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s "
            + $"(an endless loop?); raise the limit with {JsLimits.TimeoutVariable} if the hook needs more",
        StatementsCountOverflowException => $"it executed more than {_limits.MaxStatements:N0} statements (an endless loop?); "
            + $"raise the limit with {JsLimits.StatementsVariable} if the hook needs more",
        RecursionDepthOverflowException => $"calls nested deeper than {_limits.MaxRecursion:N0} (endless recursion?); "
            + $"raise the limit with {JsLimits.RecursionVariable} if the hook needs more",
        MemoryLimitExceededException => $"it allocated more than {_limits.MaxMemoryBytes / (1024 * 1024):N0} MB; "
            + $"raise the limit with {JsLimits.MemoryVariable} if the hook needs more",
        _ => null,
    };

    private void WriteConsole(string level, string message) =>
        _log.Write(level switch
        {
            "debug" => SyncLogLevel.Debug,
            "warn" => SyncLogLevel.Warning,
            "error" => SyncLogLevel.Error,
            _ => SyncLogLevel.Info,
        }, "hooks", message);

    /// <summary>The JavaScript error's message, with the config file's line when the stack names it.</summary>
    private static string Describe(Exception e, string file)
    {
        var (message, stack) = e switch
        {
            PromiseRejectedException { RejectedValue: ObjectInstance error } => (ErrorText(error), error.Get("stack").IsString() ? error.Get("stack").AsString() : null),
            PromiseRejectedException rejected => (rejected.RejectedValue.ToString(), null),
            JavaScriptException js => (js.Error is ObjectInstance error ? ErrorText(error) : js.Message, js.JavaScriptStackTrace),
            _ => (e.Message, null),
        };
        var line = stack is null ? null : System.Text.RegularExpressions.Regex.Match(stack, System.Text.RegularExpressions.Regex.Escape(file) + @":(\d+)") is { Success: true } match ? match.Groups[1].Value : null;
        line ??= e is JavaScriptException { Location.SourceFile: var source } located && source == file && located.Location.Start.Line > 0
            ? located.Location.Start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
        return line is null ? message : $"{message} (line {line})";
    }

    private static string ErrorText(ObjectInstance error)
    {
        var message = error.Get("message");
        var name = error.Get("name");
        return message.IsString() ? (name.IsString() && name.AsString() != "Error" ? $"{name.AsString()}: {message.AsString()}" : message.AsString()) : error.ToString();
    }
}
