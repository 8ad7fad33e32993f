using System.Globalization;
using System.Text.RegularExpressions;

namespace Tessera.Contracts.Payments;

/// <summary>
/// The period a payment run pays: a year (<c>2024</c>), a quarter (<c>2024-Q1</c>) or a month
/// (<c>2024-03</c>), as <c>tessera payments run --period</c> takes it.
/// </summary>
/// <param name="Label">As written: 2024, 2024-Q1 or 2024-03.</param>
/// <param name="Start">First day.</param>
/// <param name="End">Last day.</param>
public sealed partial record PaymentPeriod(string Label, DateOnly Start, DateOnly End)
{
    /// <summary>Reads <c>YYYY</c>, <c>YYYY-Qn</c> or <c>YYYY-MM</c>; false for anything else.</summary>
    public static bool TryParse(string? text, out PaymentPeriod period)
    {
        period = null!;
        var match = text is null ? null : Pattern().Match(text);
        if (match is not { Success: true })
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 1900)
        {
            return false;
        }

        if (match.Groups["quarter"].Success)
        {
            var quarter = int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture);
            var start = new DateOnly(year, (quarter * 3) - 2, 1);
            period = new PaymentPeriod(text!, start, start.AddMonths(3).AddDays(-1));
            return true;
        }

        if (match.Groups["month"].Success)
        {
            var start = new DateOnly(year, int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture), 1);
            period = new PaymentPeriod(text!, start, start.AddMonths(1).AddDays(-1));
            return true;
        }

        period = new PaymentPeriod(text!, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return true;
    }

    /// <summary>The period of <paramref name="kind"/> that holds <paramref name="day"/>.</summary>
    public static PaymentPeriod Holding(PaymentPeriodKind kind, DateOnly day)
    {
        var label = kind switch
        {
            PaymentPeriodKind.Year => day.Year.ToString(CultureInfo.InvariantCulture),
            PaymentPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{day.Year}-Q{((day.Month - 1) / 3) + 1}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{day.Year}-{day.Month:00}"),
        };
        TryParse(label, out var period);
        return period;
    }

    /// <summary>Every period of <paramref name="kind"/> that shares a day with <paramref name="from"/>–<paramref name="to"/>, in order.</summary>
    public static IReadOnlyList<PaymentPeriod> Covering(PaymentPeriodKind kind, DateOnly from, DateOnly to)
    {
        var periods = new List<PaymentPeriod>();
        for (var period = Holding(kind, from); period.Start <= to; period = Holding(kind, period.End.AddDays(1)))
        {
            periods.Add(period);
        }

        return periods;
    }

    /// <summary>Its kind, from how it is written.</summary>
    public PaymentPeriodKind Kind => Label.Contains('Q', StringComparison.Ordinal) ? PaymentPeriodKind.Quarter : Label.Length == 4 ? PaymentPeriodKind.Year : PaymentPeriodKind.Month;

    /// <summary>True when <paramref name="day"/> falls in it.</summary>
    public bool Contains(DateOnly day) => day >= Start && day <= End;

    [GeneratedRegex(@"^(?<year>\d{4})(-Q(?<quarter>[1-4])|-(?<month>0[1-9]|1[0-2]))?$")]
    private static partial Regex Pattern();
}
