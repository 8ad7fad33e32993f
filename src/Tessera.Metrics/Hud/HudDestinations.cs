namespace Tessera.Metrics.Hud;

/// <summary>
/// HUD's destination groups as the SPM programming specifications use them, in both code lists:
/// the two-digit codes before FY2024 (HUD's Data Lab test kit, e.g. 10 = rental by client, no
/// subsidy) and the three-digit FY2024 codes (e.g. 410), so an export of either year counts alike.
/// </summary>
public static class HudDestinations
{
    /// <summary>Permanent housing destinations (owned, rented, permanent tenure with family or friends, PSH, subsidised rentals).</summary>
    public static IReadOnlyList<int> Permanent { get; } = [3, 10, 11, 19, 20, 21, 22, 23, 26, 28, 31, 33, 34, 410, 411, 421, 422, 423, 426, 435];

    /// <summary>Temporary and some institutional destinations, the successful non-permanent exits from street outreach (measure 7a.1).</summary>
    public static IReadOnlyList<int> TemporaryAndSomeInstitutional { get; } = [1, 2, 4, 5, 12, 13, 14, 15, 18, 25, 27, 32, 101, 118, 204, 205, 215, 225, 302, 312, 313, 314, 327, 332];

    /// <summary>Destinations that take a street-outreach leaver out of measure 7a.1: hospital, residential project or halfway house, deceased.</summary>
    public static IReadOnlyList<int> ExcludedFromOutreachExits { get; } = [6, 24, 29, 206, 329];

    /// <summary>Destinations that take a leaver out of measure 7b: hospital, foster care, long-term care, deceased.</summary>
    public static IReadOnlyList<int> ExcludedFromHousingExits { get; } = [6, 15, 24, 25, 206, 215, 225];

    internal static string List(IReadOnlyList<int> codes) => string.Join(", ", codes);
}
