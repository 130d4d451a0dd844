namespace DirectusSync.Core.Model;

/// <summary>How a field with a collection's own comparison rule compares (see <see cref="CollectionBehavior.CompareField"/>).</summary>
/// <param name="Changed">The push writes the dump's value.</param>
/// <param name="NotKeptReason">Why part of the dump's value is not kept on the target, or null.</param>
public sealed record FieldComparison(bool Changed, string? NotKeptReason = null);
