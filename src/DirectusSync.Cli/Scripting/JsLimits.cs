using System.Globalization;
using DirectusSync.Cli.Configuration;
using DirectusSync.Core.Sync;

namespace DirectusSync.Cli.Scripting;

/// <summary>
/// Bounds on one run of config-file JavaScript (loading the file, or one hook call): a CI job with a hook stuck in
/// <c>while (true) {}</c> must fail in seconds with a message naming the file, not at the CI time-out, and a runaway
/// recursion or allocation must not take the process down. Each bound can be changed (or lifted with 0) through an
/// environment variable (or <c>.env</c>) for hooks that legitimately need more.
/// </summary>
/// <param name="Timeout">Wall-clock time one run may take (<see cref="TimeSpan.Zero"/>: unlimited).</param>
/// <param name="MaxStatements">JavaScript statements one run may execute (0: unlimited).</param>
/// <param name="MaxRecursion">Depth of nested JavaScript calls (0: unlimited).</param>
/// <param name="MaxMemoryBytes">Bytes one run may allocate (0: unlimited).</param>
internal sealed record JsLimits(TimeSpan Timeout, int MaxStatements, int MaxRecursion, long MaxMemoryBytes)
{
    /// <summary>Overrides <see cref="Timeout"/>, in seconds.</summary>
    public const string TimeoutVariable = "DIRECTUS_SYNC_JS_TIMEOUT_SECONDS";

    /// <summary>Overrides <see cref="MaxStatements"/>.</summary>
    public const string StatementsVariable = "DIRECTUS_SYNC_JS_MAX_STATEMENTS";

    /// <summary>Overrides <see cref="MaxRecursion"/>.</summary>
    public const string RecursionVariable = "DIRECTUS_SYNC_JS_MAX_RECURSION";

    /// <summary>Overrides <see cref="MaxMemoryBytes"/>, in megabytes.</summary>
    public const string MemoryVariable = "DIRECTUS_SYNC_JS_MAX_MEMORY_MB";

    private const long Megabyte = 1024 * 1024;

    // Generous for hooks that map tens of thousands of items (a few million statements, well under a second),
    // tight enough that an endless loop fails a CI job within seconds: the statement limit stops it first (a couple
    // of seconds in Jint), the time limit catches what does not count as statements (a huge regular expression).
    // Node's default stack allows ~10 000 frames; 1 000 keeps Jint far from the .NET stack's end, whose overflow
    // would kill the process instead of failing the command.
    /// <summary>The defaults: 10 s, 20 million statements, 1 000 nested calls, 512 MB allocated.</summary>
    public static JsLimits Default { get; } = new(TimeSpan.FromSeconds(10), 20_000_000, 1_000, 512 * Megabyte);

    /// <summary>The defaults with the environment's overrides.</summary>
    /// <exception cref="SyncOptionsException">A variable is not a whole number ≥ 0 (the message names it).</exception>
    public static JsLimits From(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var defaults = Default;
        return new JsLimits(
            Read(environment, TimeoutVariable, out var seconds) ? TimeSpan.FromSeconds(seconds) : defaults.Timeout,
            Read(environment, StatementsVariable, out var statements) ? (int)Math.Min(statements, int.MaxValue) : defaults.MaxStatements,
            Read(environment, RecursionVariable, out var depth) ? (int)Math.Min(depth, int.MaxValue) : defaults.MaxRecursion,
            Read(environment, MemoryVariable, out var megabytes) ? megabytes * Megabyte : defaults.MaxMemoryBytes);
    }

    private static bool Read(CliEnvironment environment, string name, out long value)
    {
        value = 0;
        if (environment.Get(name) is not { } text)
        {
            return false;
        }

        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) || value > int.MaxValue)
        {
            throw new SyncOptionsException(name, $"{name}='{text}' is not a whole number from 0 (no limit) to {int.MaxValue}.");
        }

        return true;
    }
}
