using Tessera.Linkage.Blocking;
using Tessera.Linkage.Comparisons;
using Tessera.Linkage.Records;
using C = Tessera.Linkage.Records.StandardColumn;

namespace Tessera.Linkage.Running;

/// <summary>
/// The built-in model: every comparison and blocking rule whose columns the input has. Its m
/// and u probabilities are not built in; they are trained on the input itself (u from random
/// pairs, m by EM), so the same model fits a county's records and a benchmark file.
/// </summary>
internal static class DefaultModel
{
    private static readonly Comparison[] AllComparisons =
    [
        new GivenNameComparison(), new MiddleNameComparison(), new FamilyNameComparison(), new BirthDateComparison(),
        new SexComparison(), new SsnComparison(), new StreetComparison(), new CityComparison(), new ZipComparison(),
        new PhoneComparison(), new EmailComparison(),
    ];

    /// <summary>Declared before the rules that hold it (static fields start in order). Used only when some record has one name only: otherwise its blocks would admit no pair.</summary>
    private static readonly BlockingRule LoneNameAndCity =
        new("lone name + city", [C.FamilyName, C.City], (r, i) => FamilyOrLone(r, i), (r, i) => r.City[i]) { Admits = (r, i, j) => Lone(r, i) || Lone(r, j) };

