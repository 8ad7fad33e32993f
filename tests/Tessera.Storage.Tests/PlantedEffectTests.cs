using System.Globalization;
using Tessera.Storage.Metrics;

namespace Tessera.Storage.Tests;

/// <summary>
/// The standard library on the synthetic county finds what was planted there, counted exactly as
/// the county's truth (truth/effects.json) realised it, on the demo county of 20,000 people shared
/// with the other tests of its collection (every source ingested and linked). (At 20,000 people a
/// single month is noisy; bench/metrics/planted.sh checks the planted month and dosage ratio at 50,000 people.)
/// </summary>
[Collection(CountyOf20000.Name)]
public sealed class PlantedEffectTests(EvaluationTests.County county)
{
    private readonly (EvaluationTests.County County, PublishedMetrics Store) _county = (county, county.Computed("acm-training-completion", "acm-referral-to-enrolment", "fp-reinvolvement-12m"));

    [Fact]
    public void The_planted_best_and_worst_training_providers_rank_first_and_last_on_completion()
    {
        var effect = _county.County.Effect("provider_performance");
        var planted = effect.GetProperty("providers").EnumerateArray().Select(p => p.GetProperty("provider_id").GetString()!).ToHashSet(StringComparer.Ordinal);
        var byProvider = Totals("acm-training-completion", "provider_id").Where(p => planted.Contains(p.Key)).ToDictionary(); // the client-mix pair is another effect
        var ranked = byProvider.OrderByDescending(p => (double)p.Value.Numerator / p.Value.Denominator).Select(p => p.Key).ToList();

        Assert.Equal(effect.GetProperty("best_provider").GetString(), ranked[0]);
        Assert.Equal(effect.GetProperty("worst_provider").GetString(), ranked[^1]);
        foreach (var provider in effect.GetProperty("providers").EnumerateArray())
        {
            Assert.Equal(provider.GetProperty("enrolments").GetInt64(), byProvider[provider.GetProperty("provider_id").GetString()!].Denominator);
        }
    }

    [Fact]
    public void Referral_to_enrolment_by_month_is_the_truths_for_every_month_with_complete_follow_up()
    {
        var effect = _county.County.Effect("referral_to_enrolment_collapse");
        var provider = effect.GetProperty("provider_id").GetString()!;
        var results = _county.Store.Results("acm-referral-to-enrolment", "provider_id").Where(r => r.GroupValue == provider)
            .ToDictionary(r => r.PeriodStart.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        var compared = 0;
        foreach (var month in effect.GetProperty("by_referral_month").EnumerateArray())
        {
            var label = month.GetProperty("month").GetString()!;
            var referrals = month.GetProperty("referrals").GetInt64();
            if (referrals == 0 || string.CompareOrdinal(label, "2025-09") > 0)
            {
                continue;
            }

            Assert.Equal((month.GetProperty("enrolments").GetInt64(), referrals), (results[label].Numerator!.Value, results[label].Denominator!.Value));
            compared++;
        }

        Assert.True(compared > 20, $"only {compared} months compared");
    }

    [Fact]
    public void Family_preservation_reinvolvement_by_dosage_is_the_truths()
    {
        var effect = _county.County.Effect("family_preservation_dosage");
        var byDosage = Totals("fp-reinvolvement-12m", "months_of_service");

        foreach (var (group, label) in new[] { ("under_3_months", "under 3 months"), ("3_months_or_more", "3 months or more") })
        {
            var truth = effect.GetProperty(group);
            Assert.Equal((truth.GetProperty("reinvolved_within_12_months").GetInt64(), truth.GetProperty("episodes").GetInt64()), byDosage[label]);
        }
    }

    private Dictionary<string, (long Numerator, long Denominator)> Totals(string metric, string group) =>
        _county.Store.Results(metric, group).GroupBy(r => r.GroupValue)
            .ToDictionary(g => g.Key, g => (g.Sum(r => r.Numerator!.Value), g.Sum(r => r.Denominator!.Value)));
}
