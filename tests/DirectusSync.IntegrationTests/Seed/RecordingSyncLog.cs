using DirectusSync.Core.Logging;

namespace DirectusSync.IntegrationTests.Seed;

/// <summary>Keeps every log line as "[scope] message" (debug lines too).</summary>
public sealed class RecordingSyncLog : ISyncLog
{
    private readonly List<string> _lines = [];

    /// <summary>The lines written so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <inheritdoc />
    public void Write(SyncLogLevel level, string scope, string message)
    {
        lock (_lines)
        {
            _lines.Add(string.IsNullOrEmpty(scope) ? message : $"[{scope}] {message}");
        }
    }
}