    private static readonly BlockingRule[] AllRules =
    [
        new("ssn", [C.Ssn], (r, i) => r.Ssn[i]),
        new("given_name + family_name", [C.GivenName, C.FamilyName], (r, i) => r.GivenFirst[i], (r, i) => r.FamilyFull[i]),
        new("family_name + birth_date", [C.FamilyName, C.BirthDate], (r, i) => FamilyOrLonePhonetic(r, i), (r, i) => FullDate(r, i)),
        new("given_name + birth_date", [C.GivenName, C.BirthDate], (r, i) => r.GivenPhonetic[i], (r, i) => FullDate(r, i)),
        new("birth_date + zip", [C.BirthDate, C.Zip], (r, i) => FullDate(r, i), (r, i) => r.Zip[i]),
        new("phone", [C.Phone], (r, i) => r.Phone[i]),
        new("email", [C.Email], (r, i) => r.Email[i]),
        new("sounds-alike names", [C.GivenName, C.FamilyName], (r, i) => r.GivenPhonetic[i], (r, i) => r.FamilyPhonetic[i]),
        new("family_name + zip", [C.FamilyName, C.Zip], (r, i) => FamilyOrLone(r, i), (r, i) => r.Zip[i]),
        new("given_name + zip", [C.GivenName, C.Zip], (r, i) => r.GivenFirst[i], (r, i) => r.Zip[i]),
        new("family_name + city + given initial", [C.FamilyName, C.City, C.GivenName], (r, i) => r.FamilyFull[i], (r, i) => r.City[i], (r, i) => Initial(r.GivenFirst[i])),
        new("given_name + city + family initial", [C.GivenName, C.City, C.FamilyName], (r, i) => r.GivenFirst[i], (r, i) => r.City[i], (r, i) => Initial(r.FamilyFull[i])),
        new("birth_date + given initial", [C.BirthDate, C.GivenName], (r, i) => FullDate(r, i), (r, i) => Initial(r.GivenFirst[i])),
        new("birth_date + family initial", [C.BirthDate, C.FamilyName], (r, i) => FullDate(r, i), (r, i) => Initial(FamilyOrLone(r, i))),
        new("street + family initial", [C.Street, C.FamilyName], (r, i) => r.Street[i], (r, i) => Initial(r.FamilyFull[i])),
        new("zip + initials", [C.Zip, C.GivenName, C.FamilyName], (r, i) => r.Zip[i], (r, i) => Initial(r.GivenFirst[i]), (r, i) => Initial(r.FamilyFull[i])),
        new("city + initials", [C.City, C.GivenName, C.FamilyName], (r, i) => r.City[i], (r, i) => Initial(r.GivenFirst[i]), (r, i) => Initial(r.FamilyFull[i])),
        new("names in either order", [C.GivenName, C.FamilyName], (r, i) => Ordered(r.GivenPhonetic[i], r.FamilyPhonetic[i])),
        new("birth_date + initials in either order", [C.BirthDate, C.GivenName, C.FamilyName], (r, i) => FullDate(r, i), (r, i) => Ordered(Initial(r.GivenFirst[i]), Initial(r.FamilyFull[i]))),
        new("street + zip", [C.Street, C.Zip], (r, i) => r.Street[i], (r, i) => r.Zip[i]),

        // A record with one name only ("Weedon", "Ewen") keys on it as a family name too; with no birth
        // date or ZIP its place is all it has left, and only pairs with such a record are compared there.
        LoneNameAndCity,

        // A birth date with a typed digit wrong or a day and month swapped keeps its year.
        new("family_name + birth year", [C.FamilyName, C.BirthDate], (r, i) => FamilyOrLonePhonetic(r, i), (r, i) => Year(r, i)),
        new("name beginnings", [C.GivenName, C.FamilyName], (r, i) => Prefix(r.GivenFirst[i], 3), (r, i) => Prefix(r.FamilyFull[i], 3)),

        // An SSN typed with one digit wrong keeps either its first five or its last four digits.
        new("ssn first five + given initial", [C.Ssn, C.GivenName], (r, i) => Prefix(r.Ssn[i], 5), (r, i) => Initial(r.GivenFirst[i])),
        new("ssn last four + given initial", [C.Ssn, C.GivenName], (r, i) => r.Ssn[i] is { Length: 9 } ssn ? ssn[5..] : null, (r, i) => Initial(r.GivenFirst[i])),

        // Encoded identifiers: identical filters are identical values, so the exact rules carry over.
        new("given_name_clk + family_name_clk", [C.GivenNameClk, C.FamilyNameClk], (r, i) => Encoded(r, C.GivenNameClk, i), (r, i) => Encoded(r, C.FamilyNameClk, i)),
        new("family_name_clk + birth_date_clk", [C.FamilyNameClk, C.BirthDateClk], (r, i) => Encoded(r, C.FamilyNameClk, i), (r, i) => Encoded(r, C.BirthDateClk, i)),
        new("given_name_clk + birth_date_clk", [C.GivenNameClk, C.BirthDateClk], (r, i) => Encoded(r, C.GivenNameClk, i), (r, i) => Encoded(r, C.BirthDateClk, i)),
        new("family_name_clk + birth_date", [C.FamilyNameClk, C.BirthDate], (r, i) => Encoded(r, C.FamilyNameClk, i), (r, i) => FullDate(r, i)),
        new("given_name_clk + birth_date", [C.GivenNameClk, C.BirthDate], (r, i) => Encoded(r, C.GivenNameClk, i), (r, i) => FullDate(r, i)),
        new("birth_date_clk + zip", [C.BirthDateClk, C.Zip], (r, i) => Encoded(r, C.BirthDateClk, i), (r, i) => r.Zip[i]),
        new("family_name_clk + zip", [C.FamilyNameClk, C.Zip], (r, i) => Encoded(r, C.FamilyNameClk, i), (r, i) => r.Zip[i]),
        new("given_name_clk + zip", [C.GivenNameClk, C.Zip], (r, i) => Encoded(r, C.GivenNameClk, i), (r, i) => r.Zip[i]),
        new("family_name_clk + city", [C.FamilyNameClk, C.City], (r, i) => Encoded(r, C.FamilyNameClk, i), (r, i) => r.City[i]),
        new("given_name_clk + city", [C.GivenNameClk, C.City], (r, i) => Encoded(r, C.GivenNameClk, i), (r, i) => r.City[i]),
        new("street_clk + family_name_clk", [C.StreetClk, C.FamilyNameClk], (r, i) => Encoded(r, C.StreetClk, i), (r, i) => Encoded(r, C.FamilyNameClk, i)),
        new("phone_clk", [C.PhoneClk], (r, i) => Encoded(r, C.PhoneClk, i)),
        new("email_clk", [C.EmailClk], (r, i) => Encoded(r, C.EmailClk, i)),
        new("ssn_clk", [C.SsnClk], (r, i) => Encoded(r, C.SsnClk, i)),
    ];

