using System.Globalization;
using System.Text.Json;

namespace Tessera.Synthetic.Tests;

/// <summary>The planted effects are visible in the truth (effects.json) and, where cheap to check, in the delivered files themselves.</summary>
[Collection(CountyCollection.Name)]
public sealed class PlantedEffectTests(CountyFixture county) : IDisposable
{
    private readonly JsonDocument _effects = JsonDocument.Parse(File.ReadAllText(Path.Combine(county.Root, "truth", "effects.json")));

    private JsonElement Effect(string name) =>
        _effects.RootElement.GetProperty("effects").EnumerateArray().Single(e => e.GetProperty("effect").GetString() == name);

    [Fact]
    public void Best_and_worst_training_providers_rank_first_and_last_on_completion_in_the_delivered_files()
    {
        var effect = Effect("provider_performance");
        var planted = effect.GetProperty("providers").EnumerateArray().Select(p => p.GetProperty("provider_id").GetString()!).ToHashSet(StringComparer.Ordinal); // not the client-mix pair
        var enrollments = Csv.ReadAll(county.Root, "workforce", "enrollments.csv").GroupBy(e => e["enrollment_id"]).Select(g => g.Last()).ToList();
        var rates = enrollments.GroupBy(e => e["provider_id"]).Where(g => planted.Contains(g.Key))
            .ToDictionary(g => g.Key, g => g.Count(e => e["exit_reason"] == "COMPLETED") / (double)g.Count());
        Assert.Equal(effect.GetProperty("best_provider").GetString(), rates.MaxBy(r => r.Value).Key);
        Assert.Equal(effect.GetProperty("worst_provider").GetString(), rates.MinBy(r => r.Value).Key);
    }

    [Fact]
    public void The_client_mix_pair_is_equally_effective_with_each_kind_of_client_and_differs_raw()
    {
        var effect = Effect("client_mix");
        var pair = effect.GetProperty("providers").EnumerateArray().ToDictionary(p => p.GetProperty("provider_id").GetString()!);
        var harder = effect.GetProperty("harder_cases_provider").GetString()!;
        var easier = pair.Keys.Single(k => k != harder);
        double Share(string id, string kind) => pair[id].GetProperty($"{kind}_enrolments").GetDouble() / (pair[id].GetProperty("easy_enrolments").GetDouble() + pair[id].GetProperty("hard_enrolments").GetDouble());
        double Raw(string id) => (pair[id].GetProperty("easy_completions").GetDouble() + pair[id].GetProperty("hard_completions").GetDouble())
            / (pair[id].GetProperty("easy_enrolments").GetDouble() + pair[id].GetProperty("hard_enrolments").GetDouble());

        Assert.True(Share(harder, "hard") > 0.5 && Share(easier, "hard") < 0.1, $"{harder} {Share(harder, "hard"):P0} hard cases, {easier} {Share(easier, "hard"):P0}");
        Assert.True(Raw(easier) > Raw(harder) + 0.15, $"raw completion {easier} {Raw(easier):F2}, {harder} {Raw(harder):F2}");
    }

    [Fact]
    public void Collapse_month_is_the_largest_month_on_month_drop_in_referral_to_enrolment()
    {
        var effect = Effect("referral_to_enrolment_collapse");
        var complete = effect.GetProperty("complete_follow_up_through").GetString()!;
        var months = effect.GetProperty("by_referral_month").EnumerateArray()
            .Where(m => string.CompareOrdinal(m.GetProperty("month").GetString(), complete) <= 0)
            .Select(m => (Month: m.GetProperty("month").GetString()!, Rate: m.GetProperty("enrolments").GetDouble() / Math.Max(1, m.GetProperty("referrals").GetDouble())))
            .ToList();
        var drops = months.Skip(1).Select((m, i) => (m.Month, Drop: months[i].Rate - m.Rate)).ToList();
        Assert.Equal(effect.GetProperty("collapse_month").GetString(), drops.MaxBy(d => d.Drop).Month);
    }

    [Fact]
    public void Three_months_of_family_preservation_halve_reinvolvement()
    {
        var effect = Effect("family_preservation_dosage");
        var shortRate = effect.GetProperty("under_3_months").GetProperty("realised_rate").GetDouble();
        var longRate = effect.GetProperty("3_months_or_more").GetProperty("realised_rate").GetDouble();
        Assert.True(effect.GetProperty("under_3_months").GetProperty("episodes").GetInt64() > 150);
        Assert.InRange(longRate / shortRate, 0.5 * 0.65, 0.5 * 1.35);
    }

    [Fact]
    public void Completing_training_raises_employment_in_the_second_quarter_after_exit()
    {
        var effect = Effect("training_completion_employment");
        var completers = effect.GetProperty("completers").GetProperty("realised_rate").GetDouble();
        var others = effect.GetProperty("noncompleters").GetProperty("realised_rate").GetDouble();
        Assert.True(completers - others > 0.15, $"completers {completers:P0} vs others {others:P0}");
    }

    [Fact]
    public void Black_headed_households_exit_to_permanent_housing_less_often()
    {
        var effect = Effect("racial_disparity");
        var black = effect.GetProperty("black").GetProperty("realised_rate").GetDouble();
        var other = effect.GetProperty("other").GetProperty("realised_rate").GetDouble();
        Assert.InRange(black / other, 0.5, 0.85);
    }

    [Fact]
    public void Homelessness_entries_peak_in_winter_in_the_delivered_exports()
    {
        var entries = Directory.GetFiles(Path.Combine(county.Root, "homelessness"), "*.zip", SearchOption.AllDirectories)
            .SelectMany(z => Csv.ReadZipEntry(z, "Enrollment.csv"))
            .GroupBy(e => e["EnrollmentID"]).Select(g => g.First())
            .Select(e => DateOnly.ParseExact(e["EntryDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Where(d => d.Year >= 2023).ToList();
        var winter = entries.Count(d => d.Month is 12 or 1 or 2);
        var summer = entries.Count(d => d.Month is 6 or 7 or 8);
        Assert.True(winter > summer * 1.3, $"winter {winter}, summer {summer}");
    }

    [Fact]
    public void About_one_record_in_ten_arrives_late()
    {
        var lags = Effect("delivery_lag").GetProperty("by_months_late").EnumerateArray().Select(l => l.GetProperty("records").GetDouble()).ToList();
        Assert.InRange(lags.Skip(1).Sum() / lags.Sum(), 0.08, 0.12);
    }

    public void Dispose() => _effects.Dispose();
}
