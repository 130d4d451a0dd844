namespace DirectusSync.Cli.Output;

/// <summary>ANSI colour codes, applied only when colours are on.</summary>
internal static class Ansi
{
    public const string Red = "31";
    public const string Green = "32";
    public const string Yellow = "33";
    public const string Blue = "34";
    public const string Magenta = "35";
    public const string Cyan = "36";
    public const string Gray = "90";
    public const string Bold = "1";
    public const string Underline = "4";

    /// <summary>Erases the current terminal line and returns to its start.</summary>
    public const string ClearLine = "\r\u001b[2K";

    /// <summary><paramref name="text"/> in <paramref name="codes"/> when <paramref name="enabled"/>.</summary>
    public static string Paint(string text, bool enabled, params string[] codes) =>
        enabled && codes.Length > 0 ? $"\u001b[{string.Join(';', codes)}m{text}\u001b[0m" : text;
}
