using DirectusSync.Core.Diff;
using DirectusSync.Core.Model;
using DirectusSync.Core.Plan;

namespace DirectusSync.Core.Tests.Diff;

/// <summary>Runs <see cref="SyncDiffer.Diff"/> on builders, with the options of a push.</summary>
internal static class Differ
{
    public static DiffOptions Options(IEnumerable<string>? preserveIds = null, bool syncPolicyRoles = true, IEnumerable<string>? only = null) => new()
    {
        Collections = only is null ? SystemCollections.All : only.Select(SystemCollections.Get).ToList(),
        PreserveIds = (preserveIds ?? []).ToHashSet(),
        SyncPolicyRoles = syncPolicyRoles,
    };

    public static SyncPlan Diff(DumpBuilder dump, LiveStateBuilder target, DiffOptions? options = null) =>
        SyncDiffer.Diff(dump.Build(), target.Build(), options ?? Options());
}
