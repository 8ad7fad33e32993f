using Tessera.Linkage.Records;

namespace Tessera.Linkage.Comparisons;

/// <summary>
/// Compares one aspect of two records (given name, birth date …) and says which of its levels the
/// pair falls into, most similar first; the last level is "different". Each level gets its own
/// m and u probability in the Fellegi–Sunter model.
/// </summary>
internal abstract class Comparison
{
    /// <summary>The level of a pair where either record lacks the value: it counts neither way.</summary>
    public const int Null = 15;

    /// <summary>Short name shown in charts and explanations, e.g. "given_name".</summary>
    public abstract string Name { get; }

    /// <summary>The standard columns this comparison reads; it is used when any of them is present.</summary>
    public abstract StandardColumn[] Columns { get; }

    public abstract ComparisonLevel[] Levels { get; }

    /// <summary>
    /// True for what members of one household usually share: family name, address, place, phone.
    /// Training leaves these out of sessions whose blocks are households (same phone, same street,
    /// same family name in one place): there every pair agrees on them, member or duplicate alike.
    /// </summary>
    public virtual bool SharedByHousehold => false;

    /// <summary>
    /// The blocking rule that puts every pair agreeing exactly on this comparison's value in one
    /// block (SSN, phone, e-mail), or null. All such pairs are then compared, so their u can be
    /// counted among them instead of sampled: a random sample of 100,000 pairs cannot tell a
    /// shared SSN's u of 10⁻⁸ from 10⁻⁵.
    /// </summary>
    public virtual string? ExactMatchRule => null;

    /// <summary>
    /// m to start training from, per level; null for the usual start (most matches at the first
    /// level). A comparison that no training session estimates (a record-level CLK, blocked only
    /// on itself) goes into the refinement with it, so it must be a fair guess.
    /// </summary>
    public virtual double[]? PriorM => null;

    /// <summary>
    /// u per level from a model of how non-matches are distributed, for levels too rare among
    /// non-matches for random pairs to measure; null (the default) to count u among random pairs.
    /// </summary>
    public virtual double[]? ModelledU(PreparedRecords records, int seed) => null;

    /// <summary>The level of records <paramref name="i"/> and <paramref name="j"/>, or <see cref="Null"/>.</summary>
    public abstract int Compare(PreparedRecords records, int i, int j);

    /// <summary>The term frequency of the value a pair agrees on, for a term-frequency-adjusted level.</summary>
    public virtual double TermFrequency(PreparedRecords records, int i, int j, int level) => 0;

    /// <summary>The values compared, as shown side by side to a reviewer.</summary>
    public abstract string? Describe(PreparedRecords records, int i);
}
