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

    private static readonly BlockingRule[] AllRules =
    [
        new("ssn", [C.Ssn], (r, i) => r.Ssn[i]),
        new("given_name + family_name", [C.GivenName, C.FamilyName], (r, i) => r.GivenFirst[i], (r, i) => r.FamilyFull[i]),
        new("family_name + birth_date", [C.FamilyName, C.BirthDate], (r, i) => r.FamilyPhonetic[i], (r, i) => FullDate(r, i)),
        new("given_name + birth_date", [C.GivenName, C.BirthDate], (r, i) => r.GivenPhonetic[i], (r, i) => FullDate(r, i)),
        new("birth_date + zip", [C.BirthDate, C.Zip], (r, i) => FullDate(r, i), (r, i) => r.Zip[i]),
        new("phone", [C.Phone], (r, i) => r.Phone[i]),
        new("email", [C.Email], (r, i) => r.Email[i]),
        new("sounds-alike names", [C.GivenName, C.FamilyName], (r, i) => r.GivenPhonetic[i], (r, i) => r.FamilyPhonetic[i]),
        new("family_name + zip", [C.FamilyName, C.Zip], (r, i) => r.FamilyFull[i], (r, i) => r.Zip[i]),
        new("given_name + zip", [C.GivenName, C.Zip], (r, i) => r.GivenFirst[i], (r, i) => r.Zip[i]),
        new("family_name + city + given initial", [C.FamilyName, C.City, C.GivenName], (r, i) => r.FamilyFull[i], (r, i) => r.City[i], (r, i) => Initial(r.GivenFirst[i])),
        new("given_name + city + family initial", [C.GivenName, C.City, C.FamilyName], (r, i) => r.GivenFirst[i], (r, i) => r.City[i], (r, i) => Initial(r.FamilyFull[i])),
        new("birth_date + given initial", [C.BirthDate, C.GivenName], (r, i) => FullDate(r, i), (r, i) => Initial(r.GivenFirst[i])),
        new("birth_date + family initial", [C.BirthDate, C.FamilyName], (r, i) => FullDate(r, i), (r, i) => Initial(r.FamilyFull[i])),
        new("street + family initial", [C.Street, C.FamilyName], (r, i) => r.Street[i], (r, i) => Initial(r.FamilyFull[i])),
        new("zip + initials", [C.Zip, C.GivenName, C.FamilyName], (r, i) => r.Zip[i], (r, i) => Initial(r.GivenFirst[i]), (r, i) => Initial(r.FamilyFull[i])),
        new("city + initials", [C.City, C.GivenName, C.FamilyName], (r, i) => r.City[i], (r, i) => Initial(r.GivenFirst[i]), (r, i) => Initial(r.FamilyFull[i])),
        new("names in either order", [C.GivenName, C.FamilyName], (r, i) => Ordered(r.GivenPhonetic[i], r.FamilyPhonetic[i])),
        new("birth_date + initials in either order", [C.BirthDate, C.GivenName, C.FamilyName], (r, i) => FullDate(r, i), (r, i) => Ordered(Initial(r.GivenFirst[i]), Initial(r.FamilyFull[i]))),
        new("street + zip", [C.Street, C.Zip], (r, i) => r.Street[i], (r, i) => r.Zip[i]),
        new("name beginnings", [C.GivenName, C.FamilyName], (r, i) => Prefix(r.GivenFirst[i], 3), (r, i) => Prefix(r.FamilyFull[i], 3)),
    ];

    /// <summary>
    /// The comparisons that apply to <paramref name="records"/>. Parts of an address are compared
    /// together: street with city and ZIP as one address, else city with ZIP as one place.
    /// </summary>
    public static Comparison[] Comparisons(PreparedRecords records)
    {
        var applicable = AllComparisons.Where(c => c.Columns.Any(column => records.Has[(int)column]));
        if (records.Has[(int)C.Street] && (records.Has[(int)C.City] || records.Has[(int)C.Zip]))
        {
            applicable = applicable.Where(c => c is not StreetComparison and not CityComparison and not ZipComparison).Append(new AddressComparison());
        }
        else if (records.Has[(int)C.City] && records.Has[(int)C.Zip])
        {
            applicable = applicable.Where(c => c is not CityComparison and not ZipComparison).Append(new PlaceComparison());
        }

        var comparisons = applicable.ToArray();
        return comparisons.Length <= ComparisonVector.MaxComparisons
            ? comparisons
            : throw new InvalidOperationException($"The model has {comparisons.Length} comparisons; a comparison vector holds at most {ComparisonVector.MaxComparisons}.");
    }

    /// <summary>
    /// The blocking rules whose columns <paramref name="records"/> all have (a full name counts as
    /// given and family name), led by a rule comparing all pairs when there are at most
    /// <paramref name="compareAllUpTo"/> records.
    /// </summary>
    public static IReadOnlyList<BlockingRule> BlockingRules(PreparedRecords records, int compareAllUpTo)
    {
        var rules = AllRules.Where(rule => rule.Columns.All(column => Has(records, column)));
        return (records.Count <= compareAllUpTo ? rules.Prepend(BlockingRule.Everything) : rules).ToArray();
    }

    private static bool Has(PreparedRecords records, StandardColumn column) =>
        records.Has[(int)column] || (column is C.GivenName or C.FamilyName && records.Has[(int)C.FullName]);

    private static string? FullDate(PreparedRecords records, int i) =>
        records.BirthDate[i] is var date and > 0 && date % 100 != 0 && date / 100 % 100 != 0 ? date.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    private static string? Initial(string? value) => value is { Length: > 0 } ? value[..1] : null;

    /// <summary>Two values in alphabetical order, so given and family names swapped between fields give one key.</summary>
    private static string? Ordered(string? a, string? b) =>
        a is null || b is null ? null : string.CompareOrdinal(a, b) <= 0 ? a + "|" + b : b + "|" + a;

    private static string? Prefix(string? value, int length) => value is { Length: > 0 } ? value[..Math.Min(length, value.Length)] : null;
}
