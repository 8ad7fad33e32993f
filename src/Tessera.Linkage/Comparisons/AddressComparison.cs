using System.Runtime.CompilerServices;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Comparisons;

/// <summary>
/// Street, city and ZIP compared as one address. Compared apart they count one fact three times
/// (the same street address implies the same ZIP), while a street with a typo in the same town is
/// much stronger evidence than either part alone. Levels: same address and unit; same street
/// address (a building, weighed by how many records share it); street close in the same place;
/// street close; same ZIP and city; same ZIP or city; ZIP one character off or city close;
/// different.
/// </summary>
internal sealed class AddressComparison : Comparison
{
    public override bool SharedByHousehold => true;

    public override string Name => "address";

    public override StandardColumn[] Columns => [StandardColumn.Street, StandardColumn.City, StandardColumn.Zip];

    public override ComparisonLevel[] Levels { get; } =
    [
        new("same address and unit", Household: true),
        new("same street address", TermFrequencyAdjusted: true, Household: true),
        new("street close (jaro-winkler >= 0.90), same place", Household: true),
        new("street close (jaro-winkler >= 0.90)", Household: true),
        new("same zip and city", TermFrequencyAdjusted: true),
        new("same zip or city", TermFrequencyAdjusted: true),
        new("zip one character off or city close"),
        new("different"),
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Compare(PreparedRecords records, int i, int j)
    {
        string? streetA = records.Street[i], streetB = records.Street[j];
        string? cityA = records.City[i], cityB = records.City[j], zipA = records.Zip[i], zipB = records.Zip[j];
        var hasStreet = streetA is not null && streetB is not null;
        var hasCity = cityA is not null && cityB is not null;
        var hasZip = zipA is not null && zipB is not null;
        if (!hasStreet && !hasCity && !hasZip)
        {
            return Null;
        }

        var sameCity = hasCity && string.Equals(cityA, cityB, StringComparison.Ordinal);
        var sameZip = hasZip && string.Equals(zipA, zipB, StringComparison.Ordinal);
        if (hasStreet)
        {
            if (string.Equals(streetA, streetB, StringComparison.Ordinal))
            {
                return string.Equals(records.Unit[i], records.Unit[j], StringComparison.Ordinal) ? 0 : 1;
            }

            if (StringSimilarity.JaroWinklerAtLeast(streetA, streetB, 0.90) > 0)
            {
                return sameZip || sameCity ? 2 : 3;
            }
        }

        if (sameZip && sameCity)
        {
            return 4;
        }

        if (sameZip || sameCity)
        {
            return 5;
        }

        var zipClose = hasZip && StringSimilarity.DamerauLevenshtein(zipA, zipB, 1) <= 1;
        return zipClose || (hasCity && StringSimilarity.JaroWinklerAtLeast(cityA, cityB, 0.90) > 0) ? 6 : 7;
    }

    public override double TermFrequency(PreparedRecords records, int i, int j, int level) => level switch
    {
        1 => records.StreetFrequency[i],
        _ when records.Zip[i] is not null && string.Equals(records.Zip[i], records.Zip[j], StringComparison.Ordinal) => records.ZipFrequency[i],
        _ => records.CityFrequency[i],
    };

    public override string? Describe(PreparedRecords records, int i)
    {
        var parts = new[] { records.Street[i] is { } street && records.Unit[i] is { } unit ? street + " unit " + unit : records.Street[i], records.City[i], records.Zip[i] }
            .Where(p => p is not null)
            .ToArray();
        return parts.Length == 0 ? null : string.Join(", ", parts);
    }
}
