using Tessera.Metrics.Sql;

namespace Tessera.Metrics.Hud;

/// <summary>
/// The SQL behind the SPM: one statement over an HMIS source's current rows (Project, Enrollment,
/// Exit, EnrollmentCoC, Services, CurrentLivingSituation) that returns the counts of every
/// computed cell as rows <c>(tbl, cell, n)</c> — for measure 1, a histogram instead: rows
/// <c>('lot:1a.1', '177', 3)</c> say three persons were homeless 177 nights, from which
/// <see cref="SpmReport"/> derives the universe, average and median. Follows the FY2022–FY2024 SPM programming
/// specifications: persons are PersonalIDs; an enrollment is active when it starts by the report
/// end and has no exit or exits on or after the report start; night-by-night shelters count when
/// there is a service or contact in the period; household members take the head of household's
/// housing move-in date; enrollments recorded in another CoC are left out.
/// </summary>
public static class SpmQuery
{
    /// <summary>Project kinds the SPM distinguishes, as stored in the <c>kind</c> column.</summary>
    private const string Sheltered = "'es_ee', 'es_nbn', 'sh', 'th'";
    private const string Housing = "'es_ee', 'es_nbn', 'sh', 'th', 'ph', 'rrh'";
    private const string Homeless = "'so', 'es_ee', 'es_nbn', 'sh', 'th', 'ph', 'rrh'";

    /// <summary>HUD CoC program funders (Funder.csv): PSH, RRH, SSO, TH, YHDP, joint TH/RRH, the unsheltered and rural special NOFOs.</summary>
    private const string CocFunders = "2, 3, 4, 5, 43, 44, 54, 55";

    /// <summary>Prior living situations that are literal homelessness (3.917): place not meant for habitation, ES, SH — before and after FY2024's renumbering.</summary>
    private const string HomelessSituations = "1, 16, 18, 101, 116, 118";

    /// <summary>Measure 1 ignores nights before the specifications' lookback stop date.</summary>
    private static readonly DateOnly LookbackStop = new(2012, 10, 1);

    /// <summary>The HMIS files the statement reads (lower case).</summary>
    public static IReadOnlyList<string> Files { get; } = ["project", "enrollment", "exit", "enrollmentcoc", "services", "currentlivingsituation", "client", "funder", "incomebenefits"];

