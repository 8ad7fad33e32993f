using Tessera.Linkage.Assignment;

namespace Tessera.Linkage.Running;

/// <summary>Settings of a linkage run; the defaults are what <c>tessera linkage run</c> uses without a config.</summary>
public sealed record LinkageOptions
{
    /// <summary>Match probability from which two records are put in one person (default 0.5: more likely the same person than not).</summary>
    public double MatchThreshold { get; init; } = 0.5;

    /// <summary>Pairs at or above this probability are reported in pairs.csv (default 0.01).</summary>
    public double ReportThreshold { get; init; } = 0.01;

    /// <summary>
    /// Largest block compared (default 2,000 records, about two million pairs). Bigger blocks come
    /// from placeholders or very common values and are set aside and reported instead.
    /// </summary>
    public int MaxBlockSize { get; init; } = 2000;

    /// <summary>
    /// Pairs one blocking rule may ask for, per input record (default 2; at least one million in
    /// all). A rule's smallest blocks are compared first; its largest are set aside once the budget
    /// is spent, which keeps a million records linkable in a minute.
    /// </summary>
    public int PairsPerRecordPerRule { get; init; } = 2;

    /// <summary>Inputs of at most this many records (default 3,000, about 4.5 million pairs) are compared pair by pair, without blocking.</summary>
    public int CompareAllUpTo { get; init; } = 3000;

    /// <summary>
    /// Inputs of at most this many records (default 30,000, about 450 million filter comparisons
    /// at a few nanoseconds each) with a record-level CLK have every pair's filters compared and
    /// the similar ones kept; larger inputs block on sampled bits of the filters.
    /// </summary>
    public int FilterJoinUpTo { get; init; } = 30_000;

    /// <summary>
    /// The last year a two-digit birth year stands for (default 2029: "29" is 2029, "30" is 1930).
    /// Fixed rather than read from today's date, so a run links the same records the same way in
    /// any year; raise it for extracts with two-digit years of children born after 2029.
    /// </summary>
    public int TwoDigitYearMax { get; init; } = Standardisation.BirthDateParser.DefaultTwoDigitYearMax;

    /// <summary>
    /// Whether a person holds at most one record of each source (default <see cref="OneToOne.Off"/>):
    /// <see cref="OneToOne.Greedy"/> for data partners who each send one record per person,
    /// <see cref="OneToOne.Optimal"/> for the best assignment between exactly two.
    /// </summary>
    public OneToOne OneToOne { get; init; } = OneToOne.Off;

    /// <summary>Random pairs drawn per comparison to estimate u (default 100,000).</summary>
    public int RandomPairs { get; init; } = 100_000;

    /// <summary>
    /// Deterministic rules applied before any weighing (none by default): records agreeing exactly
    /// on every column of a rule, e.g. [ssn, birth_date], are one person.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Records.StandardColumn>> DeterministicRules { get; init; } = [];

    /// <summary>Comparisons and blocking rules not used, by name (e.g. "sex", "zip + initials"); none by default.</summary>
    public IReadOnlySet<string> LeftOut { get; init; } = new HashSet<string>();

    /// <summary>Seed for the random pairs, so a run can be repeated exactly.</summary>
    public int Seed { get; init; } = 20240501;
}
