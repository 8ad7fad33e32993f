namespace Tessera.Intake.Validation;

/// <summary>
/// A compiled numeric date format (e.g. "MM/dd/yyyy", "yyyyMMdd", "yyyy-MM-dd HH:mm:ss") parsed
/// digit by digit, several times faster than <see cref="DateTime.TryParseExact(string, string, IFormatProvider, System.Globalization.DateTimeStyles, out DateTime)"/>,
/// which matters when a delivery holds tens of millions of dates. Formats with names of months
/// or days are left to the framework (<see cref="TryCompile"/> returns null).
/// </summary>
internal sealed class DateFormat
{
    private readonly (char Part, int MinDigits, int MaxDigits, char Literal)[] _tokens;

    private DateFormat((char, int, int, char)[] tokens) => _tokens = tokens;

    /// <summary>The compiled format, or null when it has parts other than numeric fields and separators.</summary>
    public static DateFormat? TryCompile(string format)
    {
        var tokens = new List<(char, int, int, char)>();
        for (var i = 0; i < format.Length;)
        {
            var c = format[i];
            var run = 1;
            while (i + run < format.Length && format[i + run] == c)
            {
                run++;
            }

            switch (c, run)
            {
                case ('y', 4): tokens.Add(('y', 4, 4, '\0')); break;
                case ('M' or 'd' or 'H' or 'm' or 's', 2): tokens.Add((c, 2, 2, '\0')); break;
                case ('M' or 'd' or 'H', 1): tokens.Add((c, 1, 2, '\0')); break;
                case ('-' or '/' or ' ' or ':' or '.', 1): tokens.Add(('=', 0, 0, c)); break;
                default: return null;
            }

            i += run;
        }

        return new DateFormat([.. tokens]);
    }

    /// <summary>Parses <paramref name="text"/>; false when it does not match or names a date that does not exist.</summary>
    public bool TryParse(ReadOnlySpan<char> text, out DateTime value)
    {
        value = default;
        int year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0;
        var at = 0;
        foreach (var (part, min, max, literal) in _tokens)
        {
            if (part == '=')
            {
                if (at >= text.Length || text[at] != literal)
                {
                    return false;
                }

                at++;
                continue;
            }

            var number = 0;
            var digits = 0;
            while (digits < max && at < text.Length && char.IsAsciiDigit(text[at]))
            {
                number = (number * 10) + (text[at] - '0');
                digits++;
                at++;
            }

            if (digits < min)
            {
                return false;
            }

            switch (part)
            {
                case 'y': year = number; break;
                case 'M': month = number; break;
                case 'd': day = number; break;
                case 'H': hour = number; break;
                case 'm': minute = number; break;
                default: second = number; break;
            }
        }

        if (at != text.Length || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }
}
