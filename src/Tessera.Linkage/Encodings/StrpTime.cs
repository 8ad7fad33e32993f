using System.Globalization;

namespace Tessera.Linkage.Encodings;

/// <summary>
/// The part of C's <c>strptime</c> that linkage schemas use for dates: <c>%Y</c> (four digits),
/// <c>%y</c> (two: 69–99 are 19xx, 00–68 20xx, as Python reads them), <c>%m</c> and <c>%d</c> (one
/// or two digits), <c>%%</c>, and any other character standing for itself. A date is encoded as
/// <c>yyyyMMdd</c>, as clkhash does, so partners writing dates differently still agree.
/// </summary>
internal static class StrpTime
{
    /// <summary>Throws what <paramref name="error"/> makes when <paramref name="format"/> has a directive this reader lacks.</summary>
    public static void Check(string format, Func<Exception> error)
    {
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '%' && (i + 1 >= format.Length || format[++i] is not ('Y' or 'y' or 'm' or 'd' or '%')))
            {
                throw error();
            }
        }
    }

    /// <summary>The date <paramref name="text"/> gives in <paramref name="format"/>, or null when it does not fit.</summary>
    public static DateOnly? Parse(string text, string format)
    {
        int year = -1, month = -1, day = -1, at = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || format[i + 1] == '%')
            {
                i += format[i] == '%' ? 1 : 0;
                if (at >= text.Length || text[at++] != format[i])
                {
                    return null;
                }

                continue;
            }

            var directive = format[++i];
            var (least, most) = directive switch { 'Y' => (4, 4), 'y' => (2, 2), _ => (1, 2) };
            var digits = 0;
            while (digits < most && at + digits < text.Length && char.IsAsciiDigit(text[at + digits]))
            {
                digits++;
            }

            if (digits < least)
            {
                return null;
            }

            var value = int.Parse(text.AsSpan(at, digits), NumberStyles.None, CultureInfo.InvariantCulture);
            at += digits;
            switch (directive)
            {
                case 'Y': year = value; break;
                case 'y': year = value < 69 ? 2000 + value : 1900 + value; break;
                case 'm': month = value; break;
                default: day = value; break;
            }
        }

        (year, month, day) = (year < 0 ? 1900 : year, month < 0 ? 1 : month, day < 0 ? 1 : day); // what strptime assumes for a part the format lacks
        return at == text.Length && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }
}
