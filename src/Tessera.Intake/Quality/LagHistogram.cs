namespace Tessera.Intake.Quality;

/// <summary>Days between event dates and the end of the delivery's period, kept as a histogram so ten million rows cost a few kilobytes.</summary>
internal sealed class LagHistogram(string field, DateTime periodEnd)
{
    private const int MaxDays = 3660;
    private readonly long[] _days = new long[MaxDays + 1];
    private long _rows;

    public void Add(DateTime eventDate)
    {
        var lag = (int)Math.Clamp((periodEnd - eventDate.Date).TotalDays, 0, MaxDays);
        _days[lag]++;
        _rows++;
    }

    public Timeliness? ToTimeliness()
    {
        if (_rows == 0)
        {
            return null;
        }

        var older = _days.Skip(91).Sum();
        return new Timeliness
        {
            Field = field,
            Rows = _rows,
            MedianDays = Percentile(0.5),
            P90Days = Percentile(0.9),
            ShareOlderThan90Days = (double)older / _rows,
        };
    }

    private int Percentile(double p)
    {
        var target = (long)Math.Ceiling(p * _rows);
        long seen = 0;
        for (var day = 0; day < _days.Length; day++)
        {
            seen += _days[day];
            if (seen >= target)
            {
                return day;
            }
        }

        return MaxDays;
    }
}
