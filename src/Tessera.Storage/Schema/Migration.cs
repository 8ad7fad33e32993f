namespace Tessera.Storage.Schema;

/// <summary>
/// One step of a store's schema, applied once and in order, inside the upgrade's transaction, and
/// then recorded with its <see cref="Version"/> in the store's history. A step is never changed
/// once released: later changes are new steps, so every workspace — new, or made by any earlier
/// Tessera — reaches the same schema by the same path.
/// </summary>
/// <param name="Version">1, 2, 3 … in the order the steps apply.</param>
/// <param name="Description">What the step does, in a few words (kept in the history).</param>
/// <param name="Sql">The step's SQL for an engine.</param>
/// <param name="Data">
/// What the step does to the data after its SQL, in the same transaction — e.g. filling a new table
/// from what the workspace already holds — or null. Should it fail, the step and its SQL are undone
/// and the next opening tries again.
/// </param>
public sealed record Migration(int Version, string Description, Func<StoreEngine, string> Sql, Action<MigrationContext>? Data = null);
