using DirectusSync.Core.Logging;

namespace DirectusSync.Cli.Tests.Support;

/// <summary>An <see cref="ISyncLog"/> that keeps every line.</summary>
internal sealed class RecordingLog : ISyncLog
{
    public List<(SyncLogLevel Level, string Scope, string Message)> Lines { get; } = [];

    public IEnumerable<string> Messages => Lines.Select(l => l.Message);

    public void Write(SyncLogLevel level, string scope, string message) => Lines.Add((level, scope, message));
}
