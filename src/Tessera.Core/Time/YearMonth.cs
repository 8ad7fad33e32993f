using System.Globalization;

namespace Tessera.Core.Time;

/// <summary>
/// A calendar month such as 2024-03, the unit agencies deliver extracts in and contracts are
/// managed by. Why not <see cref="DateOnly"/>: a delivery for "March 2024" has no day, and
/// mixing the 1st of the month with real event dates invites off-by-one-month errors.
/// </summary>
public readonly record struct YearMonth : IComparable<YearMonth>
{
    /// <summary>Creates the month; <paramref name="month"/> is 1–12.</summary>
    public YearMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    /// <summary>The year, e.g. 2024.</summary>
    public int Year { get; }

    /// <summary>The month of the year, 1 = January.</summary>
    public int Month { get; }

    /// <summary>First day of the month, e.g. 2024-03-01 for 2024-03.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>Last day of the month, e.g. 2024-02-29 for 2024-02.</summary>
    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    /// <summary>Number of months since year 0, so that month arithmetic is integer arithmetic.</summary>
    public int Ordinal => (Year * 12) + Month - 1;

    /// <summary>The month containing <paramref name="date"/>.</summary>
    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>The month with the given <see cref="Ordinal"/>.</summary>
    public static YearMonth FromOrdinal(int ordinal) => new(ordinal / 12, (ordinal % 12) + 1);

    /// <summary>This month moved by <paramref name="months"/> (negative moves back).</summary>
    public YearMonth AddMonths(int months) => FromOrdinal(Ordinal + months);

    /// <summary>Parses <c>YYYY-MM</c>, the form used in delivery folder names and on the command line.</summary>
    public static bool TryParse(string? text, out YearMonth value)
    {
        value = default;
        if (text is null || text.Length != 7 || text[4] != '-')
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year < 1 || month is < 1 or > 12)
        {
            return false;
        }

        value = new YearMonth(year, month);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(YearMonth other) => Ordinal.CompareTo(other.Ordinal);

    /// <summary>Compares by calendar order.</summary>
    public static bool operator <(YearMonth left, YearMonth right) => left.Ordinal < right.Ordinal;

    /// <summary>Compares by calendar order.</summary>
    public static bool operator >(YearMonth left, YearMonth right) => left.Ordinal > right.Ordinal;

    /// <summary>Compares by calendar order.</summary>
    public static bool operator <=(YearMonth left, YearMonth right) => left.Ordinal <= right.Ordinal;

    /// <summary>Compares by calendar order.</summary>
    public static bool operator >=(YearMonth left, YearMonth right) => left.Ordinal >= right.Ordinal;

    /// <summary>Formats as <c>YYYY-MM</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