    /// <summary>MinHash bands over a record-level CLK when there are too many records to compare every pair's filters.</summary>
    private const int ClkBands = 8;

    private const int HashesPerBand = 4;

    /// <summary>MinHash bands over encoded names.</summary>
    private const int NameBands = 6;

    /// <summary>Rules one run can use: a candidate pair records the rules that found it in 32 bits.</summary>
    private const int MaxRules = 32;

    /// <summary>Every name a comparison or blocking rule of the model can have, for checking what a config leaves out.</summary>
    public static IReadOnlySet<string> Names { get; } = AllComparisons.Select(c => c.Name)
        .Concat(StandardColumns.BloomFilters.Select(c => new BloomFilterComparison(c).Name))
        .Concat([new AddressComparison().Name, new PlaceComparison().Name])
        .Concat(AllRules.Select(r => r.Name))
        .Concat(Enumerable.Range(1, NameBands).Select(NamesAlikeRule))
        .Concat(Enumerable.Range(1, ClkBands).Select(ClkMinHashRule))
        .Append(BlockingRule.Everything.Name)
        .Append(SimilarClks.Name)
        .ToHashSet(StringComparer.Ordinal);

    private static BlockingRule SimilarClks => BlockingRule.SimilarFilters(C.Clk, BloomFilterComparison.IndexOf(C.Clk), new BloomFilterComparison(C.Clk).Floor);

    /// <summary>
    /// The comparisons that apply to <paramref name="records"/>, less those <paramref name="leftOut"/>.
    /// Parts of an address are compared together: street with city and ZIP as one address, else
    /// city with ZIP as one place.
    /// </summary>
    public static Comparison[] Comparisons(PreparedRecords records, IReadOnlySet<string> leftOut)
    {
        var applicable = AllComparisons.Where(c => c.Columns.Any(column => records.Has[(int)column]))
            .Concat(StandardColumns.BloomFilters.Where(column => records.Has[(int)column]).Select(column => new BloomFilterComparison(column)));
        if (records.Has[(int)C.Street] && (records.Has[(int)C.City] || records.Has[(int)C.Zip]))
        {
            applicable = applicable.Where(c => c is not StreetComparison and not CityComparison and not ZipComparison).Append(new AddressComparison());
        }
        else if (records.Has[(int)C.City] && records.Has[(int)C.Zip])
        {
            applicable = applicable.Where(c => c is not CityComparison and not ZipComparison).Append(new PlaceComparison());
        }

        var comparisons = applicable.Where(c => !leftOut.Contains(c.Name)).ToArray();
        if (comparisons.Length == 0)
        {
            throw new InvalidOperationException("Nothing is left to compare: the input's identity columns are all left out.");
        }

        return comparisons.Length <= ComparisonVector.MaxComparisons
            ? comparisons
            : throw new InvalidOperationException($"The model has {comparisons.Length} comparisons; a comparison vector holds at most {ComparisonVector.MaxComparisons}.");
    }

