using System.Globalization;

namespace Tessera.Contracts.Planning;

/// <summary>
/// The next-steps meeting's prioritisation: every inventory item scored on the readiness criteria
/// (the weighted mean of its 1-to-5 ratings), ranked, the top few short-listed with the reasons and
/// next steps, and one of them proposed as the demonstration project — the highest-ranked whose
/// outcome data the IDS already holds, since it can start without a new data agreement.
/// Criteria the group did not rate take a suggestion worked out from the item's own fields, and
/// the rationale says so.
/// </summary>
public static class Prioritisation
{
    /// <summary>How many items the short list holds unless told otherwise.</summary>
    public const int ShortListSize = 3;

    /// <summary>The lowest rating.</summary>
    public const int Lowest = 1;

    /// <summary>The highest rating.</summary>
    public const int Highest = 5;

    /// <summary>Ranks <paramref name="items"/> with <paramref name="weights"/>, as of <paramref name="today"/> (for timing).</summary>
    /// <exception cref="ArgumentException">A rating outside 1 to 5.</exception>
    public static IReadOnlyList<RankedItem> Rank(IReadOnlyList<InventoryItem> items, ReadinessWeights weights, DateOnly today, int shortList = ShortListSize)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(weights);
        var largest = items.Count > 0 ? items.Max(i => i.AnnualValue) : 0m;
        var totalWeight = Enum.GetValues<ReadinessCriterion>().Sum(weights.Of);
        var scored = items.Select(item =>
        {
            var ratings = new Dictionary<ReadinessCriterion, int>();
            var suggested = new HashSet<ReadinessCriterion>();
            foreach (var criterion in Enum.GetValues<ReadinessCriterion>())
            {
                if (item.Ratings.TryGetValue(criterion, out var given))
                {
                    Check(item.Id, criterion, given);
                    ratings[criterion] = given;
                }
                else
                {
                    ratings[criterion] = Suggest(item, criterion, largest, today);
                    suggested.Add(criterion);
                }
            }

            var score = Math.Round(Enum.GetValues<ReadinessCriterion>().Sum(c => weights.Of(c) * ratings[c]) / totalWeight, 2, MidpointRounding.AwayFromZero);
            return (Item: item, Score: score, Ratings: ratings, Suggested: suggested);
        }).OrderByDescending(s => s.Score).ThenByDescending(s => s.Item.AnnualValue).ThenBy(s => s.Item.Id, StringComparer.Ordinal).ToList();

