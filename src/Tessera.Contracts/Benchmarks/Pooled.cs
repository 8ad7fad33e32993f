namespace Tessera.Contracts.Benchmarks;

/// <summary>
/// One figure from several: values averaged weighted by their denominators — for rates, every
/// numerator over every denominator; for means, the mean of all the rows behind them — and plainly
/// when some have no denominator (counts). Null when none has a value.
/// </summary>
public static class Pooled
{
    /// <summary>The pooled value of <paramref name="figures"/>.</summary>
    public static double? Of(IEnumerable<(long? Denominator, double? Value)> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var valued = figures.Where(f => f.Value is { } v && !double.IsNaN(v)).ToList();
        if (valued.Count == 0)
        {
            return null;
        }

        return valued.All(f => f.Denominator is > 0)
            ? valued.Sum(f => f.Denominator!.Value * f.Value!.Value) / valued.Sum(f => f.Denominator!.Value)
            : valued.Average(f => f.Value!.Value);
    }
}
