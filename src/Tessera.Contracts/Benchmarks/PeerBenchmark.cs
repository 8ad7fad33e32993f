using MathNet.Numerics.Statistics;

namespace Tessera.Contracts.Benchmarks;

/// <summary>
/// Where a program's providers stand in one period: the median and the first and third quartiles
/// of their values (every provider of the program with a value that period, the one compared
/// included). Quartiles by linear interpolation between order statistics (R's type 7, Excel's
/// QUARTILE.INC), so a reader can check them in a spreadsheet.
/// </summary>
/// <param name="Median">The middle value.</param>
/// <param name="FirstQuartile">A quarter of the providers are at or below it.</param>
/// <param name="ThirdQuartile">Three quarters are at or below it.</param>
/// <param name="Providers">How many providers the figures come from.</param>
public sealed record PeerBenchmark(double Median, double FirstQuartile, double ThirdQuartile, int Providers)
{
    /// <summary>The benchmark of <paramref name="values"/>; null when there is none.</summary>
    public static PeerBenchmark? Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0
            ? null
            : new PeerBenchmark(
                SortedArrayStatistics.QuantileCustom(sorted, 0.5, QuantileDefinition.R7),
                SortedArrayStatistics.QuantileCustom(sorted, 0.25, QuantileDefinition.R7),
                SortedArrayStatistics.QuantileCustom(sorted, 0.75, QuantileDefinition.R7),
                sorted.Length);
    }
}
