namespace Tessera.Synthetic.Sources;

/// <summary>
/// The files each synthetic agency sends every month and their columns. Each agency names and
/// formats things its own way (benefits writes "MM/DD/YYYY", workforce "LAST, FIRST M"), as real
/// agencies do; the data dictionaries of the intake step map them to standard columns.
/// </summary>
internal static class SourceLayout
{
    public const string Benefits = "benefits";
    public const string ChildCare = "child_care";
    public const string ChildWelfare = "child_welfare";
    public const string Homelessness = "homelessness";
    public const string Workforce = "workforce";
    public const string Corrections = "corrections";

    /// <summary>Every source in the order the county's folders are listed.</summary>
    public static IReadOnlyList<string> Sources { get; } = [Benefits, ChildCare, ChildWelfare, Homelessness, Workforce, Corrections];

    /// <summary>Monthly CSV files per source (HMIS is a zip and is described by the HMIS format instead).</summary>
    public static IReadOnlyDictionary<string, (string File, string[] Columns)[]> MonthlyFiles { get; } =
        new Dictionary<string, (string, string[])[]>(StringComparer.Ordinal)
        {
            [Benefits] =
            [
                ("cases.csv", ["case_number", "program", "application_date", "open_date", "close_date", "close_reason", "county_office", "updated_on"]),
                ("members.csv", ["member_id", "case_number", "relationship_to_head", "first_name", "middle_initial", "last_name", "name_suffix", "dob", "ssn", "sex", "race", "hispanic", "added_date"]),
                ("payments.csv", ["case_number", "program", "benefit_month", "amount", "issued_date"]),
                ("addresses.csv", ["case_number", "address_line", "city", "state", "zip", "effective_date"]),
            ],
            [ChildCare] =
            [
                ("children.csv", ["child_id", "first_name", "last_name", "birth_date", "gender"]),
                ("parents.csv", ["parent_id", "first_name", "middle_name", "last_name", "birth_date", "ssn", "phone", "street", "city", "zip"]),
                ("authorizations.csv", ["authorization_id", "child_id", "parent_id", "provider_id", "provider_name", "start_date", "end_date", "hours_per_week", "copay_monthly"]),
            ],
            [ChildWelfare] =
            [
                ("persons.csv", ["cw_person_id", "first_name", "middle_name", "last_name", "suffix", "dob", "dob_estimated", "ssn", "gender", "race", "hispanic"]),
                ("reports.csv", ["report_id", "received_date", "reporter_type", "screened_in", "county"]),
                ("allegations.csv", ["allegation_id", "report_id", "victim_person_id", "perpetrator_person_id", "maltreatment_type", "investigation_start", "disposition", "disposition_date"]),
                ("removals.csv", ["removal_id", "child_person_id", "removal_date", "removal_reason", "discharge_date", "discharge_reason"]),
                ("placements.csv", ["placement_id", "removal_id", "child_person_id", "begin_date", "end_date", "setting", "provider_id"]),
                ("fp_services.csv", ["episode_id", "caregiver_person_id", "report_id", "provider_id", "provider_name", "start_date", "end_date", "months_of_service"]),
                ("assessments.csv", ["assessment_id", "report_id", "caregiver_person_id", "assessment_date", "risk_score"]),
            ],
            [Workforce] =
            [
                ("participants.csv", ["participant_id", "participant_name", "birth_date", "ssn", "gender", "race", "ethnicity", "zip", "phone"]),
                ("referrals.csv", ["referral_id", "participant_id", "provider_id", "provider_name", "program", "referral_date", "referral_source"]),
                ("enrollments.csv", ["enrollment_id", "referral_id", "participant_id", "provider_id", "enrollment_date", "first_day_attended", "completion_date", "exit_date", "exit_reason", "credential_attained", "cost", "updated_on"]),
            ],
            [Corrections] =
            [
                ("inmates.csv", ["doc_number", "last_name", "first_name", "middle_name", "suffix", "dob", "ssn", "sex", "race"]),
                ("releases.csv", ["release_id", "doc_number", "admission_date", "release_date", "release_type", "facility"]),
                ("arrests.csv", ["arrest_id", "sid", "last_name", "first_name", "dob", "sex", "race", "arrest_date", "charge_level", "arresting_agency"]),
                ("convictions.csv", ["conviction_id", "arrest_id", "disposition_date", "offense_level", "sentence_type"]),
            ],
        };

    /// <summary>Quarterly UI wage records, sent by the workforce agency in the months they arrive.</summary>
    public static (string File, string[] Columns) Wages { get; } =
        ("ui_wages.csv", ["wage_record_id", "ssn", "last_name", "first_name", "employer_fein", "year", "quarter", "wages"]);
}
