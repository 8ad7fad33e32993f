namespace Tessera.Metrics.Sql;

/// <summary>
/// The SQL engines metrics compile to. Almost everything is written in the subset both share;
/// the few differences (day arithmetic, quoting of dates) go through this type so the two
/// engines give identical results, e.g. DuckDB's <c>date - date</c> is an interval where
/// PostgreSQL's is a number of days.
/// </summary>
public enum SqlDialect
{
    /// <summary>The embedded analytic vault.</summary>
    DuckDb,

    /// <summary>Server mode.</summary>
    PostgreSql,
}
