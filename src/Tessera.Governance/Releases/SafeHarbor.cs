using System.Globalization;
using Tessera.Governance.Agreements;

namespace Tessera.Governance.Releases;

/// <summary>
/// What a release does with each kind of identifier (45 CFR 164.514). A de-identified data set
/// (Safe Harbor) removes names, addresses, contact numbers and every unique code; keeps of dates
/// only the year; of ZIP codes the first three digits — "000" where that three-digit area has
/// 20,000 people or fewer; and groups ages over 89, with the birth years that reveal them, as 90
/// or older. A limited data set removes the 16 direct identifiers but keeps dates, town or city,
/// and five-digit ZIP codes.
/// </summary>
public static class SafeHarbor
{
    /// <summary>
    /// The three-digit ZIP areas of 20,000 people or fewer in the 2000 Census, which HHS lists for
    /// Safe Harbor releases (HHS, "Guidance Regarding Methods for De-identification", 2012; 67 FR
    /// 53182): their ZIP codes are released as 000.
    /// </summary>
    public static IReadOnlySet<string> SparseZip3 { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878", "879", "884", "890", "893",
    };

    /// <summary>The oldest age shown as itself; older ages are "90 or older".</summary>
    public const int OldestShownAge = 89;

    /// <summary>What a release at <paramref name="level"/> does with an identifier of <paramref name="kind"/>.</summary>
    public static ReleaseRule Rule(IdentifierKind kind, ReleaseLevel level) => (kind, level) switch
    {
        (IdentifierKind.Zip, ReleaseLevel.Deidentified) => ReleaseRule.Zip3,
        (IdentifierKind.BirthDate or IdentifierKind.Date, ReleaseLevel.Deidentified) => ReleaseRule.YearOnly,
        (IdentifierKind.Age, ReleaseLevel.Deidentified) => ReleaseRule.AgeGrouped,
        (IdentifierKind.Zip or IdentifierKind.City or IdentifierKind.BirthDate or IdentifierKind.Date or IdentifierKind.Age, ReleaseLevel.Limited) => ReleaseRule.Keep,
        _ => ReleaseRule.Remove,
    };

    /// <summary>
    /// <paramref name="value"/> as a release at <paramref name="level"/> carries it, for a release
    /// made on <paramref name="releaseDay"/>; null when the identifier is removed (or empty).
    /// </summary>
    public static string? Apply(IdentifierKind kind, ReleaseLevel level, string? value, DateOnly releaseDay)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        return Rule(kind, level) switch
        {
            ReleaseRule.Keep => text,
            ReleaseRule.Zip3 => Zip3(text),
            ReleaseRule.YearOnly => Year(kind, text, releaseDay),
            ReleaseRule.AgeGrouped => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var age) ? (age > OldestShownAge ? "90 or older" : text) : null,
            _ => null,
        };
    }

    // The first three digits, or 000 for a sparse area or anything that is not a ZIP code.
    private static string Zip3(string zip)
    {
        var digits = new string([.. zip.TakeWhile(c => c != '-').Where(char.IsAsciiDigit)]);
        return digits.Length >= 3 && !SparseZip3.Contains(digits[..3]) ? digits[..3] : "000";
    }

    // The year; for a birth date that makes the person 90 or older on the release day, the group instead.
    private static string? Year(IdentifierKind kind, string text, DateOnly releaseDay)
    {
        if (!DateOnly.TryParse(text.Length > 10 ? text[..10] : text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return null;
        }

        if (kind == IdentifierKind.BirthDate && AgeOn(day, releaseDay) > OldestShownAge)
        {
            return "90 or older";
        }

        return day.Year.ToString(CultureInfo.InvariantCulture);
    }

    private static int AgeOn(DateOnly born, DateOnly day) => day.Year - born.Year - (day < born.AddYears(day.Year - born.Year) ? 1 : 0);
}
