using System.Globalization;
using System.Text;
using System.Text.Json;
using Tessera.Synthetic.Sources;

namespace Tessera.Synthetic.Effects;

/// <summary>
/// Writes truth/effects.json: every planted effect with its planted size, where to find it, and
/// what this particular draw produced. Tests and evaluations compare their estimates with the
/// realised figures; the planted ones say what a perfect estimator would see with infinite data.
/// </summary>
internal static class EffectsReport
{
    public static string Json(SynthOptions options, EffectTally tally)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("seed", options.Seed);
            json.WriteNumber("people", options.People);
            json.WriteString("first_month", options.Start.ToString());
            json.WriteString("last_month", options.LastMonth.ToString());
            json.WriteStartArray("effects");
            ProviderPerformance(json, tally);
            EnrolmentCollapse(json, options, tally);
            ClientMix(json, tally);
            AttendanceDrop(json, options, tally);
            FamilyPreservation(json, tally);
            RiskCutoff(json, tally);
            TrainingEmployment(json, tally);
            ShelterPerformanceAndDisparity(json, tally);
            Seasonality(json, tally);
            DeliveryLag(json, tally);
            SubsidyEmployment(json, tally);
            Recidivism(json, tally);
            json.WriteEndArray();
            IdentityNoise(json, options, tally);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void ProviderPerformance(Utf8JsonWriter json, EffectTally tally)
    {
        Begin(json, "provider_performance", SourceLayout.Workforce,
            "Job-training providers WF01–WF05 differ in completion: WF01 is clearly best, WF02 clearly worst. Metric: completions / enrolments by provider. (WF06 and WF07 are the client-mix pair: see client_mix.)");
        json.WriteString("metric", "completion_rate");
        json.WriteString("best_provider", Planted.BestTrainingProvider);
        json.WriteString("worst_provider", Planted.WorstTrainingProvider);
        json.WriteStartArray("providers");
        foreach (var p in Planted.TrainingProviders.Where(p => !Planted.ClientMixPair.Contains(p.Id)))
        {
            json.WriteStartObject();
            json.WriteString("provider_id", p.Id);
            json.WriteString("name", p.Name);
            json.WriteNumber("planted_enrolment_rate", p.Enrolment);
            json.WriteNumber("planted_first_day_rate", p.FirstDay);
            json.WriteNumber("planted_completion_rate_given_first_day", p.Completion);
            json.WriteNumber("planted_completion_rate", Math.Round(p.FirstDay * p.Completion, 4));
            var referrals = tally[$"workforce.{p.Id}.referrals"];
            var enrolments = tally[$"workforce.{p.Id}.enrolments"];
            var completions = tally[$"workforce.{p.Id}.completions"];
            json.WriteNumber("referrals", referrals);
            json.WriteNumber("enrolments", enrolments);
            json.WriteNumber("completions", completions);
            json.WriteNumber("realised_completion_rate", Rate(completions, enrolments));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void EnrolmentCollapse(Utf8JsonWriter json, SynthOptions options, EffectTally tally)
    {
        var collapse = Planted.CollapseMonth(options.Months);
        var provider = Planted.TrainingProviders.First(p => p.Id == Planted.CollapsingTrainingProvider);
        Begin(json, "referral_to_enrolment_collapse", SourceLayout.Workforce,
            "One provider's referral-to-enrolment rate collapses for three months, by month of referral.");
        json.WriteString("provider_id", provider.Id);
        json.WriteString("collapse_month", options.Start.AddMonths(collapse).ToString());
        json.WriteNumber("collapse_months", 3);
        json.WriteNumber("planted_normal_rate", provider.Enrolment);
        json.WriteNumber("planted_collapsed_rate", Planted.CollapsedEnrolment);
        json.WriteString("complete_follow_up_through", options.LastMonth.AddMonths(-2).ToString());
        json.WriteString("follow_up_note", "Enrolment follows referral by up to 45 days, so the last two months' rates are censored by the end of the data.");
        json.WriteStartArray("by_referral_month");
        for (var m = 0; m < options.Months; m++)
        {
            var referrals = tally[string.Create(CultureInfo.InvariantCulture, $"workforce.{provider.Id}.m{m:D3}.referrals")];
            var enrolments = tally[string.Create(CultureInfo.InvariantCulture, $"workforce.{provider.Id}.m{m:D3}.enrolments")];
            json.WriteStartObject();
            json.WriteString("month", options.Start.AddMonths(m).ToString());
            json.WriteNumber("referrals", referrals);
            json.WriteNumber("enrolments", enrolments);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void ClientMix(Utf8JsonWriter json, EffectTally tally)
    {
        Begin(json, "client_mix", SourceLayout.Workforce,
            "Two job-training providers are equally effective with each kind of client; one serves markedly more people released from prison, who complete a quarter as often at any provider. Raw completion rates rank them apart; rates adjusted for prior prison do not.");
        json.WriteString("harder_cases_provider", Planted.HarderCasesProvider);
        json.WriteNumber("planted_completion_given_first_day_without_prison", Planted.ClientMixEasyCompletion);
        json.WriteNumber("planted_completion_given_first_day_after_prison", Planted.ClientMixEasyCompletion * Planted.AfterPrisonCompletionFactor);
        json.WriteNumber("share_of_prison_referrals_to_harder_cases_provider", Planted.HarderCasesRouting);
        json.WriteStartArray("providers");
        foreach (var id in Planted.ClientMixPair)
        {
            json.WriteStartObject();
            json.WriteString("provider_id", id);
            foreach (var kind in new[] { "easy", "hard" })
            {
                var (enrolments, completions) = (tally[$"workforce.{id}.{kind}.enrolments"], tally[$"workforce.{id}.{kind}.completions"]);
                json.WriteNumber($"{kind}_enrolments", enrolments);
                json.WriteNumber($"{kind}_completions", completions);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void FamilyPreservation(Utf8JsonWriter json, EffectTally tally)
    {
        Begin(json, "family_preservation_dosage", SourceLayout.ChildWelfare,
            "Caregivers with 3 or more months of family preservation have half the chance of a new screened-in report within 12 months after services end. Counted over episodes with a full 12-month follow-up.");
        json.WriteNumber("planted_rate_under_3_months", Planted.ReinvolvementShortDose);
        json.WriteNumber("planted_rate_3_months_or_more", Planted.ReinvolvementLongDose);
        foreach (var group in new[] { "short", "long" })
        {
            var episodes = tally[$"child_welfare.fp.{group}.episodes"];
            var reinvolved = tally[$"child_welfare.fp.{group}.reinvolved_12m"];
            json.WriteStartObject(group == "short" ? "under_3_months" : "3_months_or_more");
            json.WriteNumber("episodes", episodes);
            json.WriteNumber("reinvolved_within_12_months", reinvolved);
            json.WriteNumber("realised_rate", Rate(reinvolved, episodes));
            json.WriteEndObject();
        }

        json.WriteNumber("tolerance", 0.35);
        json.WriteString("tolerance_meaning", "realised long/short ratio within 0.5 ± 0.35 × 0.5 for counties of 20,000 people or more");
        json.WriteEndObject();
    }

    private static void RiskCutoff(Utf8JsonWriter json, EffectTally tally)
    {
        Begin(json, "risk_score_cutoff", SourceLayout.ChildWelfare,
            "A risk assessment scores each family found to have maltreated a child from 0 to 99 (assessments.risk_score); every family at or above the cut-off is referred to family preservation. Below it the chance of a new report within 12 months of the assessment rises with the score; at and above it, it is family preservation's, whatever the score. A regression discontinuity at the cut-off finds the jump. Counted over assessments with a full 12-month follow-up.");
        json.WriteString("score", "assessments.risk_score");
        json.WriteNumber("cutoff", Planted.RiskCutoff);
        json.WriteString("outcome", "a new report naming the caregiver within 12 months of the assessment");
        var leftLimit = Planted.RereportChance(Planted.RiskCutoff);
        json.WriteNumber("planted_left_limit", leftLimit);
        json.WriteNumber("planted_slope_below_cutoff", Planted.RereportPerPoint);
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var side in new[] { "below", "above" })
        {
            var cases = tally[$"child_welfare.risk.{side}.cases"];
            var rereported = tally[$"child_welfare.risk.{side}.rereported_12m"];
            rates[side] = Rate(rereported, cases);
            json.WriteStartObject(side == "below" ? "below_cutoff" : "at_or_above_cutoff");
            json.WriteNumber("assessments", cases);
            json.WriteNumber("rereported_within_12_months", rereported);
            json.WriteNumber("realised_rate", rates[side]);
            json.WriteEndObject();
        }

        // At and above the cut-off the rate does not depend on the score, so its realised rate is its limit at the cut-off.
        json.WriteNumber("realised_jump", Math.Round(rates["above"] - leftLimit, 4));
        json.WriteString("realised_jump_meaning", "the realised rate at and above the cut-off less the planted chance just below it");
        json.WriteEndObject();
    }

    private static void TrainingEmployment(Utf8JsonWriter json, EffectTally tally)
    {
        Begin(json, "training_completion_employment", SourceLayout.Workforce,
            "Completing job training raises the chance of UI-covered earnings in the 2nd quarter after the exit quarter.");
        json.WriteNumber("planted_lift", Planted.CompletionEmploymentLift);
        foreach (var group in new[] { "completers", "noncompleters" })
        {
            var n = tally[$"wages.q2_after_exit.{group}"];
            var employed = tally[$"wages.q2_after_exit.{group}.employed"];
            json.WriteStartObject(group);
            json.WriteNumber("exiters_with_q2_in_window", n);
            json.WriteNumber("employed_q2", employed);
            json.WriteNumber("realised_rate", Rate(employed, n));
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void ShelterPerformanceAndDisparity(Utf8JsonWriter json, EffectTally tally)
    {
        Begin(json, "shelter_exit_to_permanent_housing", SourceLayout.Homelessness,
            "Emergency shelters differ in exits to permanent housing (HUD destinations 4xx): ES01 best, ES03 worst.");
        json.WriteString("best_project", Planted.BestShelter);
        json.WriteString("worst_project", Planted.WorstShelter);
        json.WriteStartArray("projects");
        foreach (var (project, rate) in Planted.ShelterExitToPermanent)
        {
            json.WriteStartObject();
            json.WriteString("project_id", project);
            json.WriteNumber("planted_rate_non_black_heads", rate);
            json.WriteNumber("exits", tally[$"hmis.exits.{project}"]);
            json.WriteNumber("exits_to_permanent", tally[$"hmis.exits.{project}.permanent"]);
            json.WriteNumber("realised_rate", Rate(tally[$"hmis.exits.{project}.permanent"], tally[$"hmis.exits.{project}"]));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        Begin(json, "racial_disparity", SourceLayout.Homelessness,
            "Households with a Black head exit to permanent housing less often: the planted chance is multiplied by the factor below in every project but permanent supportive housing (whose exits all go to permanent housing). Counted over households' exits in the data (the head's exit), every project; 'black' is a head recorded as Black alone.");
        json.WriteString("outcome", "exit_to_permanent_housing");
        json.WriteString("metric", "hmis-household-exit-to-permanent-housing");
        json.WriteNumber("planted_factor", Planted.BlackExitToPermanentFactor);
        foreach (var group in new[] { "black", "other" })
        {
            json.WriteStartObject(group);
            json.WriteNumber("exits", tally[$"hmis.exits.{group}"]);
            json.WriteNumber("exits_to_permanent", tally[$"hmis.exits.{group}.permanent"]);
            json.WriteNumber("realised_rate", Rate(tally[$"hmis.exits.{group}.permanent"], tally[$"hmis.exits.{group}"]));
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void Seasonality(Utf8JsonWriter json, EffectTally tally)
    {
        Begin(json, "seasonality", SourceLayout.Homelessness, "Homelessness entries rise in winter: relative weight by calendar month.");
        json.WriteStartArray("by_calendar_month");
        for (var m = 1; m <= 12; m++)
        {
            json.WriteStartObject();
            json.WriteNumber("month", m);
            json.WriteNumber("planted_weight", Planted.EntrySeasonality[m - 1]);
            json.WriteNumber("entries", tally[string.Create(CultureInfo.InvariantCulture, $"hmis.entries.m{m:D2}")]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void DeliveryLag(Utf8JsonWriter json, EffectTally tally)
    {
        Begin(json, "delivery_lag", "all",
            "Records arrive in the delivery of the month they were created, or late: planted shares for 0, 1, 2 and 3 months late. UI wage records always arrive two months after the quarter.");
        json.WriteStartArray("by_months_late");
        double[] planted = [0.90, 0.06, 0.025, 0.015];
        for (var lag = 0; lag < planted.Length; lag++)
        {
            json.WriteStartObject();
            json.WriteNumber("months_late", lag);
            json.WriteNumber("planted_share", planted[lag]);
            json.WriteNumber("records", tally["lag.months." + lag.ToString(CultureInfo.InvariantCulture)]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void SubsidyEmployment(Utf8JsonWriter json, EffectTally tally)
    {
        Begin(json, "child_care_subsidy_parent_employment", SourceLayout.ChildCare,
            "A parent's chance of UI-covered earnings rises once the child-care subsidy starts (two-generation outcome). Counted over every quarter of the window (aged 18 to 70) of every subsidised parent; a parent without an SSN has no UI-covered earnings in any quarter. 'after' is a quarter starting after the subsidy's first day.");
        json.WriteNumber("planted_lift", Planted.SubsidyEmploymentLift);
        foreach (var group in new[] { "before", "after" })
        {
            var n = tally[$"wages.subsidy_parents.{group}"];
            var employed = tally[$"wages.subsidy_parents.{group}.employed"];
            json.WriteStartObject(group + "_subsidy");
            json.WriteNumber("parent_quarters", n);
            json.WriteNumber("employed_quarters", employed);
            json.WriteNumber("realised_rate", Rate(employed, n));
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void Recidivism(Utf8JsonWriter json, EffectTally tally)
    {
        Begin(json, "recidivism", SourceLayout.Corrections, "About 30% of people released from prison are re-arrested within a year.");
        json.WriteNumber("planted_rearrest_within_1_year", 0.30);
        json.WriteNumber("releases", tally["corrections.releases"]);
        json.WriteNumber("rearrests_within_1_year", tally["corrections.rearrest_within_1y"]);
        json.WriteEndObject();
    }

    private static void IdentityNoise(Utf8JsonWriter json, SynthOptions options, EffectTally tally)
    {
        json.WriteStartObject("identity_noise");
        json.WriteNumber("configured_name_error_rate", options.NameErrorRate);
        json.WriteNumber("configured_birth_date_error_rate", options.BirthDateErrorRate);
        json.WriteNumber("configured_missing_ssn_rate", options.MissingSsnRate);
        json.WriteNumber("configured_placeholder_ssn_rate", options.PlaceholderSsnRate);
        json.WriteNumber("configured_duplicate_rate", options.DuplicateRate);
        json.WriteNumber("benefits_duplicate_registrations", tally["benefits.duplicate_registrations"]);
        json.WriteNumber("benefits_corrected_resends", tally["benefits.corrections"]);
        json.WriteNumber("hmis_duplicate_clients", tally["hmis.duplicate_clients"]);
        json.WriteNumber("wage_records", tally["wages.records"]);
        json.WriteStartObject("person_records_by_source");
        foreach (var source in SourceLayout.Sources)
        {
            json.WriteStartObject(source);
            foreach (var kind in new[] { "records", "name_error", "birth_date_error", "ssn_valid", "ssn_missing", "ssn_placeholder", "ssn_typo" })
            {
                json.WriteNumber(kind, tally[$"identity.{source}.{kind}"]);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void AttendanceDrop(Utf8JsonWriter json, SynthOptions options, EffectTally tally)
    {
        Begin(json, "first_day_attendance_drop", ProviderServicesSource.Name,
            $"First-day attendance at {Planted.AttendanceDropProvider} falls to {Planted.DroppedFirstDay:0%} for {Planted.AttendanceDropWeeks} weeks, in the provider's own attendance records (and the agency's enrolment extract alike); the weekly measure from the providers' records shows it.");
        var start = Planted.AttendanceDropStart(options.Start, options.Months);
        json.WriteString("provider", Planted.AttendanceDropProvider);
        json.WriteString("first_week", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteNumber("weeks", Planted.AttendanceDropWeeks);
        json.WriteNumber("planted_first_day_rate_during_drop", Planted.DroppedFirstDay);
        json.WriteNumber("first_days", tally[$"{ProviderServicesSource.Name}.{Planted.AttendanceDropProvider}.first_days"]);
        json.WriteNumber("first_days_attended", tally[$"{ProviderServicesSource.Name}.{Planted.AttendanceDropProvider}.first_days_attended"]);
        json.WriteEndObject();
    }

    private static void Begin(Utf8JsonWriter json, string name, string source, string description)
    {
        json.WriteStartObject();
        json.WriteString("effect", name);
        json.WriteString("source", source);
        json.WriteString("description", description);
    }

    private static double Rate(long numerator, long denominator) => denominator == 0 ? 0 : Math.Round((double)numerator / denominator, 4);
}
