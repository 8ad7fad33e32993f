namespace Tessera.Governance.Agreements;

/// <summary>
/// A data use licence (Colorado's LINC model): one licensee, one project, one purpose, the sources
/// and files (or single fields) it may use, the level of release, the period, and the licensee's
/// undertakings — never to re-identify anyone, never to contact anyone in the data. Every
/// person-level release resolves through it to the data sharing agreements and the eMOU.
/// </summary>
/// <param name="Id">Its id, e.g. "dul-eval-1".</param>
/// <param name="Licensee">Who may use the release (a user name).</param>
/// <param name="Project">The project, e.g. "shelter-to-work".</param>
/// <param name="Purpose">Why, in plain language (shown on the public page).</param>
/// <param name="Sources">Per source, the files (<c>Exit</c>) or single fields (<c>Exit.ExitDate</c>) it may use.</param>
/// <param name="Level">De-identified or limited data set.</param>
/// <param name="Start">Its first day.</param>
/// <param name="End">Its last day.</param>
/// <param name="Questions">The research questions.</param>
/// <param name="DestroyOn">The day the licensee destroys the release, if set (required for education records).</param>
/// <param name="SecurityPlan">How the licensee keeps the release safe.</param>
/// <param name="DisseminationPlan">What the licensee will publish, and how.</param>
public sealed record DataUseLicence(
    string Id, string Licensee, string Project, string Purpose, IReadOnlyDictionary<string, IReadOnlyList<string>> Sources, ReleaseLevel Level,
    DateOnly Start, DateOnly End, IReadOnlyList<string> Questions, DateOnly? DestroyOn = null, string? SecurityPlan = null, string? DisseminationPlan = null)
{
    /// <summary>The licensee's undertakings, part of every licence.</summary>
    public static IReadOnlyList<string> Clauses { get; } =
    [
        "The licensee will not try to identify any person or family in the data, nor link it to other data that could.",
        "The licensee will not contact any person in the data.",
        "The licensee uses the data for the project's purpose only and destroys it when the licence ends.",
    ];

    /// <summary>True when the licence covers <paramref name="field"/> of <paramref name="file"/> of <paramref name="source"/> (file and field names in any letter case, as the dictionaries name them).</summary>
    public bool Covers(string source, string file, string field) =>
        Sources.TryGetValue(source, out var entries) && entries.Any(e =>
            string.Equals(e, file, StringComparison.OrdinalIgnoreCase) || string.Equals(e, file + "." + field, StringComparison.OrdinalIgnoreCase));
}
