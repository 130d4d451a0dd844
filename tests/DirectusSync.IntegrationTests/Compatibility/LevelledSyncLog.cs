using DirectusSync.Core.Logging;

namespace DirectusSync.IntegrationTests.Compatibility;

/// <summary>Keeps every log line with its level, as <c>(level, "[scope] message")</c>.</summary>
public sealed class LevelledSyncLog : ISyncLog
{
    private readonly List<(SyncLogLevel Level, string Text)> _lines = [];

    /// <summary>The lines written so far.</summary>
    public IReadOnlyList<(SyncLogLevel Level, string Text)> Lines
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
            _lines.Add((level, string.IsNullOrEmpty(scope) ? message : $"[{scope}] {message}"));
        }
    }
}
