using Tessera.Contracts.Planning;

namespace Tessera.Contracts.Tests;

/// <summary>The inventory's ranking on the readiness criteria, against a hand computation.</summary>
public sealed class PrioritisationTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    // Ratings: size, data, risk, timing, leadership.
    private static readonly InventoryItem[] Items =
    [
        Item("I1", "Youth employment RFP", InventoryKind.Procurement, 900_000m, 3, 5, 3, 5, 4),
        Item("I2", "Family preservation renewal", InventoryKind.Contract, 2_400_000m, 5, 4, 4, 3, 3),
        Item("I3", "Shelter operations", InventoryKind.Contract, 1_800_000m, 4, 2, 5, 4, 2),
        Item("I4", "Child-care subsidy administration", InventoryKind.Contract, 600_000m, 2, 5, 2, 2, 5),
        Item("I5", "Reentry services RFP", InventoryKind.Procurement, 1_000_000m, 3, 1, 4, 5, 5),
    ];

    [Fact]
    public void Equal_weights_rank_by_the_mean_rating()
    {
        // I1 20/5 = 4.00, I2 19/5 = 3.80, I5 18/5 = 3.60, I3 17/5 = 3.40, I4 16/5 = 3.20.
        var ranked = Prioritisation.Rank(Items, ReadinessWeights.Equal, Today);

        Assert.Equal(["I1", "I2", "I5", "I3", "I4"], ranked.Select(r => r.Item.Id));
        Assert.Equal([4.00m, 3.80m, 3.60m, 3.40m, 3.20m], ranked.Select(r => r.Score));
        Assert.Equal(["I1", "I2", "I5"], ranked.Where(r => r.ShortListed).Select(r => r.Item.Id));
        Assert.Equal("I1", ranked.Single(r => r.Pilot).Item.Id); // the top short-listed item whose outcome data are in the IDS
        Assert.Equal("Scores 4.00 of 5. Strongest on data availability (5), timing (5); weakest on size and impact (3), performance risk (3).", ranked[0].Rationale);
    }

    [Fact]
    public void Weighing_data_availability_three_times_re_ranks_the_inventory()
    {
        // Weights 1, 3, 1, 1, 1 (total 7): I1 30/7 = 4.29, I2 27/7 = 3.86, I4 26/7 = 3.71, I3 21/7 = 3.00, I5 20/7 = 2.86.
        var weights = ReadinessWeights.Equal.With(ReadinessCriterion.DataAvailability, 3);

        var ranked = Prioritisation.Rank(Items, weights, Today);

        Assert.Equal(["I1", "I2", "I4", "I3", "I5"], ranked.Select(r => r.Item.Id));
        Assert.Equal([4.29m, 3.86m, 3.71m, 3.00m, 2.86m], ranked.Select(r => r.Score));
        Assert.Equal([1, 2, 3, 4, 5], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Criteria_not_rated_take_a_suggestion_from_the_items_fields_and_say_so()
    {
        var unrated = new InventoryItem("I6", "Workforce training renewal", InventoryKind.Contract, "workforce", "WF", 1_200_000m, new DateOnly(2027, 6, 1), null,
            "workforce enrolments and wage records", null, new Dictionary<ReadinessCriterion, int>());

        var ranked = Prioritisation.Rank([.. Items, unrated], ReadinessWeights.Equal, Today);
        var item = ranked.Single(r => r.Item.Id == "I6");

        // Value 1.2m of the largest 2.4m → 0.5 → 3; outcome data named → 4; six months to renewal → 5; risk and leadership unknown → 3.
        Assert.Equal(3, item.Ratings[ReadinessCriterion.SizeAndImpact]);
        Assert.Equal(4, item.Ratings[ReadinessCriterion.DataAvailability]);
        Assert.Equal(5, item.Ratings[ReadinessCriterion.Timing]);
        Assert.Equal(3.60m, item.Score);
        Assert.Equal(5, item.Suggested.Count);
        Assert.Contains("timing (5, suggested)", item.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_steps_follow_the_kind_the_date_and_the_weak_criteria()
    {
        var ranked = Prioritisation.Rank(Items, ReadinessWeights.Equal, Today);

        var rfp = ranked.Single(r => r.Item.Id == "I5");
        Assert.Equal("Write outcome measures and targets into the RFP due 1 September 2027.", rfp.NextSteps[0]);
        Assert.Contains("Agree data sharing for its outcomes with the agencies that hold them before setting targets.", rfp.NextSteps);
        var shelter = ranked.Single(r => r.Item.Id == "I3");
        Assert.Contains("Find a senior sponsor for it.", shelter.NextSteps);
        Assert.Contains("Start monthly active contract management meetings on its data now, before the new terms.", shelter.NextSteps);
        Assert.Contains(ranked.Single(r => r.Pilot).NextSteps, s => s.StartsWith("Run it as the demonstration project", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rating_outside_one_to_five_or_a_negative_weight_is_refused()
    {
        var bad = Items[0] with { Ratings = new Dictionary<ReadinessCriterion, int> { [ReadinessCriterion.Timing] = 6 } };
        Assert.Contains("Item I1: the timing rating must be 1 to 5, not 6.", Assert.Throws<ArgumentException>(() => Prioritisation.Rank([bad], ReadinessWeights.Equal, Today)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadinessWeights.Equal.With(ReadinessCriterion.Timing, -1));
        var onlyTiming = Enum.GetValues<ReadinessCriterion>().Where(c => c != ReadinessCriterion.Timing).Aggregate(ReadinessWeights.Equal, (w, c) => w.With(c, 0));
        Assert.Contains("At least one criterion", Assert.Throws<ArgumentOutOfRangeException>(() => onlyTiming.With(ReadinessCriterion.Timing, 0)).Message, StringComparison.Ordinal);
    }

    private static InventoryItem Item(string id, string name, InventoryKind kind, decimal value, int size, int data, int risk, int timing, int leadership) =>
        new(id, name, kind, "benefits", "P" + id, value, new DateOnly(2027, 9, 1), null, data >= 4 ? "in the IDS" : null, null,
            new Dictionary<ReadinessCriterion, int>
            {
                [ReadinessCriterion.SizeAndImpact] = size, [ReadinessCriterion.DataAvailability] = data, [ReadinessCriterion.PerformanceRisk] = risk,
                [ReadinessCriterion.Timing] = timing, [ReadinessCriterion.LeadershipInterest] = leadership,
            });
}
