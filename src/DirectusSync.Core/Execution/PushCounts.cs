namespace DirectusSync.Core.Execution;

/// <summary>One collection's counts after a push.</summary>
public sealed class PushCounts
{
    private int _created;
    private int _updated;
    private int _deleted;
    private int _danglingRemoved;

    /// <summary>Items created.</summary>
    public int Created => _created;

    /// <summary>Items updated (deferred relation updates included).</summary>
    public int Updated => _updated;

    /// <summary>Items deleted.</summary>
    public int Deleted => _deleted;

    /// <summary>Dangling maps removed.</summary>
    public int DanglingRemoved => _danglingRemoved;

    internal void AddCreated(int n) => Interlocked.Add(ref _created, n);

    internal void AddUpdated(int n) => Interlocked.Add(ref _updated, n);

    internal void AddDeleted(int n) => Interlocked.Add(ref _deleted, n);

    internal void AddDangling(int n) => Interlocked.Add(ref _danglingRemoved, n);
}
