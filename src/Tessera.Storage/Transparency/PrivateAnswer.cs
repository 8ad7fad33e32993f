namespace Tessera.Storage.Transparency;

/// <summary>
/// A differentially private answer as published: how many people a metric counted in one period,
/// and how many of them had the outcome, each with discrete Laplace noise; the rate is computed
/// from the two noisy counts.
/// </summary>
/// <param name="DataSet">The data set whose privacy budget paid for it (the metric's population source).</param>
/// <param name="Query">The question, as stored: metric, version and period.</param>
/// <param name="MetricId">The metric.</param>
/// <param name="MetricTitle">The metric's title.</param>
/// <param name="From">The first period's first day.</param>
/// <param name="To">The last period's first day (the same as <paramref name="From"/> for one period).</param>
/// <param name="Epsilon">The privacy loss it spent (ε).</param>
/// <param name="People">People counted, with noise (never below 0).</param>
/// <param name="PeopleWithOutcome">People with the outcome, with noise (never below 0 nor above <paramref name="People"/>).</param>
/// <param name="AnsweredUtc">When it was first answered.</param>
/// <param name="Repeated">True when this call returned the stored answer of an earlier identical query (nothing spent).</param>
public sealed record PrivateAnswer(string DataSet, string Query, string MetricId, string MetricTitle, DateOnly From, DateOnly To, decimal Epsilon, long People, long PeopleWithOutcome, DateTime AnsweredUtc, bool Repeated)
{
    /// <summary>CSV header of published answers.</summary>
    public const string Header = "data_set,metric,metric_title,from,to,epsilon,people,people_with_outcome,rate,margin_95,answered_utc";

    /// <summary>
    /// How far each count may be from the truth, with 95% probability: the noise's scale (2/ε)
    /// times ln 20, since a Laplace variable of scale b is beyond t with probability e^(−t/b).
    /// </summary>
    public long Margin95 => (long)Math.Ceiling(2 / (double)Epsilon * Math.Log(20));

    /// <summary>The share with the outcome, from the noisy counts; null when no one is counted.</summary>
    public double? Rate => People > 0 ? (double)PeopleWithOutcome / People : null;
}
