namespace DirectusSync.Core.Sync;

/// <summary>An option has a value the sync cannot use; the message names the option.</summary>
public sealed class SyncOptionsException(string option, string message) : Exception(message)
{
    /// <summary>The option (flag name), e.g. --only-collections.</summary>
    public string Option { get; } = option;
}
