using System.Collections.Concurrent;
using Tessera.Linkage.Standardisation;
using Tessera.Linkage.Running;

namespace Tessera.Linkage.Records;

/// <summary>
/// Standardised records held column by column (one array per feature) so that comparing a pair
/// touches only what it needs. Built once per run; read by blocking, comparisons and clustering.
/// </summary>
internal sealed class PreparedRecords
{
    private PreparedRecords(int count)
    {
        Count = count;
        Source = new int[count];
        RecordId = new string[count];
        GivenFull = new string?[count];
        GivenFirst = new string?[count];
        GivenPhonetic = new string?[count];
        GivenNicknameGroups = new int[]?[count];
        MiddleFull = new string?[count];
        FamilyFull = new string?[count];
        FamilyParts = new string[]?[count];
        FamilyPhonetic = new string?[count];
        BirthDate = new int[count];
        AdultInYear = new int[count];
        Sex = new char[count];
        Ssn = new string?[count];
        SsnLastFour = new string?[count];
        Street = new string?[count];
        Unit = new string?[count];
        City = new string?[count];
        Zip = new string?[count];
        Phone = new string?[count];
        Email = new string?[count];
        GivenFrequency = new double[count];
        FamilyFrequency = new double[count];
        CityFrequency = new double[count];
        StreetFrequency = new double[count];
        ZipFrequency = new double[count];
    }

    public int Count { get; }

    public int[] Source { get; }

    public string[] RecordId { get; }

    public string?[] GivenFull { get; }

    public string?[] GivenFirst { get; }

    public string?[] GivenPhonetic { get; }

    /// <summary>The nickname groups of the first given name ("bill" → the William group).</summary>
    public int[]?[] GivenNicknameGroups { get; }

    public string?[] MiddleFull { get; }

    public string?[] FamilyFull { get; }

    public string[]?[] FamilyParts { get; }

    public string?[] FamilyPhonetic { get; }

    /// <summary>yyyymmdd, unknown parts 0, missing 0.</summary>
    public int[] BirthDate { get; }

    /// <summary>A year the person was an adult (working), 0 when unknown.</summary>
    public int[] AdultInYear { get; }

    public char[] Sex { get; }

    public string?[] Ssn { get; }

    public string?[] SsnLastFour { get; }

    public string?[] Street { get; }

    public string?[] Unit { get; }

    public string?[] City { get; }

    public string?[] Zip { get; }

    public string?[] Phone { get; }

    public string?[] Email { get; }

    /// <summary>Share of records with a given name that have this record's given name (term frequency).</summary>
    public double[] GivenFrequency { get; }

    public double[] FamilyFrequency { get; }

    public double[] CityFrequency { get; }

    public double[] StreetFrequency { get; }

    public double[] ZipFrequency { get; }

    /// <summary>Which standard columns hold a value in at least one record.</summary>
    public bool[] Has { get; } = new bool[StandardColumns.Count];

    /// <summary>
    /// The Bloom filters of each column in <see cref="StandardColumns.BloomFilters"/> (by its
    /// position there) that the input has, by record; null for columns no record has.
    /// </summary>
    public BloomFilter?[]?[] Filters { get; } = new BloomFilter?[]?[StandardColumns.BloomFilters.Count];

    /// <summary>Share of records with a filter in the column that have this very filter (the term frequency of an encoded name).</summary>
    public double[]?[] FilterFrequency { get; } = new double[]?[StandardColumns.BloomFilters.Count];

