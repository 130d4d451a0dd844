namespace DirectusSync.Core.Model;

/// <summary>One row of directus-extension-sync's <c>directus_sync_id_map</c> table.</summary>
/// <param name="Id">The row's own id (the reference CLI prints it in "Will delete item").</param>
/// <param name="Table">The logical table name (roles, permissions, …), not directus_roles.</param>
/// <param name="SyncId">The instance-independent id written as <c>_syncId</c> in dumps.</param>
/// <param name="LocalId">The item's primary key on this instance, as a string.</param>
public sealed record IdMap(long Id, string Table, string SyncId, string LocalId);