        var pilot = scored.Take(shortList).Select(s => s.Item.Id).FirstOrDefault(id => scored.First(s => s.Item.Id == id).Ratings[ReadinessCriterion.DataAvailability] >= 4)
            ?? scored.Select(s => s.Item.Id).FirstOrDefault();
        return [.. scored.Select((s, i) => new RankedItem(s.Item, i + 1, s.Score, s.Ratings, s.Suggested, i < shortList, s.Item.Id == pilot && i < shortList,
            Rationale(s.Score, s.Ratings, s.Suggested, weights), NextSteps(s.Item, s.Ratings, s.Item.Id == pilot && i < shortList, today)))];
    }

    /// <summary>The criterion's name as people say it.</summary>
    public static string Name(ReadinessCriterion criterion) => criterion switch
    {
        ReadinessCriterion.SizeAndImpact => "size and impact",
        ReadinessCriterion.DataAvailability => "data availability",
        ReadinessCriterion.PerformanceRisk => "performance risk",
        ReadinessCriterion.Timing => "timing",
        ReadinessCriterion.LeadershipInterest => "leadership interest",
        _ => criterion.ToString(),
    };

    /// <summary>The criterion's short id, as in commands and files (<c>size</c>, <c>data</c>, <c>risk</c>, <c>timing</c>, <c>leadership</c>).</summary>
    public static string Key(ReadinessCriterion criterion) => criterion switch
    {
        ReadinessCriterion.SizeAndImpact => "size",
        ReadinessCriterion.DataAvailability => "data",
        ReadinessCriterion.PerformanceRisk => "risk",
        ReadinessCriterion.Timing => "timing",
        ReadinessCriterion.LeadershipInterest => "leadership",
        _ => criterion.ToString().ToLowerInvariant(),
    };

    /// <summary>The criterion with short id <paramref name="key"/>, or null.</summary>
    public static ReadinessCriterion? Parse(string key) =>
        Enum.GetValues<ReadinessCriterion>().Cast<ReadinessCriterion?>().FirstOrDefault(c => string.Equals(Key(c!.Value), key?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Checks a rating is 1 to 5.</summary>
    /// <exception cref="ArgumentException">It is not.</exception>
    public static void Check(string item, ReadinessCriterion criterion, int rating)
    {
        if (rating is < Lowest or > Highest)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Item {item}: the {Name(criterion)} rating must be 1 to 5, not {rating}."), nameof(rating));
        }
    }

    /// <summary>
    /// The rating suggested for a criterion the group did not rate: size from the item's value
    /// against the largest in the inventory; data availability from whether the IDS holds outcome
    /// data for it; timing from the months to its date (3 to 18 months is best: soon enough to act
    /// on, late enough to prepare); performance risk and leadership interest cannot be worked out
    /// and are left in the middle.
    /// </summary>
    public static int Suggest(InventoryItem item, ReadinessCriterion criterion, decimal largestValue, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        switch (criterion)
        {
            case ReadinessCriterion.SizeAndImpact:
                var share = largestValue > 0 ? item.AnnualValue / largestValue : 0m;
                return share >= 0.8m ? 5 : share >= 0.6m ? 4 : share >= 0.4m ? 3 : share >= 0.2m ? 2 : 1;
            case ReadinessCriterion.DataAvailability:
                return string.IsNullOrWhiteSpace(item.OutcomeData) ? 1 : 4;
            case ReadinessCriterion.Timing:
                if (item.KeyDate is not { } date || date < today)
                {
                    return 1;
                }

                var months = ((date.Year - today.Year) * 12) + date.Month - today.Month;
                return months < 3 ? 2 : months <= 18 ? 5 : months <= 30 ? 3 : 2;
            default:
                return 3;
        }
    }

    private static string Rationale(decimal score, Dictionary<ReadinessCriterion, int> ratings, HashSet<ReadinessCriterion> suggested, ReadinessWeights weights)
    {
        string Rated(ReadinessCriterion c) => string.Create(CultureInfo.InvariantCulture, $"{Name(c)} ({ratings[c]}{(suggested.Contains(c) ? ", suggested" : "")})");
        var counted = Enum.GetValues<ReadinessCriterion>().Where(c => weights.Of(c) > 0).ToList();
        var best = counted.Where(c => ratings[c] == counted.Max(x => ratings[x])).ToList();
        var worst = counted.Where(c => ratings[c] == counted.Min(x => ratings[x])).ToList();
        var text = string.Create(CultureInfo.InvariantCulture, $"Scores {score:0.00} of 5. Strongest on {string.Join(", ", best.Select(Rated))}");
        return worst.SequenceEqual(best) ? text + "." : $"{text}; weakest on {string.Join(", ", worst.Select(Rated))}.";
    }

    private static List<string> NextSteps(InventoryItem item, Dictionary<ReadinessCriterion, int> ratings, bool pilot, DateOnly today)
    {
        var steps = new List<string>();
        var when = item.KeyDate is { } d ? d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : null;
        steps.Add(item.Kind == InventoryKind.Procurement
            ? $"Write outcome measures and targets into the RFP{(when is null ? "" : $" due {when}")}."
            : $"Add outcome measures and targets to the contract at renewal{(when is null ? "" : $" on {when}")}.");
        if (item.KeyDate is { } date && (date < today || date < today.AddMonths(3)))
        {
            steps.Add("Its date leaves too little time to change it: amend the current contract, or plan for the following cycle.");
        }

        steps.Add(ratings[ReadinessCriterion.DataAvailability] >= 4
            ? "Compute a baseline for its outcome measures from the IDS, to set targets from."
            : "Agree data sharing for its outcomes with the agencies that hold them before setting targets.");
        if (ratings[ReadinessCriterion.PerformanceRisk] >= 4 && item.Kind == InventoryKind.Contract)
        {
            steps.Add("Start monthly active contract management meetings on its data now, before the new terms.");
        }

        if (ratings[ReadinessCriterion.LeadershipInterest] <= 2)
        {
            steps.Add("Find a senior sponsor for it.");
        }

        if (pilot)
        {
            steps.Add("Run it as the demonstration project: the first outcomes-oriented contract, to learn from before the others.");
        }

        return steps;
    }
}
