namespace Tessera.Linkage.Clustering;

/// <summary>
/// Decisions people made that clustering must respect, as pairs of record positions: pairs a
/// reviewer confirmed are joined before any scored link, and pairs kept apart (a "not the same
/// person" decision, or every pair across a manual split) never end up in one person, however
/// strong the links between them. Example: a reviewer splits a father from his son's records
/// once; every later run keeps them apart.
/// </summary>
public sealed record LinkConstraints
{
    /// <summary>Record pairs confirmed as the same person.</summary>
    public IReadOnlyList<(int Left, int Right)> Confirmed { get; init; } = [];

    /// <summary>Record pairs that are not the same person.</summary>
    public IReadOnlyList<(int Left, int Right)> KeptApart { get; init; } = [];

    /// <summary>
    /// Known matches to learn m from (a labelled sample, e.g. an earlier clerical linkage) — as
    /// opposed to <see cref="Confirmed"/>, which only joins. Pairs a reviewer decided are not a
    /// fair sample of matches (they are the doubtful ones), so they are not used here.
    /// </summary>
    public IReadOnlyList<(int Left, int Right)> LabelledMatches { get; init; } = [];
}
