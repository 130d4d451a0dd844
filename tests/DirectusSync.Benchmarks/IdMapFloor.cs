using System.Diagnostics;
using DirectusSync.Core.Transport;

namespace DirectusSync.Benchmarks;

/// <summary>
/// Times <c>n</c> id-map rows created through directus-extension-sync alone (one POST per row, as the
/// extension takes them), with the client settings the CLI uses: the part of a push into an empty instance
/// that no client can avoid while staying compatible with the extension. The rows go to a scratch table.
/// </summary>
public static class IdMapFloor
{
    /// <summary>Creates the rows and returns the wall-clock time.</summary>
    public static async Task<TimeSpan> TimeAsync(Uri server, int rows)
    {
        using var client = new DirectusClient(new DirectusClientOptions { BaseUrl = server, Credentials = DirectusCredentials.FromToken(SandboxServer.Token) });
        var maps = new IdMapClient(client);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, rows).Select(_ => maps.CreateAsync("benchmark_floor", Guid.NewGuid().ToString(), Guid.NewGuid().ToString())));
        return watch.Elapsed;
    }
}
