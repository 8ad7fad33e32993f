using System.Runtime.CompilerServices;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Comparisons;

/// <summary>
/// City and ZIP code compared together. They say nearly the same thing — a ZIP code lies in one
/// city — so two separate comparisons would count one agreement twice and let namesakes in one
/// town outweigh a different surname. Levels: same ZIP and city; same ZIP; same city with the ZIP
/// one character off; same city; either one close; same area; different. Agreement weighs by how
/// common the ZIP (or the city) is.
/// </summary>
internal sealed class PlaceComparison : Comparison
{
    public override bool SharedByHousehold => true;

    public override string Name => "city_zip";

    public override StandardColumn[] Columns => [StandardColumn.City, StandardColumn.Zip];

    public override ComparisonLevel[] Levels { get; } =
    [
        new("same zip and city", TermFrequencyAdjusted: true),
        new("same zip", TermFrequencyAdjusted: true),
        new("same city, zip one character off"),
        new("same city", TermFrequencyAdjusted: true),
        new("zip one character off or city close"),
        new("same area (zip first three)"),
        new("different"),
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Compare(PreparedRecords records, int i, int j)
    {
        string? cityA = records.City[i], cityB = records.City[j], zipA = records.Zip[i], zipB = records.Zip[j];
        var hasCity = cityA is not null && cityB is not null;
        var hasZip = zipA is not null && zipB is not null;
        if (!hasCity && !hasZip)
        {
            return Null;
        }

        var sameCity = hasCity && string.Equals(cityA, cityB, StringComparison.Ordinal);
        var sameZip = hasZip && string.Equals(zipA, zipB, StringComparison.Ordinal);
        if (sameZip)
        {
            return sameCity ? 0 : 1;
        }

        var zipClose = hasZip && StringSimilarity.DamerauLevenshtein(zipA, zipB, 1) <= 1;
        if (sameCity)
        {
            return zipClose ? 2 : 3;
        }

        if (zipClose || (hasCity && StringSimilarity.JaroWinklerAtLeast(cityA, cityB, 0.90) > 0))
        {
            return 4;
        }

        return hasZip && zipA!.Length >= 3 && zipB!.Length >= 3 && zipA.AsSpan(0, 3).SequenceEqual(zipB.AsSpan(0, 3)) ? 5 : 6;
    }

    public override double TermFrequency(PreparedRecords records, int i, int j, int level) =>
        level == 3 ? records.CityFrequency[i] : records.ZipFrequency[i];

    public override string? Describe(PreparedRecords records, int i) =>
        records.City[i] is null && records.Zip[i] is null ? null : string.Join(' ', new[] { records.City[i], records.Zip[i] }.Where(v => v is not null));
}
