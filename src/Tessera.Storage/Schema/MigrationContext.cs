using System.Data.Common;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Schema;

/// <summary>Where a step's <see cref="Migration.Data"/> works: the store being upgraded, inside the upgrade's transaction, and the workspace it belongs to.</summary>
/// <param name="Connection">The open connection to the store.</param>
/// <param name="Transaction">The upgrade's transaction.</param>
/// <param name="Engine">The store's engine.</param>
/// <param name="Workspace">The workspace, for what the step reads from its other store.</param>
public sealed record MigrationContext(DbConnection Connection, DbTransaction Transaction, StoreEngine Engine, Workspace Workspace);
