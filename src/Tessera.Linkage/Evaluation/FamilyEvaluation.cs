using Tessera.Linkage.Families;

namespace Tessera.Linkage.Evaluation;

/// <summary>
/// How found family links compare with the true ones. Each found person stands for the true
/// person most of its records belong to; a found link counts as right when the two true persons
/// have that very link (same type, same direction for parent links). True links count only when
/// both persons have a record in the data — a relation nobody recorded cannot be found.
/// </summary>
public sealed record FamilyEvaluation(PairCounts Links, IReadOnlyDictionary<FamilyRelation, PairCounts> ByRelation, int TrueLinksOutsideData)
{
    /// <summary>Evaluates <paramref name="found"/> links between found persons against <paramref name="trueLinks"/> between true persons.</summary>
    /// <param name="found">Found links (found person ids).</param>
    /// <param name="clusters">Each record's found person.</param>
    /// <param name="truth">Each record's true person.</param>
    /// <param name="trueLinks">True links (true person ids).</param>
    public static FamilyEvaluation Of(
        IReadOnlySet<(string A, string B, FamilyRelation Relation)> found,
        IReadOnlyDictionary<(string Source, string RecordId), string> clusters,
        IReadOnlyDictionary<(string Source, string RecordId), string> truth,
        IReadOnlySet<(string A, string B, FamilyRelation Relation)> trueLinks)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(trueLinks);
        var standsFor = clusters.Where(c => truth.ContainsKey(c.Key))
            .GroupBy(c => c.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(c => truth[c.Key], StringComparer.Ordinal).OrderByDescending(t => t.Count()).ThenBy(t => t.Key, StringComparer.Ordinal).First().Key, StringComparer.Ordinal);
        var inData = truth.Values.ToHashSet(StringComparer.Ordinal);
        var reachable = trueLinks.Where(l => inData.Contains(l.A) && inData.Contains(l.B)).ToHashSet();
        var mapped = found
            .Select(l => (A: standsFor.GetValueOrDefault(l.A), B: standsFor.GetValueOrDefault(l.B), l.Relation))
            .Select(l => l.A is null || l.B is null ? ("?", "?", l.Relation) : l.Relation == FamilyRelation.Parent || string.CompareOrdinal(l.A, l.B) <= 0 ? (l.A, l.B, l.Relation) : (l.B, l.A, l.Relation))
            .ToList();
        PairCounts Count(Func<FamilyRelation, bool> which) => new(
            reachable.Count(l => which(l.Relation)),
            mapped.Count(l => which(l.Relation)),
            mapped.Count(l => which(l.Relation) && reachable.Contains(l)));
        return new FamilyEvaluation(
            Count(_ => true),
            Enum.GetValues<FamilyRelation>().ToDictionary(r => r, r => Count(x => x == r)),
            trueLinks.Count - reachable.Count);
    }
}