    /// <summary>Builds the statement.</summary>
    /// <param name="dialect">Engine the statement runs on.</param>
    /// <param name="schema">The HMIS source's schema in the vault, e.g. "homelessness".</param>
    /// <param name="from">First day of the report period.</param>
    /// <param name="to">Last day of the report period.</param>
    /// <param name="coc">The CoC reported on (e.g. "XX-500"): enrollments recorded in another CoC are left out.</param>
    /// <param name="has">Whether the source has rows of an HMIS file (lower case, e.g. "enrollmentcoc"); a file an export lacks counts as empty.</param>
    /// <param name="relation">Where to read an HMIS file from (lower case name → SQL relation), e.g. an analysed snapshot; null for the source's current rows.</param>
    public static string Build(SqlDialect dialect, string schema, DateOnly from, DateOnly to, string coc, Func<string, bool> has, Func<string, string?>? relation = null)
    {
        ArgumentNullException.ThrowIfNull(has);
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        ArgumentException.ThrowIfNullOrWhiteSpace(coc);
        if (to < from)
        {
            throw new ArgumentException("The report period ends before it starts.", nameof(to));
        }

        var quoted = SqlText.Quote(schema);
        string R(string file) => relation?.Invoke(file) ?? $"{quoted}.{file}";
        var cocLiteral = SqlText.Literal(coc);
        string Table(string file, string emptyColumns) => has(file) ? R(file) : $"(SELECT {emptyColumns} WHERE 1 = 0)";
        var exit = Table("exit", "CAST(NULL AS VARCHAR) AS enrollmentid, CAST(NULL AS DATE) AS exitdate, CAST(NULL AS BIGINT) AS destination");
        var client = Table("client", "CAST(NULL AS VARCHAR) AS personalid, CAST(NULL AS VARCHAR) AS dob_year_month");
        var funder = Table("funder", "CAST(NULL AS VARCHAR) AS projectid, CAST(NULL AS BIGINT) AS funder, CAST(NULL AS DATE) AS startdate, CAST(NULL AS DATE) AS enddate");
        var incomes = Table("incomebenefits", "CAST(NULL AS VARCHAR) AS enrollmentid, CAST(NULL AS BIGINT) AS datacollectionstage, CAST(NULL AS DATE) AS informationdate, CAST(NULL AS DECIMAL(18,4)) AS earnedamount, CAST(NULL AS DECIMAL(18,4)) AS totalmonthlyincome");
        var otherCoc = has("enrollmentcoc")
            ? $"AND NOT EXISTS (SELECT 1 FROM {R("enrollmentcoc")} c WHERE c.enrollmentid = e.enrollmentid AND c.datacollectionstage = 1 AND c.coccode <> {cocLiteral})"
            : "";
        var services = has("services")
            ? $"OR EXISTS (SELECT 1 FROM {R("services")} v WHERE v.enrollmentid = e.enrollmentid AND v.dateprovided BETWEEN report_start AND report_end AND v.dateprovided >= e.entry_date AND v.dateprovided < COALESCE(e.exit_date, report_end + 1))"
            : "";
        var contacts = has("currentlivingsituation")
            ? $"OR EXISTS (SELECT 1 FROM {R("currentlivingsituation")} c WHERE c.enrollmentid = e.enrollmentid AND c.informationdate BETWEEN report_start AND report_end AND c.informationdate >= e.entry_date AND c.informationdate <= COALESCE(e.exit_date, report_end))"
            : "";
        var permanent = HudDestinations.List(HudDestinations.Permanent);
        var bedNights = has("services")
            ? $"SELECT e.personalid, e.enrollmentid, v.dateprovided AS night FROM lot_stay e JOIN {R("services")} v ON v.enrollmentid = e.enrollmentid, params WHERE e.kind = 'es_nbn' AND v.recordtype = 200 AND v.dateprovided >= e.entry_date AND v.dateprovided < COALESCE(e.exit_date, report_end + 1) AND v.dateprovided <= report_end AND v.dateprovided >= {SqlText.Date(LookbackStop)}"
            : "SELECT personalid, enrollmentid, entry_date AS night FROM lot_stay WHERE 1 = 0";
        var spellNights = SqlText.DaysBetween(dialect, $"GREATEST(s.night_from, {SqlText.Date(LookbackStop)})", "s.night_to");
        var days = SqlText.DaysBetween(dialect, "x.exit_date", "r.return_date");
        var stayed = SqlText.DaysBetween(dialect, "a.entry_date", "report_end");
        var anniversary = SqlText.AddYears(dialect, "a.entry_date", "EXTRACT(YEAR FROM i.informationdate) - EXTRACT(YEAR FROM a.entry_date)");
        var anniversaryGap = SqlText.DaysBetween(dialect, anniversary, "i.informationdate");
        return $"""
            WITH params AS (SELECT {SqlText.Date(from)} AS report_start, {SqlText.Date(to)} AS report_end),
            project AS (
              SELECT projectid,
                CASE WHEN projecttype = 0 OR (projecttype = 1 AND trackingmethod IS NOT NULL AND trackingmethod <> 3) THEN 'es_ee'
                     WHEN projecttype = 1 THEN 'es_nbn'
                     WHEN projecttype = 8 THEN 'sh' WHEN projecttype = 2 THEN 'th' WHEN projecttype = 4 THEN 'so'
                     WHEN projecttype = 13 THEN 'rrh' WHEN projecttype IN (3, 9, 10) THEN 'ph' END AS kind
              FROM {R("project")}),
            stay AS (
              SELECT e.enrollmentid, e.personalid, e.householdid, e.relationshiptohoh, p.kind, e.entrydate AS entry_date,
                     e.livingsituation, e.losunderthreshold, e.previousstreetessh, e.datetostreetessh AS street_date,
                     x.exitdate AS exit_date, x.destination,
                     CASE WHEN e.moveindate >= e.entrydate AND (x.exitdate IS NULL OR e.moveindate <= x.exitdate) THEN e.moveindate END AS own_move_in
              FROM {R("enrollment")} e JOIN project p ON p.projectid = e.projectid
              LEFT JOIN {exit} x ON x.enrollmentid = e.enrollmentid
              WHERE p.kind IS NOT NULL AND e.entrydate IS NOT NULL AND e.personalid IS NOT NULL
                AND COALESCE(e.enrollmentcoc, {cocLiteral}) = {cocLiteral}
                {otherCoc}),
            head AS (SELECT householdid, MIN(own_move_in) AS move_in FROM stay WHERE relationshiptohoh = 1 GROUP BY householdid),
            enrollment AS (
              SELECT s.*, CASE WHEN s.relationshiptohoh = 1 OR h.householdid IS NULL THEN s.own_move_in
                               WHEN h.move_in IS NULL THEN NULL
                               WHEN s.exit_date IS NOT NULL AND s.exit_date <= h.move_in THEN s.own_move_in
                               WHEN s.entry_date > h.move_in THEN s.entry_date
                               ELSE h.move_in END AS move_in_date
              FROM stay s LEFT JOIN head h ON h.householdid = s.householdid),
            active AS (
              SELECT e.* FROM enrollment e, params WHERE e.entry_date <= report_end AND (e.exit_date IS NULL OR e.exit_date >= report_start)),
            night_by_night AS (
              SELECT e.* FROM enrollment e, params WHERE e.kind = 'es_nbn' AND e.entry_date <= report_end AND (
                 e.exit_date BETWEEN report_start AND report_end
                 {services}
                 {contacts})),
            sheltered AS (SELECT personalid, kind FROM active WHERE kind IN ('es_ee', 'sh', 'th') UNION SELECT personalid, kind FROM night_by_night),
            entering AS (
              SELECT personalid, MIN(entry_date) AS entry_date, '5.1' AS tbl FROM enrollment, params
               WHERE entry_date BETWEEN report_start AND report_end AND kind IN ({Sheltered}) GROUP BY personalid
              UNION ALL
              SELECT personalid, MIN(entry_date), '5.2' FROM enrollment, params
               WHERE entry_date BETWEEN report_start AND report_end AND kind IN ({Housing}) GROUP BY personalid),
            prior_stay AS (
              SELECT n.tbl, n.personalid FROM entering n WHERE EXISTS (
                SELECT 1 FROM enrollment p WHERE p.personalid = n.personalid AND p.kind IN ({Housing})
                 AND p.entry_date < n.entry_date AND (p.exit_date IS NULL OR p.exit_date >= n.entry_date - 730))),
            outreach AS (SELECT * FROM active WHERE kind = 'so'),
            outreach_exit AS (
              SELECT * FROM (
                SELECT a.*, ROW_NUMBER() OVER (PARTITION BY personalid ORDER BY exit_date DESC, entry_date DESC, enrollmentid DESC) AS rn FROM outreach a
                 WHERE NOT EXISTS (SELECT 1 FROM outreach o, params WHERE o.personalid = a.personalid AND (o.exit_date IS NULL OR o.exit_date > report_end))) x
              WHERE rn = 1 AND (destination IS NULL OR destination NOT IN ({HudDestinations.List(HudDestinations.ExcludedFromOutreachExits)}))),
            housing AS (SELECT * FROM active WHERE kind IN ({Housing})),
            housing_exit AS (
              SELECT x.* FROM (
                SELECT a.*, ROW_NUMBER() OVER (PARTITION BY personalid ORDER BY exit_date DESC, entry_date DESC, enrollmentid DESC) AS rn FROM housing a
                 WHERE NOT EXISTS (SELECT 1 FROM housing o, params WHERE o.personalid = a.personalid AND (o.exit_date IS NULL OR o.exit_date > report_end))) x, params
              WHERE rn = 1 AND NOT (kind = 'ph' AND move_in_date IS NOT NULL AND move_in_date <= report_end)
                AND (destination IS NULL OR destination NOT IN ({HudDestinations.List(HudDestinations.ExcludedFromHousingExits)}))),
            permanent_housing AS (SELECT a.*, (a.exit_date IS NULL OR a.exit_date > report_end) AS staying FROM active a, params WHERE kind = 'ph'),
            ph_stayer AS (
              SELECT x.* FROM (SELECT a.*, ROW_NUMBER() OVER (PARTITION BY personalid ORDER BY entry_date DESC, enrollmentid DESC) AS rn FROM permanent_housing a WHERE staying) x, params
              WHERE rn = 1 AND move_in_date IS NOT NULL AND move_in_date <= report_end),
            ph_leaver AS (
              SELECT * FROM (SELECT a.*, ROW_NUMBER() OVER (PARTITION BY personalid ORDER BY exit_date DESC, entry_date DESC, enrollmentid DESC) AS rn FROM permanent_housing a
                 WHERE NOT EXISTS (SELECT 1 FROM permanent_housing o WHERE o.personalid = a.personalid AND o.staying)) x
              WHERE rn = 1 AND move_in_date IS NOT NULL AND (destination IS NULL OR destination NOT IN ({HudDestinations.List(HudDestinations.ExcludedFromHousingExits)}))),
            housed_exit AS (
              SELECT * FROM (
                SELECT e.*, ROW_NUMBER() OVER (PARTITION BY personalid ORDER BY exit_date, entry_date, enrollmentid) AS rn FROM enrollment e, params
                 WHERE kind IN ({Homeless}) AND exit_date BETWEEN report_start - 730 AND report_end - 730 AND destination IN ({permanent})) x
              WHERE rn = 1),
            return_entry AS (
              SELECT x.personalid, MIN(r.entry_date) AS return_date FROM housed_exit x
              JOIN enrollment r ON r.personalid = x.personalid AND r.enrollmentid <> x.enrollmentid AND r.entry_date >= x.exit_date
              WHERE r.kind IN ('so', 'es_ee', 'es_nbn', 'sh')
                 OR (r.entry_date > x.exit_date + 14 AND NOT EXISTS (
                       SELECT 1 FROM enrollment o WHERE o.personalid = x.personalid AND o.kind IN ('th', 'ph', 'rrh') AND o.enrollmentid <> r.enrollmentid
                        AND o.exit_date >= x.exit_date AND o.exit_date < r.entry_date AND r.entry_date <= o.exit_date + 14))
              GROUP BY x.personalid),
            returned AS (
              SELECT x.kind, {days} AS days FROM housed_exit x JOIN return_entry r ON r.personalid = x.personalid),
            funded AS (
              SELECT DISTINCT f.projectid FROM {funder} f, params WHERE f.funder IN ({CocFunders})
                AND (f.startdate IS NULL OR f.startdate <= report_end) AND (f.enddate IS NULL OR f.enddate >= report_start)),
            adult AS (
              SELECT a.* FROM active a JOIN {R("enrollment")} e ON e.enrollmentid = a.enrollmentid JOIN {client} c ON c.personalid = a.personalid, params
              WHERE e.projectid IN (SELECT projectid FROM funded) AND c.dob_year_month IS NOT NULL
                AND EXTRACT(YEAR FROM GREATEST(report_start, a.entry_date)) * 12 + EXTRACT(MONTH FROM GREATEST(report_start, a.entry_date))
                    - (CAST(SUBSTRING(c.dob_year_month, 1, 4) AS INTEGER) * 12 + CAST(SUBSTRING(c.dob_year_month, 6, 2) AS INTEGER)) >= 216),
            stayer_candidate AS (SELECT a.* FROM adult a, params WHERE a.exit_date IS NULL OR a.exit_date > report_end),
            stayer AS (
              SELECT * FROM (SELECT a.*, ROW_NUMBER() OVER (PARTITION BY personalid ORDER BY entry_date DESC, enrollmentid DESC) AS rn FROM stayer_candidate a, params
                 WHERE {stayed} + 1 >= 365) x
              WHERE rn = 1),
            leaver AS (
              SELECT * FROM (SELECT a.*, ROW_NUMBER() OVER (PARTITION BY personalid ORDER BY entry_date DESC, enrollmentid DESC) AS rn FROM adult a, params
                 WHERE a.exit_date <= report_end AND a.personalid NOT IN (SELECT personalid FROM stayer_candidate)) x
              WHERE rn = 1),
            income AS (
              SELECT enrollmentid, datacollectionstage AS stage, informationdate,
                     GREATEST(COALESCE(earnedamount, 0), 0) AS earned, GREATEST(COALESCE(totalmonthlyincome, 0), 0) AS total
              FROM {incomes} i),
            at_entry AS (SELECT * FROM (SELECT i.*, ROW_NUMBER() OVER (PARTITION BY enrollmentid ORDER BY informationdate DESC) AS rn FROM income i WHERE stage = 1) x WHERE rn = 1),
            at_exit AS (SELECT * FROM (SELECT i.*, ROW_NUMBER() OVER (PARTITION BY enrollmentid ORDER BY informationdate DESC) AS rn FROM income i WHERE stage = 3) x WHERE rn = 1),
            annual AS (
              SELECT i.* FROM income i JOIN stayer a ON a.enrollmentid = i.enrollmentid, params
              WHERE i.stage = 5 AND i.informationdate <= report_end
                AND ABS({anniversaryGap}) <= 30),
            latest_annual AS (SELECT * FROM (SELECT a.*, ROW_NUMBER() OVER (PARTITION BY enrollmentid ORDER BY informationdate DESC) AS rn FROM annual a) x WHERE rn = 1),
            earlier_annual AS (
              SELECT * FROM (SELECT a.*, ROW_NUMBER() OVER (PARTITION BY a.enrollmentid ORDER BY a.informationdate DESC) AS rn FROM annual a
                JOIN latest_annual l ON l.enrollmentid = a.enrollmentid AND a.informationdate < l.informationdate) x WHERE rn = 1),
            income_change AS (
              SELECT 'stayer' AS who, COALESCE(c.earned, 0) AS now_earned, COALESCE(c.total, 0) AS now_total, COALESCE(p.earned, e.earned) AS was_earned, COALESCE(p.total, e.total) AS was_total,
                     (p.enrollmentid IS NOT NULL OR e.enrollmentid IS NOT NULL) AS compared
              FROM stayer s LEFT JOIN latest_annual c ON c.enrollmentid = s.enrollmentid LEFT JOIN earlier_annual p ON p.enrollmentid = s.enrollmentid LEFT JOIN at_entry e ON e.enrollmentid = s.enrollmentid
              UNION ALL
              SELECT 'leaver', COALESCE(c.earned, 0), COALESCE(c.total, 0), e.earned, e.total, e.enrollmentid IS NOT NULL
              FROM leaver l LEFT JOIN at_exit c ON c.enrollmentid = l.enrollmentid LEFT JOIN at_entry e ON e.enrollmentid = l.enrollmentid),
            lot_stay AS (
              SELECT e.*, LEAST(COALESCE(e.exit_date, report_end + 1), report_end + 1) AS stay_end,
                     (e.kind IN ('so', 'es_ee', 'es_nbn', 'sh') OR e.livingsituation IN ({HomelessSituations})
                      OR (e.losunderthreshold = 1 AND e.previousstreetessh = 1)) AS homeless_at_entry,
                     (e.kind IN ('ph', 'rrh') AND (e.entry_date BETWEEN report_start AND report_end OR (e.move_in_date > report_start AND e.move_in_date <= report_end)
                      OR (e.move_in_date IS NULL AND e.exit_date BETWEEN report_start AND report_end))) AS ph_in_period
              FROM enrollment e, params WHERE e.entry_date <= report_end),
            bed_night AS ({bedNights}),
            lot_metric(metric, th_counts, self_reported) AS (VALUES ('1a.1', false, false), ('1a.2', true, false), ('1b.1', false, true), ('1b.2', true, true)),
            lot_kept AS (
              SELECT m.metric, e.personalid, e.entry_date AS night_from, e.stay_end AS night_to FROM lot_stay e, lot_metric m
               WHERE (e.kind IN ('es_ee', 'sh') OR (e.kind = 'th' AND m.th_counts)) AND e.entry_date < e.stay_end
              UNION ALL SELECT m.metric, b.personalid, b.night, b.night + 1 FROM bed_night b, lot_metric m
              UNION ALL
              SELECT m.metric, e.personalid, e.entry_date, COALESCE(e.move_in_date, e.stay_end) FROM lot_stay e, lot_metric m
               WHERE m.self_reported AND e.ph_in_period AND e.homeless_at_entry AND e.entry_date < COALESCE(e.move_in_date, e.stay_end)
              UNION ALL
              SELECT m.metric, e.personalid, GREATEST(e.street_date, {SqlText.Date(LookbackStop)}), e.entry_date FROM lot_stay e, lot_metric m
               WHERE m.self_reported AND e.homeless_at_entry AND e.street_date < e.entry_date AND e.entry_date > {SqlText.Date(LookbackStop)}
                 AND (e.kind IN ('es_ee', 'sh') OR (e.kind = 'th' AND m.th_counts) OR e.ph_in_period)
              UNION ALL
              SELECT m.metric, b.personalid, GREATEST(e.street_date, {SqlText.Date(LookbackStop)}), MIN(b.night) FROM bed_night b JOIN lot_stay e ON e.enrollmentid = b.enrollmentid, lot_metric m
               WHERE m.self_reported AND e.street_date IS NOT NULL GROUP BY m.metric, b.personalid, b.enrollmentid, e.street_date HAVING e.street_date < MIN(b.night)),
            lot_removed AS (
              SELECT m.metric, e.personalid, e.entry_date AS night_from, e.stay_end AS night_to FROM lot_stay e, lot_metric m
               WHERE e.kind = 'th' AND NOT m.th_counts AND e.entry_date < e.stay_end
              UNION ALL
              SELECT m.metric, e.personalid, e.move_in_date, e.stay_end FROM lot_stay e, lot_metric m
               WHERE e.kind IN ('ph', 'rrh') AND e.move_in_date IS NOT NULL AND e.move_in_date < e.stay_end),
            lot_event AS (
              SELECT metric, personalid, night_from AS night, 1 AS kept, 0 AS removed FROM lot_kept
              UNION ALL SELECT metric, personalid, night_to, -1, 0 FROM lot_kept
              UNION ALL SELECT metric, personalid, night_from, 0, 1 FROM lot_removed
              UNION ALL SELECT metric, personalid, night_to, 0, -1 FROM lot_removed),
            lot_point AS (SELECT metric, personalid, night, SUM(kept) AS kept, SUM(removed) AS removed FROM lot_event GROUP BY metric, personalid, night),
            lot_piece AS (
              SELECT metric, personalid, night AS night_from, LEAD(night) OVER (PARTITION BY metric, personalid ORDER BY night) AS night_to,
                     SUM(kept) OVER (PARTITION BY metric, personalid ORDER BY night ROWS UNBOUNDED PRECEDING) > 0
                     AND SUM(removed) OVER (PARTITION BY metric, personalid ORDER BY night ROWS UNBOUNDED PRECEDING) = 0 AS homeless
              FROM lot_point),
            lot_numbered AS (
              SELECT p.*, SUM(CASE WHEN homeless THEN 0 ELSE 1 END) OVER (PARTITION BY metric, personalid ORDER BY night_from) AS spell_number
              FROM lot_piece p WHERE night_to IS NOT NULL),
            lot_spell AS (
              SELECT metric, personalid, MIN(night_from) AS night_from, MAX(night_to) AS night_to
              FROM lot_numbered WHERE homeless GROUP BY metric, personalid, spell_number),
            lot_person AS (SELECT metric, personalid, MAX(night_to) AS last_end FROM lot_spell GROUP BY metric, personalid),
            lot_nights AS (
              SELECT p.metric, p.personalid, SUM({spellNights}) AS nights
              FROM lot_person p JOIN lot_spell s ON s.metric = p.metric AND s.personalid = p.personalid, params
              WHERE p.last_end > report_start AND s.night_from < p.last_end AND s.night_to > p.last_end - 366 AND s.night_to > {SqlText.Date(LookbackStop)}
              GROUP BY p.metric, p.personalid),
            counts(tbl, cell, n) AS (
              SELECT '3.2', 'C2', COUNT(DISTINCT personalid) FROM sheltered
              UNION ALL SELECT '3.2', 'C3', COUNT(DISTINCT personalid) FROM sheltered WHERE kind IN ('es_ee', 'es_nbn')
              UNION ALL SELECT '3.2', 'C4', COUNT(DISTINCT personalid) FROM sheltered WHERE kind = 'sh'
              UNION ALL SELECT '3.2', 'C5', COUNT(DISTINCT personalid) FROM sheltered WHERE kind = 'th'
              UNION ALL SELECT '5.1', 'C2', COUNT(*) FROM entering WHERE tbl = '5.1'
              UNION ALL SELECT '5.1', 'C3', COUNT(*) FROM prior_stay WHERE tbl = '5.1'
              UNION ALL SELECT '5.2', 'C2', COUNT(*) FROM entering WHERE tbl = '5.2'
              UNION ALL SELECT '5.2', 'C3', COUNT(*) FROM prior_stay WHERE tbl = '5.2'
              UNION ALL SELECT '7a.1', 'C2', COUNT(*) FROM outreach_exit
              UNION ALL SELECT '7a.1', 'C3', COUNT(*) FROM outreach_exit WHERE destination IN ({HudDestinations.List(HudDestinations.TemporaryAndSomeInstitutional)})
              UNION ALL SELECT '7a.1', 'C4', COUNT(*) FROM outreach_exit WHERE destination IN ({permanent})
              UNION ALL SELECT '7b.1', 'C2', COUNT(*) FROM housing_exit
              UNION ALL SELECT '7b.1', 'C3', COUNT(*) FROM housing_exit WHERE destination IN ({permanent})
              UNION ALL SELECT '7b.2', 'C2', (SELECT COUNT(*) FROM ph_stayer) + (SELECT COUNT(*) FROM ph_leaver)
              UNION ALL SELECT '7b.2', 'C3', (SELECT COUNT(*) FROM ph_stayer) + (SELECT COUNT(*) FROM ph_leaver WHERE destination IN ({permanent}))
              UNION ALL SELECT CASE who WHEN 'stayer' THEN '4.1' ELSE '4.4' END, 'C2', COUNT(*) FROM income_change GROUP BY who
              UNION ALL SELECT CASE who WHEN 'stayer' THEN '4.1' ELSE '4.4' END, 'C3', COUNT(*) FROM income_change WHERE compared AND now_earned > was_earned GROUP BY who
              UNION ALL SELECT CASE who WHEN 'stayer' THEN '4.2' ELSE '4.5' END, 'C3', COUNT(*) FROM income_change WHERE compared AND now_total - now_earned > was_total - was_earned GROUP BY who
              UNION ALL SELECT CASE who WHEN 'stayer' THEN '4.3' ELSE '4.6' END, 'C3', COUNT(*) FROM income_change WHERE compared AND now_total > was_total GROUP BY who
              UNION ALL SELECT 'lot:' || metric, CAST(nights AS VARCHAR), COUNT(*) FROM lot_nights GROUP BY metric, nights
              UNION ALL SELECT '2', 'B:' || kind, COUNT(*) FROM housed_exit GROUP BY kind
              UNION ALL SELECT '2', 'C:' || kind, COUNT(*) FROM returned WHERE days <= 180 GROUP BY kind
              UNION ALL SELECT '2', 'E:' || kind, COUNT(*) FROM returned WHERE days BETWEEN 181 AND 365 GROUP BY kind
              UNION ALL SELECT '2', 'G:' || kind, COUNT(*) FROM returned WHERE days BETWEEN 366 AND 730 GROUP BY kind)
            SELECT tbl, cell, CAST(n AS BIGINT) FROM counts
            """;
    }
}
