using DirectusSync.Core.Logging;
using Xunit.Abstractions;

namespace DirectusSync.IntegrationTests.Upgrade;

/// <summary>The upgrade's progress in the test output (info and above; the run is long enough to want it).</summary>
public sealed class TestOutputSyncLog(ITestOutputHelper output) : ISyncLog
{
    /// <inheritdoc />
    public void Write(SyncLogLevel level, string scope, string message)
    {
        if (level >= SyncLogLevel.Info)
        {
            output.WriteLine($"{DateTime.Now:HH:mm:ss} [{scope}] {message}");
        }
    }
}
