using System.Data;
using System.Data.Common;
using System.Globalization;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Schema;

/// <summary>
/// Brings one store's schema to the latest version: reads the store's history of applied steps,
/// applies the missing ones in order inside one transaction, records each, and commits — or leaves
/// the store exactly as it was. Writers take the store's write lock first (SQLite's
/// <c>BEGIN IMMEDIATE</c>, a PostgreSQL advisory lock), so two processes opening the same old
/// workspace upgrade it once.
/// </summary>
public static class SchemaUpgrade
{
    private const long AdvisoryLock = 0x7E55E7A_5C4E3A;

    /// <summary>The latest version in <paramref name="migrations"/>.</summary>
    public static int Latest(IReadOnlyList<Migration> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        return migrations.Count == 0 ? 0 : migrations[^1].Version;
    }

    /// <summary>Applies what <paramref name="connection"/>'s store lacks of <paramref name="migrations"/>; returns how many steps ran.</summary>
    /// <param name="connection">An open connection to the store.</param>
    /// <param name="engine">The store's engine.</param>
    /// <param name="history">The qualified name of the store's history table, e.g. <c>tessera_ops.schema_history</c>.</param>
    /// <param name="migrations">The store's steps, in version order.</param>
    /// <param name="store">The store's name for messages ("operational store", "vault").</param>
    /// <param name="nowUtc">When, for the history.</param>
    /// <param name="workspace">The workspace the store belongs to, for steps that move data (<see cref="Migration.Data"/>).</param>
    /// <exception cref="WorkspaceException">The store was upgraded by a newer Tessera than this one.</exception>
    public static int Apply(DbConnection connection, StoreEngine engine, string history, IReadOnlyList<Migration> migrations, string store, DateTime nowUtc, Workspace? workspace = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(migrations);
        using var transaction = engine switch
        {
            StoreEngine.PostgreSql => connection.BeginTransaction(IsolationLevel.ReadCommitted),
            StoreEngine.Sqlite => connection.BeginTransaction(IsolationLevel.Serializable), // BEGIN IMMEDIATE: the write lock first
            _ => connection.BeginTransaction(),
        };
        if (engine == StoreEngine.PostgreSql)
        {
            Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({AdvisoryLock})"));
        }

        if (engine != StoreEngine.Sqlite && history.Contains('.', StringComparison.Ordinal))
        {
            Execute(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {history[..history.IndexOf('.', StringComparison.Ordinal)]}");
        }

        Execute(connection, transaction, $"CREATE TABLE IF NOT EXISTS {history} (version INTEGER NOT NULL PRIMARY KEY, description VARCHAR NOT NULL, applied_utc VARCHAR NOT NULL)");
        var current = Current(connection, transaction, history);
        var latest = Latest(migrations);
        if (current > latest)
        {
            throw new WorkspaceException(string.Create(CultureInfo.InvariantCulture,
                $"The workspace's {store} has schema version {current}, but this Tessera knows versions up to {latest} only: it was upgraded by a newer Tessera. Use that version (or newer)."));
        }

        var applied = 0;
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            Execute(connection, transaction, migration.Sql(engine));
            if (migration.Data is { } data)
            {
                data(new MigrationContext(connection, transaction, engine,
                    workspace ?? throw new InvalidOperationException($"Step {migration.Version} of the {store} moves data and needs the workspace.")));
            }

            // Our own text only (no input reaches here), written as literals: the three engines name parameters differently.
            Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture,
                $"INSERT INTO {history} (version, description, applied_utc) VALUES ({migration.Version}, '{migration.Description.Replace("'", "''", StringComparison.Ordinal)}', '{nowUtc:O}')"));
            applied++;
        }

        transaction.Commit();
        return applied;
    }

    /// <summary>
    /// Upgrades the store when it is behind, and only then takes the write lock: the common case —
    /// the store is current — costs one read and never waits for a writer.
    /// </summary>
    public static int Upgrade(DbConnection connection, StoreEngine engine, string history, IReadOnlyList<Migration> migrations, string store, DateTime nowUtc, Workspace? workspace = null)
    {
        var recorded = History(connection, history);
        return recorded.Count > 0 && recorded[^1].Version == Latest(migrations) ? 0 : Apply(connection, engine, history, migrations, store, nowUtc, workspace);
    }

    /// <summary>The versions recorded in <paramref name="history"/>, oldest first (empty when the store has never been upgraded).</summary>
    public static IReadOnlyList<(int Version, string Description)> History(DbConnection connection, string history)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rows = new List<(int, string)>();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT version, description FROM {history} ORDER BY version";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1)));
            }
        }
        catch (DbException)
        {
            // No history table: a store no Tessera has upgraded yet.
        }

        return rows;
    }

    private static int Current(DbConnection connection, DbTransaction transaction, string history)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COALESCE(MAX(version), 0) FROM {history}";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0; // a step may rewrite a large table
        command.ExecuteNonQuery();
    }
}
