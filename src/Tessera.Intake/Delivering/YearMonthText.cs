using System.Globalization;

namespace Tessera.Intake.Delivering;

/// <summary>
/// The "YYYY-MM" text kept in plaintext beside an encrypted date (e.g. 1987-03 for a birth date
/// of 1987-03-09). Every identity row stores one, so the texts of 1850–2199 are made once and
/// shared instead of formatted into a new string per row.
/// </summary>
internal static class YearMonthText
{
    private const int FirstYear = 1850;
    private const int LastYear = 2199;
    private static readonly string?[] Texts = new string?[(LastYear - FirstYear + 1) * 12];

    public static string Of(DateTime time)
    {
        if (time.Year is < FirstYear or > LastYear)
        {
            return Format(time);
        }

        var index = ((time.Year - FirstYear) * 12) + time.Month - 1;
        return Texts[index] ??= Format(time);
    }

    private static string Format(DateTime time) => time.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
