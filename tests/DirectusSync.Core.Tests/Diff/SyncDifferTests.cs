namespace DirectusSync.Core.Tests.Diff;

/// <summary>
/// <see cref="Core.Diff.SyncDiffer"/> as a specification: given a dump and a target, the plan is exactly
/// these steps in this order (after EF Core's MigrationsModelDifferTestBase). The cases are grouped by
/// concern in the nested classes, one file each.
/// </summary>
public sealed partial class SyncDifferTests;
