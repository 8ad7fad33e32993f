using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Comparisons;

/// <summary>
/// Keyed Bloom filters (CLKs) compared by Dice similarity, so encoded identifiers weigh in the
/// same Fellegi–Sunter model, clustering and person ids as plain ones. A filter of one field
/// (<c>family_name_clk</c>) has levels like the plain field's — identical filters mean identical
/// values, weighed by how common the value is; a record-level <c>clk</c>, which mixes several
/// fields, has finer levels, because there the whole record's agreement lies in one number: one
/// person's CLKs in a noisy file have Dice around 0.8, other people's around 0.55.
/// </summary>
internal sealed class BloomFilterComparison : Comparison
{
    private static readonly double[] RecordThresholds = [0.95, 0.9, 0.85, 0.8, 0.775, 0.75, 0.7, 0.65];

    private static readonly double[] FieldThresholds = [0.85, 0.7, 0.5];

    private readonly int _filter;
    private readonly double[] _thresholds;
    private readonly bool _identicalLevel;

    public BloomFilterComparison(StandardColumn column)
    {
        _filter = IndexOf(column);
        Column = column;
        _identicalLevel = column != StandardColumn.Clk;
        _thresholds = _identicalLevel ? FieldThresholds : RecordThresholds;
        var household = Plain is StandardColumn.Street or StandardColumn.Phone;
        var levels = new List<ComparisonLevel>();
        if (_identicalLevel)
        {
            levels.Add(new("identical", TermFrequencyAdjusted: Plain is StandardColumn.GivenName or StandardColumn.FamilyName, Household: household));
        }

        levels.AddRange(_thresholds.Select((t, n) => new ComparisonLevel("dice >= " + t.ToString("0.00#", CultureInfo.InvariantCulture), Household: household && n == 0)));
        levels.Add(new("different"));
        Levels = [.. levels];
    }

    /// <summary>The Bloom-filter column compared.</summary>
    public StandardColumn Column { get; }

    /// <summary>The plain column the filter encodes (the column itself for a record-level <c>clk</c>).</summary>
    public StandardColumn Plain => StandardColumns.Plain(Column);

    /// <summary>The Dice similarity from which records are compared at all when a rule joins them by their filters.</summary>
    public double Floor => _thresholds[^1];

    public override double[]? PriorM => _identicalLevel ? null : [0.05, 0.1, 0.2, 0.15, 0.15, 0.15, 0.1, 0.05, 0.05];

    /// <summary>
    /// For a record-level CLK, u from the Dice similarities of random pairs: a normal curve through
    /// their 99th and 99.9th percentiles, each level's u the curve's share of it. The levels that
    /// matter lie far in the tail — one pair in ten thousand or fewer — where random pairs see
    /// little but a few true matches, which would pass for non-matches and leave nothing for EM to
    /// find. The curve is fitted to the tail, not the middle: non-matches' Dice falls off faster
    /// than a normal curve through the median says, and a curve that overstates u at 0.75–0.80
    /// leaves EM no matches there. On the anonlink tutorial's CLKs this curve puts 0.0047 of
    /// non-matches at Dice ≥ 0.70 and 0.00008 at ≥ 0.75 (counted over all pairs, matches
    /// included: 0.0046 and 0.00013); one through the median and 99th percentile put 0.00023 at
    /// ≥ 0.75 and left recall at 0.59 where the tail fit reaches 0.73 (with one-to-one).
    /// </summary>
    public override double[]? ModelledU(PreparedRecords records, int seed)
    {
        if (_identicalLevel || records.Filters[_filter] is not { } filters)
        {
            return null;
        }

        var withFilter = Enumerable.Range(0, filters.Length).Where(i => filters[i] is not null).ToArray();
        if (withFilter.Length < 2)
        {
            return null;
        }

        var random = new Random(seed);
        var similarities = new double[400_000];
        for (var n = 0; n < similarities.Length; n++)
        {
            var i = withFilter[random.Next(withFilter.Length)];
            var j = withFilter[random.Next(withFilter.Length)];
            similarities[n] = i == j ? double.NaN : filters[i]!.Dice(filters[j]!);
        }

        var sample = similarities.Where(d => !double.IsNaN(d)).ToArray();
        var (q99, q999) = (sample.Quantile(0.99), sample.Quantile(0.999));
        var spread = Math.Max((q999 - q99) / (3.090 - 2.326), 1e-3);
        var curve = new Normal(q99 - 2.326 * spread, spread);
        var onePair = 2.0 / ((double)withFilter.Length * (withFilter.Length - 1));
        var u = new double[Levels.Length];
        var above = 0.0;
        for (var t = 0; t < _thresholds.Length; t++)
        {
            var atLeast = 1 - curve.CumulativeDistribution(_thresholds[t]);
            u[t] = Math.Max(atLeast - above, onePair);
            above = atLeast;
        }

        u[^1] = Math.Max(1 - above, onePair);
        var total = u.Sum();
        return u.Select(x => x / total).ToArray();
    }

    public override bool SharedByHousehold => Plain is StandardColumn.FamilyName or StandardColumn.Street or StandardColumn.Phone;

    public override string? ExactMatchRule => Plain is StandardColumn.Phone or StandardColumn.Email or StandardColumn.Ssn ? StandardColumns.NameOf(Column) : null;

    public override string Name => StandardColumns.NameOf(Column);

    public override StandardColumn[] Columns => [Column];

    public override ComparisonLevel[] Levels { get; }

    /// <summary>The position of <paramref name="column"/> among <see cref="StandardColumns.BloomFilters"/>.</summary>
    public static int IndexOf(StandardColumn column)
    {
        var index = StandardColumns.BloomFilters.ToList().IndexOf(column);
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(column), column, "not a Bloom-filter column");
    }

    public override int Compare(PreparedRecords records, int i, int j)
    {
        var filters = records.Filters[_filter];
        if (filters?[i] is not { } a || filters[j] is not { } b)
        {
            return Null;
        }

        var offset = 0;
        if (_identicalLevel)
        {
            if (a.SameAs(b))
            {
                return 0;
            }

            offset = 1;
        }

        var dice = a.Dice(b);
        for (var t = 0; t < _thresholds.Length; t++)
        {
            if (dice >= _thresholds[t])
            {
                return offset + t;
            }
        }

        return offset + _thresholds.Length;
    }

    public override double TermFrequency(PreparedRecords records, int i, int j, int level) => records.FilterFrequency[_filter]?[i] ?? 0;

    /// <summary>A reviewer sees that the value is encoded and how full the filter is, never the bits.</summary>
    public override string? Describe(PreparedRecords records, int i) =>
        records.Filters[_filter]?[i] is { } filter ? $"encoded ({filter.BitsSet} of {filter.Bytes * 8} bits set)" : null;
}
