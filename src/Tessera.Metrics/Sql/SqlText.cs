using System.Globalization;

namespace Tessera.Metrics.Sql;

/// <summary>The small pieces of SQL that differ between engines or need careful quoting.</summary>
public static class SqlText
{
    /// <summary>A date literal, e.g. <c>DATE '2021-09-30'</c>.</summary>
    public static string Date(DateOnly date) => "DATE '" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/> (both date expressions).</summary>
    public static string DaysBetween(SqlDialect dialect, string from, string to) => dialect switch
    {
        SqlDialect.DuckDb => $"date_diff('day', {from}, {to})",
        _ => $"({to} - {from})",
    };

    /// <summary><paramref name="date"/> plus <paramref name="years"/> (an integer expression) calendar years.</summary>
    public static string AddYears(SqlDialect dialect, string date, string years) => dialect switch
    {
        SqlDialect.DuckDb => $"CAST(CAST({date} AS TIMESTAMP) + to_years(CAST({years} AS INTEGER)) AS DATE)",
        _ => $"CAST({date} + make_interval(years => CAST({years} AS INTEGER)) AS DATE)",
    };

    /// <summary>A double-quoted identifier, e.g. a source's schema.</summary>
    public static string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A single-quoted string literal.</summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
