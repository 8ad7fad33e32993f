using System.Globalization;

namespace Tessera.Contracts.Planning;

/// <summary>
/// How much each readiness criterion counts in the ranking. Equal to begin with; the group changes
/// them in the next-steps meeting (a leadership that wants quick wins weighs timing up).
/// </summary>
public sealed record ReadinessWeights(IReadOnlyDictionary<ReadinessCriterion, decimal> Values)
{
    /// <summary>Every criterion at weight 1.</summary>
    public static ReadinessWeights Equal { get; } = new(Enum.GetValues<ReadinessCriterion>().ToDictionary(c => c, _ => 1m));

    /// <summary>The weight of <paramref name="criterion"/>.</summary>
    public decimal Of(ReadinessCriterion criterion) => Values.TryGetValue(criterion, out var weight) ? weight : 0m;

    /// <summary>These weights with <paramref name="criterion"/> at <paramref name="weight"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative weight, or one that leaves every weight at zero.</exception>
    public ReadinessWeights With(ReadinessCriterion criterion, decimal weight)
    {
        if (weight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, string.Create(CultureInfo.InvariantCulture, $"The weight of {Prioritisation.Name(criterion)} must be 0 or more, not {weight}."));
        }

        var values = Enum.GetValues<ReadinessCriterion>().ToDictionary(c => c, c => c == criterion ? weight : Of(c));
        if (values.Values.Sum() == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "At least one criterion needs a weight above 0.");
        }

        return new ReadinessWeights(values);
    }
}
