using Tessera.Storage.Metrics;
using Tessera.Synthetic;

namespace Tessera.Storage.Tests;

/// <summary>
/// High-frequency periods for activity measures: weeks run Monday to Sunday, two-week periods from
/// a fixed Monday (3 January 2000), and the same referrals are counted whatever the period.
/// </summary>
public sealed class WeeklyPeriodTests
{
    [Fact]
    public void Weekly_and_two_weekly_periods_count_the_same_referrals_as_months()
    {
        using var test = new TestWorkspace();
        var county = Path.Combine(test.Root, "county");
        new CountyGenerator(new SynthOptions { People = 3000, Seed = 6, Months = 6 }).Generate(county);
        foreach (var month in Directory.GetDirectories(Path.Combine(county, "workforce")).Order(StringComparer.Ordinal))
        {
            Assert.True(test.Ingest("workforce", month).Succeeded);
        }

        var catalog = MetricCatalog.Load(test.Workspace);
        var store = new MetricStore(test.Workspace);
        var published = new PublishedMetrics(test.Workspace);
        foreach (var id in new[] { "acm-referral-to-enrolment", "acm-referral-to-enrolment-weekly", "acm-days-referral-to-enrolment", "acm-days-referral-to-enrolment-two-weekly" })
        {
            store.Compute(MetricCatalog.Find(catalog, id), "tester@test", DateTime.UtcNow);
        }

        var weekly = published.Results("acm-referral-to-enrolment-weekly", "provider_id");
        Assert.NotEmpty(weekly);
        Assert.All(weekly, r => Assert.Equal((DayOfWeek.Monday, r.PeriodStart.AddDays(6)), (r.PeriodStart.DayOfWeek, r.PeriodEnd)));
        var fortnights = published.Results("acm-days-referral-to-enrolment-two-weekly", "provider_id");
        Assert.NotEmpty(fortnights);
        Assert.All(fortnights, r => Assert.Equal((0, r.PeriodStart.AddDays(13)), ((r.PeriodStart.DayNumber - new DateOnly(2000, 1, 3).DayNumber) % 14, r.PeriodEnd)));

        foreach (var (often, monthly) in new[] { ("acm-referral-to-enrolment-weekly", "acm-referral-to-enrolment"), ("acm-days-referral-to-enrolment-two-weekly", "acm-days-referral-to-enrolment") })
        {
            var byWeek = published.Results(often, "provider_id").GroupBy(r => r.GroupValue).ToDictionary(g => g.Key, g => (g.Sum(r => r.Numerator ?? 0), g.Sum(r => r.Denominator ?? 0)));
            var byMonth = published.Results(monthly, "provider_id").GroupBy(r => r.GroupValue).ToDictionary(g => g.Key, g => (g.Sum(r => r.Numerator ?? 0), g.Sum(r => r.Denominator ?? 0)));
            Assert.Equal(byMonth.OrderBy(p => p.Key, StringComparer.Ordinal), byWeek.OrderBy(p => p.Key, StringComparer.Ordinal));
        }
    }
}
