namespace Tessera.Linkage.Standardisation;

/// <summary>
/// Reads a birth date however an agency wrote it — 1984-03-07, 19840307, 03/07/1984, 3/7/1984,
/// 07.03.1984, with or without a time — into one number yyyymmdd. A part that is unknown is 0:
/// "1984" gives 19840000, "1984-03" gives 19840300. Slashed dates are read month first (US
/// forms) unless the first part cannot be a month. An impossible date such as 1994-11-81 is kept
/// as written: it is most likely a typo of the real date and still counts as evidence. A two-digit
/// year is read as the latest year ending in it that is not after <c>twoDigitYearMax</c> — a fixed
/// setting rather than today's date, so the same records link the same way whenever they are run.
/// </summary>
internal static class BirthDateParser
{
    /// <summary>The default last year a two-digit birth year stands for: "29" is 2029, "30" is 1930.</summary>
    public const int DefaultTwoDigitYearMax = 2029;

    /// <summary>The date as yyyymmdd (unknown parts 0), or 0 when it cannot be read.</summary>
    public static int Parse(ReadOnlySpan<char> raw, int twoDigitYearMax = DefaultTwoDigitYearMax)
    {
        raw = raw.Trim();
        var space = raw.IndexOfAny(' ', 'T');
        if (space > 0)
        {
            raw = raw[..space];
        }

        if (raw.IsEmpty)
        {
            return 0;
        }

        Span<Range> parts = stackalloc Range[4];
        var separator = raw.IndexOfAny("-/.") is var at and >= 0 ? raw[at] : '\0';
        if (separator == '\0')
        {
            return raw.Length switch
            {
                8 => Pack(Number(raw[..4]), Number(raw[4..6]), Number(raw[6..])),
                6 => Pack(Number(raw[..4]), Number(raw[4..]), 0),
                4 => Pack(Number(raw), 0, 0),
                _ => 0,
            };
        }

        var count = raw.Split(parts, separator);
        if (count is < 2 or > 3)
        {
            return 0;
        }

        var a = Number(raw[parts[0]]);
        var b = Number(raw[parts[1]]);
        var c = count == 3 ? Number(raw[parts[2]]) : 0;
        if (raw[parts[0]].Length == 4)
        {
            return Pack(a, b, c);
        }

        if (count == 2)
        {
            return Pack(b, a, 0);
        }

        var year = c is >= 0 and < 100 ? TwoDigitYear(c, twoDigitYearMax) : c;
        return separator == '.' || a > 12 ? Pack(year, b, a) : Pack(year, a, b);
    }

    private static int TwoDigitYear(int twoDigits, int max)
    {
        var year = (max / 100 * 100) + twoDigits;
        return year > max ? year - 100 : year;
    }

    /// <summary>The year of a packed date.</summary>
    public static int Year(int date) => date / 10000;

    /// <summary>The month of a packed date (0 unknown).</summary>
    public static int Month(int date) => date / 100 % 100;

    /// <summary>The day of a packed date (0 unknown).</summary>
    public static int Day(int date) => date % 100;

    /// <summary>Days since 0001-01-01 (unknown month or day taken as the middle), for distances; only for valid dates.</summary>
    public static int DayNumber(int date)
    {
        var year = Year(date);
        var month = Month(date) is var m and > 0 ? m : 7;
        var day = Day(date) is var d and > 0 ? Math.Min(d, DateTime.DaysInMonth(year, month)) : 1;
        return new DateOnly(year, month, day).DayNumber;
    }

    /// <summary>True when the packed date exists in the calendar (unknown month or day allowed).</summary>
    public static bool IsValid(int date)
    {
        var year = Year(date);
        var month = Month(date);
        var day = Day(date);
        return year is >= 1 and <= 9999 && month <= 12 && (month > 0 || day == 0) && (day == 0 || day <= DateTime.DaysInMonth(year, month));
    }

    private static int Pack(int year, int month, int day) =>
        year is < 1 or > 9999 || month is < 0 or > 99 || day is < 0 or > 99 || (year == 0 && month == 0 && day == 0)
            ? 0
            : (year * 10000) + (month * 100) + day;

    private static int Number(ReadOnlySpan<char> text) =>
        text.Length is > 0 and <= 4 && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : -1;
}
