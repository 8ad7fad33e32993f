namespace Tessera.Metrics.Definitions;

/// <summary>
/// One outcome metric as written in YAML: who is counted (<see cref="Population"/>, each row with
/// an anchor date), what counts as success or failure (an <see cref="Outcome"/> event within a
/// window after the anchor, or a <see cref="Numerator"/> condition on the row itself), what number
/// comes out (<see cref="Value"/>), and how results are broken down (<see cref="GroupBy"/>,
/// <see cref="Period"/>). For example, re-arrest within a year: population = prison releases
/// anchored on the release date, outcome = an arrest 1–365 days later, value = rate.
/// </summary>
public sealed class MetricDefinition
{
    /// <summary>Stable identifier, lower case with dashes, e.g. "recidivism-rearrest-1y".</summary>
    public string Id { get; set; } = "";

    /// <summary>Version of the definition; raise it whenever the meaning changes, so stored results say which one they used.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Short title shown in tables.</summary>
    public string Title { get; set; } = "";

    /// <summary>Plain-language description: what is counted and why it matters.</summary>
    public string Description { get; set; } = "";

    /// <summary>Where the definition comes from, e.g. "CFSR Round 4 statewide data indicators".</summary>
    public string Standard { get; set; } = "";

    /// <summary>"higher_is_better" or "lower_is_better".</summary>
    public string Polarity { get; set; } = "higher_is_better";

    /// <summary>What one population row is, in words ("release", "episode", "referral").</summary>
    public string Unit { get; set; } = "person";

    /// <summary>The rows counted in the denominator.</summary>
    public PopulationDefinition Population { get; set; } = new();

    /// <summary>An event after the anchor that makes a row count in the numerator.</summary>
    public OutcomeDefinition? Outcome { get; set; }

    /// <summary>Events that take a population row out of the denominator (e.g. death, institutionalisation).</summary>
    public List<ExclusionDefinition> Exclude { get; set; } = [];

    /// <summary>Characteristics of the person behind each row that rates are adjusted for (client mix), by indirect standardisation.</summary>
    public List<CharacteristicDefinition> AdjustFor { get; set; } = [];

    /// <summary>A condition on the population row itself that makes it count in the numerator.</summary>
    public NumeratorDefinition? Numerator { get; set; }

    /// <summary>"rate" (default), "count", "mean", "median", "sum", "per_person" (sum per distinct person) or "days_to_outcome" (median days).</summary>
    public string Value { get; set; } = "rate";

    /// <summary>The population field that mean, median, sum and per_person summarise, e.g. "cost".</summary>
    public string? Measure { get; set; }

    /// <summary>Breakdowns: a field of the population file, or a named banding of one.</summary>
    public List<GroupDefinition> GroupBy { get; set; } = [];

    /// <summary>
    /// True for an outcome found after the person left a provider's service — often in another
    /// agency's data (re-involvement with child welfare after family preservation, wages after job
    /// training): the provider portal shows these to the provider that served them, which it would
    /// otherwise never learn.
    /// </summary>
    public bool PostExit { get; set; }

    /// <summary>"month" (default), "quarter", "year", "rolling_12" (12 months up to each month), "week" (Monday to Sunday) or "two_weeks": periods by anchor date.</summary>
    public string Period { get; set; } = "month";

    /// <summary>The parsed <see cref="Value"/>.</summary>
    public MetricValue ValueKind { get; internal set; }

    /// <summary>The parsed <see cref="Period"/>.</summary>
    public MetricPeriod PeriodKind { get; internal set; }
}
