using System.Reflection;
using System.Runtime.InteropServices;

namespace DirectusSync.Upgrade.Databases;

/// <summary>
/// Makes SQLite's native library (e_sqlite3, shipped by SQLitePCLRaw under runtimes/RID/native/) loadable
/// when the addin runs inside Cake: an assembly loaded by <c>#r</c> or <c>#addin</c> is not described by the
/// host's deps.json, so .NET does not look in its runtimes folder. A test host or an application that
/// references the addin finds the library by itself; the resolver then only answers when asked.
/// </summary>
internal static class SqliteNativeLibrary
{
    private const string Library = "e_sqlite3";
    private static readonly Lazy<bool> Registered = new(Register);

    /// <summary>Registers the resolver once, before the first SqliteConnection.</summary>
    public static void EnsureResolvable() => _ = Registered.Value;

    private static bool Register()
    {
        Assembly provider;
        try
        {
            provider = Assembly.Load("SQLitePCLRaw.provider.e_sqlite3");
        }
        catch (FileNotFoundException)
        {
            return false;
        }

        try
        {
            NativeLibrary.SetDllImportResolver(provider, Resolve);
        }
        catch (InvalidOperationException)
        {
            // Someone registered one already: theirs decides.
            return false;
        }

        return true;
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        if (NativeLibrary.TryLoad(name, assembly, searchPath, out var handle))
        {
            return handle;
        }

        var root = Path.GetDirectoryName(typeof(SqliteNativeLibrary).Assembly.Location) ?? AppContext.BaseDirectory;
        var architecture = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var (systems, file) = OperatingSystem.IsWindows() ? (new[] { "win" }, "e_sqlite3.dll")
            : OperatingSystem.IsMacOS() ? (new[] { "osx" }, "libe_sqlite3.dylib")
            : (new[] { "linux", "linux-musl" }, "libe_sqlite3.so");
        foreach (var system in systems)
        {
            var candidate = Path.Combine(root, "runtimes", $"{system}-{architecture}", "native", file);
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }
}