    /// <summary>
    /// The blocking rules whose columns <paramref name="records"/> all have (a full name counts as
    /// given and family name), led by a rule comparing all pairs when there are at most
    /// <paramref name="compareAllUpTo"/> records. A record-level CLK has nothing exact to block
    /// on: up to <paramref name="filterJoinUpTo"/> records every pair's filters are compared and
    /// the similar ones kept; beyond, records sharing the MinHashes of a band are compared.
    /// </summary>
    public static IReadOnlyList<BlockingRule> BlockingRules(PreparedRecords records, int compareAllUpTo, int filterJoinUpTo, IReadOnlySet<string> leftOut)
    {
        var anyLone = Enumerable.Range(0, records.Count).Any(i => Lone(records, i));
        var rules = AllRules.Where(rule => rule.Columns.All(column => Has(records, column)) && (anyLone || rule != LoneNameAndCity));
        if (records.Count <= compareAllUpTo && !leftOut.Contains(BlockingRule.Everything.Name))
        {
            return rules.Prepend(BlockingRule.Everything).Where(rule => !leftOut.Contains(rule.Name)).ToArray();
        }

        if (FilterBits(records, C.GivenNameClk) > 0 && FilterBits(records, C.FamilyNameClk) > 0)
        {
            rules = rules.Concat(NamesAlike(records));
        }

        if (FilterBits(records, C.Clk) > 0)
        {
            rules = rules.Concat(records.Count <= filterJoinUpTo ? [SimilarClks] : ClkMinHashBands(records));
        }

        var chosen = rules.Where(rule => !leftOut.Contains(rule.Name)).ToArray();
        return chosen.Length <= MaxRules
            ? chosen
            : throw new InvalidOperationException($"The input's columns call for {chosen.Length} blocking rules; a run can use at most {MaxRules}. Give each identifier either plain or encoded (as a Bloom filter), not both.");
    }

    /// <summary>
    /// MinHash rules over a record-level CLK: each band keys on four MinHashes of the filter
    /// (seeded, so a run repeats). Two CLKs of one person share most set bits and so, with a fair
    /// chance, all four; two people's CLKs share fewer.
    /// </summary>
    private static IEnumerable<BlockingRule> ClkMinHashBands(PreparedRecords records)
    {
        var filter = BloomFilterComparison.IndexOf(C.Clk);
        var bits = FilterBits(records, C.Clk);
        var common = CommonBits(records.Filters[filter]!, bits);
        for (var band = 0; band < ClkBands; band++)
        {
            var ranks = Ranks(bits, HashesPerBand, seed: band);
            foreach (var rank in ranks)
            {
                foreach (var position in common)
                {
                    rank[position] = int.MaxValue; // never a MinHash: a bit nearly every filter has joins nearly everyone
                }
            }

            yield return new BlockingRule(ClkMinHashRule(band + 1), [C.Clk], (r, i) => MinHashes(r.Filters[filter]![i], ranks));
        }
    }

    /// <summary>
    /// MinHash rules over encoded given and family names, the encoded stand-in for "sounds-alike
    /// names": each band keys on two MinHashes of each name's filter, which one person's
    /// misspelt and right name share with a good chance (their filters share most bits) and two
    /// people's different names rarely.
    /// </summary>
    private static IEnumerable<BlockingRule> NamesAlike(PreparedRecords records)
    {
        var given = BloomFilterComparison.IndexOf(C.GivenNameClk);
        var family = BloomFilterComparison.IndexOf(C.FamilyNameClk);
        var bits = Math.Max(FilterBits(records, C.GivenNameClk), FilterBits(records, C.FamilyNameClk));
        for (var band = 0; band < NameBands; band++)
        {
            var ranks = Ranks(bits, 4, seed: 1000 + band);
            yield return new BlockingRule(
                NamesAlikeRule(band + 1),
                [C.GivenNameClk, C.FamilyNameClk],
                (r, i) => MinHashes(r.Filters[given]![i], ranks[..2]),
                (r, i) => MinHashes(r.Filters[family]![i], ranks[2..]));
        }
    }