    /// <summary>Standardises <paramref name="records"/> (in parallel) and counts term frequencies; a two-digit birth year is read up to <paramref name="twoDigitYearMax"/>.</summary>
    public static PreparedRecords From(IReadOnlyList<IdentityRecord> records, int twoDigitYearMax = BirthDateParser.DefaultTwoDigitYearMax)
    {
        ArgumentNullException.ThrowIfNull(records);
        var prepared = new PreparedRecords(records.Count);
        foreach (var record in records)
        {
            for (var c = 0; c < StandardColumns.Count; c++)
            {
                prepared.Has[c] |= !string.IsNullOrWhiteSpace(record.Values[c]);
            }
        }

        for (var f = 0; f < StandardColumns.BloomFilters.Count; f++)
        {
            if (prepared.Has[(int)StandardColumns.BloomFilters[f]])
            {
                prepared.Filters[f] = new BloomFilter?[records.Count];
            }
        }

        var pool = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Parallel.For(0, records.Count, Workers.PerCore(), i => prepared.Prepare(i, records[i], twoDigitYearMax, pool));
        for (var f = 0; f < StandardColumns.BloomFilters.Count; f++)
        {
            if (prepared.Filters[f] is { } filters)
            {
                var column = (int)StandardColumns.BloomFilters[f];
                prepared.FilterFrequency[f] = new double[records.Count];
                Frequencies(records.Select((r, i) => filters[i] is null ? null : r.Values[column]!.Trim()).ToArray(), prepared.FilterFrequency[f]!);
            }
        }

        Parallel.Invoke(
            Workers.PerCore(),
            () => Frequencies(prepared.GivenFull, prepared.GivenFrequency),
            () => Frequencies(prepared.FamilyFull, prepared.FamilyFrequency),
            () => Frequencies(prepared.City, prepared.CityFrequency),
            () => Frequencies(prepared.Street, prepared.StreetFrequency),
            () => Frequencies(prepared.Zip, prepared.ZipFrequency));
        return prepared;
    }

    /// <summary>
    /// Standardises record <paramref name="i"/>. Values that repeat across records (names, their
    /// codes, streets, cities, ZIP codes) are kept once, from <paramref name="pool"/>: a million
    /// records hold a few hundred thousand distinct ones, and each copy kept would survive every
    /// collection until the run ends (less memory, shorter pauses; the values are the same).
    /// </summary>
    private void Prepare(int i, IdentityRecord record, int twoDigitYearMax, ConcurrentDictionary<string, string> pool)
    {
        string? Once(string? value) => value is null ? null : pool.GetOrAdd(value, value);

        Source[i] = record.Source;
        RecordId[i] = record.RecordId;
        var given = NameStandardiser.Given(record[StandardColumn.GivenName]);
        var middle = NameStandardiser.Given(record[StandardColumn.MiddleName]);
        var family = NameStandardiser.Family(record[StandardColumn.FamilyName]);
        if (record[StandardColumn.FullName] is { } full && (given is null || family is null))
        {
            var split = NameStandardiser.SplitFull(full);
            given ??= split.Given;
            middle ??= split.Middle;
            family ??= split.Family;
        }

        if (given is not null)
        {
            GivenFull[i] = Once(given.Full);
            GivenFirst[i] = Once(given.First);
            GivenPhonetic[i] = Once(Nysiis.Encode(given.First));
            GivenNicknameGroups[i] = Nicknames.GroupsOf(given.First);
        }

        MiddleFull[i] = Once(middle?.Full);
        if (family is not null)
        {
            FamilyFull[i] = Once(family.Full);
            FamilyParts[i] = family.Parts;
            FamilyPhonetic[i] = Once(Nysiis.Encode(family.Full));
        }

        BirthDate[i] = BirthDateParser.Parse(record[StandardColumn.BirthDate], twoDigitYearMax);
        Sex[i] = IdentifierStandardiser.Sex(record[StandardColumn.Sex]);
        Ssn[i] = IdentifierStandardiser.Ssn(record[StandardColumn.Ssn], out var lastFour);
        SsnLastFour[i] = Once(lastFour);
        var (street, unit) = AddressStandardiser.Standardise(record[StandardColumn.Street]);
        (Street[i], Unit[i]) = (Once(street), Once(unit));
        City[i] = Once(TextNormaliser.Normalise(record[StandardColumn.City]));
        Zip[i] = Once(IdentifierStandardiser.Zip(record[StandardColumn.Zip]));
        Phone[i] = IdentifierStandardiser.Phone(record[StandardColumn.Phone]);
        Email[i] = IdentifierStandardiser.Email(record[StandardColumn.Email]);
        for (var f = 0; f < Filters.Length; f++)
        {
            if (Filters[f] is { } filters && BloomFilter.TryParse(record[StandardColumns.BloomFilters[f]], out var filter))
            {
                filters[i] = filter;
            }
        }

        AdultInYear[i] = int.TryParse(record[StandardColumn.AdultInYear], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200 ? year : 0;
    }

    private static void Frequencies(string?[] values, double[] frequencies)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var value in values)
        {
            if (value is not null)
            {
                total++;
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }
        }

        for (var i = 0; i < values.Length; i++)
        {
            frequencies[i] = values[i] is { } value ? counts[value] / (double)total : 0;
        }
    }
}
