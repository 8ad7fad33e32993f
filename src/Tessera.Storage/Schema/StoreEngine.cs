namespace Tessera.Storage.Schema;

/// <summary>The database engine a store runs on, for the schema steps whose SQL differs between them.</summary>
public enum StoreEngine
{
    /// <summary>The embedded operational store (<c>operational.db</c>).</summary>
    Sqlite,

    /// <summary>The embedded vault (<c>vault.duckdb</c>).</summary>
    DuckDb,

    /// <summary>A server workspace: both stores on PostgreSQL.</summary>
    PostgreSql,
}