    /// <summary>
    /// Bit positions set in a share of the filters more than <see cref="CommonBitMargin"/> above the
    /// average bit's (25% of filters where the average bit is in 30%, say): a token nearly every
    /// record has (the century of a birth date, a sex) sets them, and a MinHash landing on one puts
    /// a large share of all records in one block — which the pair budget then sets aside.
    /// </summary>
    private static int[] CommonBits(BloomFilter?[] filters, int bits)
    {
        var counts = new int[bits];
        var present = 0;
        foreach (var filter in filters)
        {
            if (filter is not null)
            {
                filter.CountBits(counts);
                present++;
            }
        }

        var cutoff = (counts.Average() / Math.Max(1, present) + CommonBitMargin) * present;
        return [.. Enumerable.Range(0, bits).Where(b => counts[b] > cutoff)];
    }

    /// <summary>How much more often than the average bit a bit must be set to be too common to block on (share of filters).</summary>
    private const double CommonBitMargin = 0.25;

    private static string NamesAlikeRule(int band) => $"encoded names alike {band}";

    private static string ClkMinHashRule(int band) => $"clk minhash {band}";

    /// <summary>A filter's MinHashes under <paramref name="ranks"/> as one key; null without a filter or a ranked bit.</summary>
    private static string? MinHashes(BloomFilter? filter, int[][] ranks)
    {
        if (filter is null)
        {
            return null;
        }

        var hashes = ranks.Select(rank => filter.MinHash(rank)).ToArray();
        return hashes.Contains(-1) ? null : string.Join('.', hashes);
    }

    /// <summary>The length in bits of the column's filters (0 when none could be read, and then no band has a key).</summary>
    private static int FilterBits(PreparedRecords records, StandardColumn column) =>
        (records.Filters[BloomFilterComparison.IndexOf(column)]?.FirstOrDefault(f => f is not null)?.Bytes ?? 0) * 8;

    /// <summary>Random orders of the bit positions of a filter, one per MinHash.</summary>
    private static int[][] Ranks(int bits, int hashes, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, hashes).Select(_ =>
        {
            var order = Enumerable.Range(0, bits).ToArray();
            random.Shuffle(order);
            return order;
        }).ToArray();
    }

    private static string? Encoded(PreparedRecords records, StandardColumn column, int i) =>
        records.Filters[BloomFilterComparison.IndexOf(column)]?[i]?.Fingerprint;

    private static bool Has(PreparedRecords records, StandardColumn column) =>
        records.Has[(int)column] || (column is C.GivenName or C.FamilyName && records.Has[(int)C.FullName]);

    private static string? FullDate(PreparedRecords records, int i) =>
        records.BirthDate[i] is var date and > 0 && date % 100 != 0 && date / 100 % 100 != 0 ? date.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// The family name, or a record's only name when it has no family name: "Weedon" alone in the
    /// given-name field is as often a family name as a given one, and the given-name rules
    /// already key on it as a given name.
    /// </summary>
    private static string? FamilyOrLone(PreparedRecords records, int i) => records.FamilyFull[i] ?? records.GivenFirst[i];

    /// <summary>True when the record has one name only, given or family.</summary>
    private static bool Lone(PreparedRecords records, int i) => records.GivenFull[i] is null != records.FamilyFull[i] is null;

    private static string? FamilyOrLonePhonetic(PreparedRecords records, int i) => records.FamilyFull[i] is null ? records.GivenPhonetic[i] : records.FamilyPhonetic[i];

    private static string? Year(PreparedRecords records, int i) =>
        records.BirthDate[i] / 10000 is var year and > 0 ? year.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    private static string? Initial(string? value) => value is { Length: > 0 } ? value[..1] : null;

    /// <summary>Two values in alphabetical order, so given and family names swapped between fields give one key.</summary>
    private static string? Ordered(string? a, string? b) =>
        a is null || b is null ? null : string.CompareOrdinal(a, b) <= 0 ? a + "|" + b : b + "|" + a;

    private static string? Prefix(string? value, int length) => value is { Length: > 0 } ? value[..Math.Min(length, value.Length)] : null;
}
