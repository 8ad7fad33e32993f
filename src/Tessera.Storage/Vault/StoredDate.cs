using System.Globalization;

namespace Tessera.Storage.Vault;

/// <summary>A date as a store hands it back: DuckDB's <see cref="DateOnly"/>, a driver's <see cref="DateTime"/>, or ISO text (SQLite).</summary>
internal static class StoredDate
{
    public static DateOnly Of(object value) => value switch
    {
        DateOnly date => date,
        DateTime time => DateOnly.FromDateTime(time),
        _ => DateOnly.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
    };
}
