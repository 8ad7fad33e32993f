using System.Globalization;
using Tessera.Intake.Dictionaries;
using Tessera.Metrics.Definitions;
using Tessera.Metrics.Sql;

namespace Tessera.Metrics.Compilation;

/// <summary>
/// Compiles a validated metric to SQL in two steps that run the same on DuckDB and PostgreSQL:
/// <see cref="Members"/> selects one row per population row (person, anchor, period, groups, whether
/// it counts in the numerator, measure, days to outcome) — the lineage every figure can be drilled
/// to — and <see cref="Aggregate"/> turns stored members into numerator, denominator and value per
/// group and period. Persons are the linkage index's pseudonymous ids; a record not (yet) linked
/// counts as its own person within its source. Every part is partition-friendly: members of
/// different persons never interact, so numerators and denominators add across partitions.
/// </summary>
public static class MetricSql
{
    /// <summary>Columns <see cref="Members"/> returns, in order.</summary>
    public static IReadOnlyList<string> MemberColumns { get; } = ["person_id", "anchor_date", "period_start", "g1", "g2", "g3", "g4", "hit", "amount", "days", "stratum"];

    /// <summary>The schema holding the linkage index (person_records, family_links).</summary>
    public const string IndexSchema = "tessera";

    /// <summary>The member rows of <paramref name="metric"/>.</summary>
    /// <param name="metric">A validated metric.</param>
    /// <param name="schema">The sources' dictionaries.</param>
    /// <param name="dialect">The engine.</param>
    /// <param name="options">Data end and anchor range.</param>
    /// <param name="relation">Where to read a source's file from (source, file → SQL relation), e.g. a snapshot shared by several metrics; null for its current rows.</param>
    public static string Members(MetricDefinition metric, IMetricSchema schema, SqlDialect dialect, MetricQueryOptions options, Func<string, string, string?>? relation = null)
    {
        string Table(string source, string file) => Relation(relation, source, file);
        string Joins(RowSelection rows, string alias) => JoinsOf(Table, rows, alias);

        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(options);
        var pop = metric.Population;
        var popFiles = schema.File(pop.Source, pop.File);
        string P(string field) => Ref(pop, schema, "p", field);
        var anchor = $"CAST({P(pop.Anchor)} AS DATE)";
        var filters = new List<string> { $"{P(pop.Anchor)} IS NOT NULL" };
        filters.AddRange(pop.Where.Select(c => Condition(pop, schema, "p", c)));
        if (options.From is { } from)
        {
            filters.Add($"{anchor} >= {SqlText.Date(from)}");
        }

        if (options.To is { } to)
        {
            filters.Add($"{anchor} <= {SqlText.Date(to)}");
        }

        if (metric.Outcome is { } closing)
        {
            filters.Add(WindowEnd(closing.Window, anchor) + " <= " + SqlText.Date(options.AsOf));
        }

        var (personJoin, person) = Person("p", pop, popFiles, schema);
        var groups = Enumerable.Range(0, 4).Select(i => i < metric.GroupBy.Count ? Group(metric.GroupBy[i], P) + $" AS g{i + 1}" : $"CAST(NULL AS VARCHAR) AS g{i + 1}");
        var measure = metric.Measure is null ? "CAST(NULL AS DOUBLE PRECISION)" : $"CAST({P(metric.Measure)} AS DOUBLE PRECISION)";
        var carried = (options.Carry ?? []).Select((f, i) => $", CAST({P(f)} AS VARCHAR) AS v{i + 1}").ToList();
        var carriedColumns = string.Concat((options.Carry ?? []).Select((_, i) => $", p.v{i + 1}"));
        var hit = metric.Numerator is { } numerator ? $"CASE WHEN {string.Join(" AND ", numerator.Where.Select(c => Condition(pop, schema, "p", c)))} THEN 1 ELSE 0 END" : "0";
        var ctes = new List<string>
        {
            $"person_keys AS (SELECT source, person_key, MIN(person_id) AS person_id FROM {IndexSchema}.person_records WHERE person_key IS NOT NULL GROUP BY source, person_key)",
            $"""
            candidates AS (
              SELECT p._delivery AS row_delivery, p._row AS row_number, {person} AS person_id, {anchor} AS anchor_date,
                     {Period(metric.PeriodKind, anchor)} AS period_start, {string.Join(", ", groups)}, {hit} AS hit, {measure} AS amount
                     {(metric.Outcome?.MatchOn is { } key ? $", CAST({P(key.Population)} AS VARCHAR) AS match_key" : "")}{string.Concat(carried)}
              FROM {Table(pop.Source, pop.File)} p {Joins(pop, "p")} {personJoin}
              WHERE {string.Join(" AND ", filters)})
            """,
        };

        var kept = new List<string>();
        foreach (var (exclusion, i) in metric.Exclude.Select((e, i) => (e, i)))
        {
            var alias = "x" + (i + 1).ToString(CultureInfo.InvariantCulture);
            var files = schema.File(exclusion.Source, exclusion.File);
            var (join, who) = Person(alias, exclusion, files, schema);
            var date = $"CAST({Ref(exclusion, schema, alias, exclusion.Date)} AS DATE)";
            var conditions = new List<string> { $"{date} IS NOT NULL" };
            conditions.AddRange(exclusion.Where.Select(c => Condition(exclusion, schema, alias, c)));
            ctes.Add($"""
                excluded{i + 1} AS (
                  SELECT {who} AS person_id, {date} AS event_date
                  FROM {Table(exclusion.Source, exclusion.File)} {alias} {Joins(exclusion, alias)} {join}
                  WHERE {string.Join(" AND ", conditions)})
                """);
            kept.Add($"NOT EXISTS (SELECT 1 FROM excluded{i + 1} e WHERE e.person_id = c.person_id AND {Window(exclusion.Window, "c.anchor_date", "e.event_date")})");
        }

        // PostgreSQL inlines a CTE read once and then misjudges the person join (a COALESCE over a left join):
        // at 100k people it paired every wage record with every exit of the same quarter before comparing
        // persons and did not finish in 8 minutes; materialised, the same metric takes 3 s.
        var materialized = dialect == SqlDialect.PostgreSql ? "MATERIALIZED " : "";
        var traits = new List<string>();
        var traitJoins = new List<string>();
        foreach (var (trait, i) in metric.AdjustFor.Where(t => options.Characteristics?.Contains(t.Name) == true).Select((t, i) => (t, i)))
        {
            var alias = "t" + (i + 1).ToString(CultureInfo.InvariantCulture);
            var (join, who) = Person(alias, trait, schema.File(trait.Source, trait.File), schema);
            if (trait.IsAttribute)
            {
                // An attribute: one value per person, joined (not a subquery per row, which PostgreSQL runs row by row).
                var value = trait.Value is { } field ? $"CAST({Ref(trait, schema, alias, field)} AS VARCHAR)" : Category(trait, schema, alias);
                var where = new List<string> { $"{value} IS NOT NULL" };
                where.AddRange(trait.Where.Select(c => Condition(trait, schema, alias, c)));
                ctes.Add($"""
                    trait{i + 1} AS (
                      SELECT {who} AS person_id, MIN({value}) AS value
                      FROM {Table(trait.Source, trait.File)} {alias} {Joins(trait, alias)} {join}
                      WHERE {string.Join(" AND ", where)}
                      GROUP BY {who})
                    """);
                traitJoins.Add($"LEFT JOIN trait{i + 1} v{i + 1} ON v{i + 1}.person_id = c.person_id");
                traits.Add($"{SqlText.Literal(trait.Name + ":")} || COALESCE(v{i + 1}.value, 'unknown')");
                continue;
            }

            var date = $"CAST({Ref(trait, schema, alias, trait.Date)} AS DATE)";
            var conditions = new List<string> { $"{date} IS NOT NULL" };
            conditions.AddRange(trait.Where.Select(c => Condition(trait, schema, alias, c)));
            ctes.Add($"""
                trait{i + 1} AS (
                  SELECT DISTINCT {who} AS person_id, {date} AS event_date
                  FROM {Table(trait.Source, trait.File)} {alias} {Joins(trait, alias)} {join}
                  WHERE {string.Join(" AND ", conditions)})
                """);
            traits.Add($"{SqlText.Literal(trait.Name + ":")} || CASE WHEN EXISTS (SELECT 1 FROM trait{i + 1} e WHERE e.person_id = c.person_id AND {Window(trait.Window, "c.anchor_date", "e.event_date")}) THEN '1' ELSE '0' END");
        }

        var stratum = traits.Count == 0 ? "CAST(NULL AS VARCHAR)" : string.Join(" || ';' || ", traits);
        ctes.Add($"population AS {materialized}(SELECT c.*, {stratum} AS stratum FROM candidates c{string.Concat(traitJoins.Select(j => " " + j))}{(kept.Count == 0 ? "" : " WHERE " + string.Join(" AND ", kept))})");

        if (metric.Outcome is not { } outcome)
        {
            return $"WITH {string.Join(",\n", ctes)}\nSELECT person_id, anchor_date, period_start, g1, g2, g3, g4, hit, amount, CAST(NULL AS BIGINT) AS days, stratum{carriedColumns.Replace("p.", "", StringComparison.Ordinal)} FROM population";
        }

        ctes.Add($"outcome AS {materialized}({OutcomeRows(outcome, schema, Table, Joins)})");
        if (outcome.Whose == "family")
        {
            ctes.Add($"""
                relatives AS (
                  SELECT person_a AS person_id, person_b AS relative_id FROM {IndexSchema}.family_links
                  UNION SELECT person_b, person_a FROM {IndexSchema}.family_links),
                outcome_for AS (
                  SELECT person_id, event_date, amount FROM outcome
                  UNION ALL SELECT r.person_id, o.event_date, o.amount FROM outcome o JOIN relatives r ON r.relative_id = o.person_id)
                """);
        }

        var source = outcome.Whose == "family" ? "outcome_for" : "outcome";
        var on = outcome.MatchOn is null ? "o.person_id = p.person_id" : "o.match_key = p.match_key";
        ctes.Add($"""
            first_outcome AS (
              SELECT p.row_delivery, p.row_number, MIN(o.event_date) AS outcome_date, SUM(o.amount) AS outcome_amount
              FROM population p JOIN {source} o ON {on} AND {Window(outcome.Window, "p.anchor_date", "o.event_date")}
              GROUP BY p.row_delivery, p.row_number)
            """);
        return $"""
            WITH {string.Join(",\n", ctes)}
            SELECT p.person_id, p.anchor_date, p.period_start, p.g1, p.g2, p.g3, p.g4,
                   CASE WHEN f.outcome_date IS NULL THEN 0 ELSE 1 END AS hit, {(outcome.Measure is null ? "p.amount" : "f.outcome_amount")} AS amount,
                   CAST({SqlText.DaysBetween(dialect, "p.anchor_date", "f.outcome_date")} AS BIGINT) AS days, p.stratum{carriedColumns}
            FROM population p LEFT JOIN first_outcome f ON f.row_delivery = p.row_delivery AND f.row_number = p.row_number
            """;
    }

    /// <summary>
    /// Every outcome event of <paramref name="metric"/> (its outcome file's rows that pass its
    /// conditions), whoever's: columns person_id and event_date (a quarter's first day for quarterly
    /// records). What a before-and-after view follows over time around each person's anchor.
    /// </summary>
    /// <exception cref="MetricDefinitionException">The metric has no outcome followed by person.</exception>
    public static string OutcomeEvents(MetricDefinition metric, IMetricSchema schema, Func<string, string, string?>? relation = null)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(schema);
        if (metric.Outcome is not { MatchOn: null } outcome)
        {
            throw new MetricDefinitionException($"Metric '{metric.Id}' has no outcome followed by person.");
        }

        string Table(string source, string file) => Relation(relation, source, file);
        string Joins(RowSelection rows, string alias) => JoinsOf(Table, rows, alias);
        return $"""
            WITH person_keys AS (SELECT source, person_key, MIN(person_id) AS person_id FROM {IndexSchema}.person_records WHERE person_key IS NOT NULL GROUP BY source, person_key)
            SELECT DISTINCT person_id, event_date FROM ({OutcomeRows(outcome, schema, Table, Joins)}) e
            """;
    }

    // Where a source's file is read from: the relation given for it, or its current rows.
    private static string Relation(Func<string, string, string?>? relation, string source, string file) =>
        relation?.Invoke(source, file.ToLowerInvariant()) ?? SqlText.Quote(source) + "." + SqlText.Quote(file.ToLowerInvariant());

    // The joins of a row selection's joined files, each aliased after the selection's alias.
    private static string JoinsOf(Func<string, string, string> table, RowSelection rows, string alias) => string.Concat(rows.Join.Select((j, i) =>
    {
        var joined = alias + (i + 1).ToString(CultureInfo.InvariantCulture);
        return $" LEFT JOIN {table(rows.Source, j.File)} {joined} ON {joined}.{Column(j.On)} = {alias}.{Column(j.On)}";
    }));

    // The outcome file's rows that pass the outcome's conditions: person, match key, event date, amount.
    private static string OutcomeRows(OutcomeDefinition outcome, IMetricSchema schema, Func<string, string, string> table, Func<RowSelection, string, string> joins)
    {
        var outFiles = schema.File(outcome.Source, outcome.File);
        string O(string field) => Ref(outcome, schema, "o", field);
        var (outJoin, outPerson) = outcome.MatchOn is null ? Person("o", outcome, outFiles, schema) : ("", "CAST(NULL AS VARCHAR)");
        var eventDate = outcome.Date is not null
            ? $"CAST({O(outcome.Date)} AS DATE)"
            : $"make_date(CAST({O(outcome.Year!)} AS INTEGER), CAST(({O(outcome.Quarter!)} - 1) * 3 + 1 AS INTEGER), 1)";
        var outFilters = new List<string>
        {
            outcome.Date is not null ? $"{O(outcome.Date)} IS NOT NULL" : $"{O(outcome.Year!)} IS NOT NULL AND {O(outcome.Quarter!)} BETWEEN 1 AND 4",
        };
        outFilters.AddRange(outcome.Where.Select(c => Condition(outcome, schema, "o", c)));
        var outAmount = outcome.Measure is null ? "CAST(NULL AS DOUBLE PRECISION)" : $"CAST({O(outcome.Measure)} AS DOUBLE PRECISION)";
        var matchKey = outcome.MatchOn is { } m ? $"CAST({O(m.Outcome)} AS VARCHAR)" : "CAST(NULL AS VARCHAR)";
        return $"""
              SELECT {outPerson} AS person_id, {matchKey} AS match_key, {eventDate} AS event_date, {outAmount} AS amount
              FROM {table(outcome.Source, outcome.File)} o {joins(outcome, "o")} {outJoin}
              WHERE {string.Join(" AND ", outFilters)}
            """;
    }

    /// <summary>
    /// The files <paramref name="metric"/> reads, as (source, lower-case file): population, outcome,
    /// exclusions and their joins — every file a figure depends on, so its run's lineage and who may
    /// see it account for all of them.
    /// </summary>
    public static IEnumerable<(string Source, string File)> Files(MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var selections = new List<RowSelection> { metric.Population };
        if (metric.Outcome is { } outcome)
        {
            selections.Add(outcome);
        }

        selections.AddRange(metric.Exclude);

        return selections.SelectMany(r => new[] { r.File }.Concat(r.Join.Select(j => j.File)).Select(f => (r.Source, f.ToLowerInvariant()))).Distinct();
    }

    /// <summary>
    /// Results from stored members: one row per period and value of <paramref name="groupColumn"/>
    /// (or overall, when null) with columns period_start, period_end, group_value, numerator,
    /// denominator, value.
    /// </summary>
    public static string Aggregate(MetricDefinition metric, SqlDialect dialect, string membersTable, long runId, string? groupColumn)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var median = (string column, string? filter) => (dialect == SqlDialect.DuckDb
            ? $"quantile_cont({column}, 0.5)"
            : $"percentile_cont(0.5) WITHIN GROUP (ORDER BY {column})") + (filter is null ? "" : $" FILTER (WHERE {filter})");
        var (numerator, denominator, value) = metric.ValueKind switch
        {
            MetricValue.Rate => ("SUM(hit)", "COUNT(*)", "CAST(SUM(hit) AS DOUBLE PRECISION) / COUNT(*)"),
            MetricValue.Count => ("COUNT(*)", "CAST(NULL AS BIGINT)", "CAST(COUNT(*) AS DOUBLE PRECISION)"),
            MetricValue.Mean => ("CAST(NULL AS BIGINT)", "COUNT(amount)", "AVG(amount)"),
            MetricValue.Median => ("CAST(NULL AS BIGINT)", "COUNT(amount)", median("amount", null)),
            MetricValue.Sum => ("CAST(NULL AS BIGINT)", "COUNT(*)", "SUM(amount)"),
            MetricValue.PerPerson => ("CAST(NULL AS BIGINT)", "COUNT(DISTINCT person_id)", "SUM(amount) / COUNT(DISTINCT person_id)"),
            _ => ("SUM(hit)", "COUNT(*)", median("days", "hit = 1")),
        };
        var group = groupColumn is null ? "'all'" : $"COALESCE({groupColumn}, 'unknown')";
        var run = runId.ToString(CultureInfo.InvariantCulture);
        var measures = $"CAST({numerator} AS BIGINT) AS numerator, CAST({denominator} AS BIGINT) AS denominator, CAST({value} AS DOUBLE PRECISION) AS value";
        if (metric.PeriodKind == MetricPeriod.Rolling12)
        {
            // Each window ends with a month of data and starts 11 months earlier; windows reaching before the data are left out.
            return $"""
                SELECT {MonthsBefore("w.month", 11)} AS period_start, {MonthsBefore("w.month", -1)} - 1 AS period_end, {group} AS group_value, {measures}
                FROM {membersTable} m JOIN (
                  SELECT DISTINCT period_start AS month FROM {membersTable}
                  WHERE run_id = {run} AND period_start >= (SELECT {MonthsBefore("MIN(period_start)", -11)} FROM {membersTable} WHERE run_id = {run})) w
                ON m.period_start BETWEEN {MonthsBefore("w.month", 11)} AND w.month
                WHERE m.run_id = {run}
                GROUP BY w.month{(groupColumn is null ? "" : ", " + group)}
                """;
        }

        var step = metric.PeriodKind switch { MetricPeriod.Quarter => "3 months", MetricPeriod.Year => "1 year", MetricPeriod.Week => "7 days", MetricPeriod.TwoWeeks => "14 days", _ => "1 month" };
        return $"""
            SELECT period_start, CAST(CAST(period_start AS TIMESTAMP) + INTERVAL '{step}' AS DATE) - 1 AS period_end, {group} AS group_value,
                   {measures}
            FROM {membersTable} WHERE run_id = {run}
            GROUP BY period_start{(groupColumn is null ? "" : ", " + group)}
            """;
    }

    private static string Column(string field) => SqlText.Quote(field.ToLowerInvariant());

    /// <summary>A person's category from yes/no fields (<see cref="CharacteristicDefinition.Flags"/>): the one marked, several, or why none is.</summary>
    private static string Category(CharacteristicDefinition trait, IMetricSchema schema, string alias)
    {
        string Marked(string field) => $"CAST({Ref(trait, schema, alias, field)} AS VARCHAR) = '1'";
        var count = string.Join(" + ", trait.Flags.Keys.Select(f => $"CASE WHEN {Marked(f)} THEN 1 ELSE 0 END"));
        var cases = new List<string>();
        if (trait.Several is { } several)
        {
            cases.Add($"WHEN {count} > 1 THEN {SqlText.Literal(several)}");
        }

        cases.AddRange(trait.Flags.Select(f => $"WHEN {Marked(f.Key)} THEN {SqlText.Literal(f.Value)}"));
        if (trait.None is { } none)
        {
            var code = $"CAST({Ref(trait, schema, alias, none)} AS VARCHAR)";
            cases.AddRange(trait.NoneLabels.Select(l => $"WHEN {code} = {SqlText.Literal(l.Key)} THEN {SqlText.Literal(l.Value)}"));
        }

        return $"CASE {string.Join(" ", cases)} ELSE 'Missing' END";
    }

    private static string Ref(RowSelection rows, IMetricSchema schema, string alias, string field) =>
        FieldReference.Resolve(rows, schema, alias, field)?.Sql ?? throw new MetricDefinitionException($"'{field}' is not a field of {rows.Source}/{rows.File}.");

    /// <summary>The join and expression giving a row's person id.</summary>
    private static (string Join, string Person) Person(string alias, RowSelection rows, IReadOnlyList<FileDefinition> files, IMetricSchema schema)
    {
        var source = SqlText.Literal(rows.Source);
        var key = rows.Person ?? files.Select(f => f.PersonKey).FirstOrDefault(k => k is not null);
        if (key is not null)
        {
            var value = $"CAST({Ref(rows, schema, alias, key)} AS VARCHAR)";
            return ($"LEFT JOIN person_keys {alias}_key ON {alias}_key.source = {source} AND {alias}_key.person_key = {value}",
                $"COALESCE({alias}_key.person_id, {SqlText.Literal(rows.Source + ":")} || {value})");
        }

        // One person record per row (e.g. a wage record): the record's id is its primary key.
        var primary = files[0].PrimaryKey;
        var id = string.Join(" || '|' || ", primary.Select(k => $"CAST({alias}.{Column(k)} AS VARCHAR)"));
        return ($"LEFT JOIN {IndexSchema}.person_records {alias}_rec ON {alias}_rec.source = {source} AND {alias}_rec.file = {SqlText.Literal(files[0].Name)} AND {alias}_rec.source_id = {id}",
            $"COALESCE({alias}_rec.person_id, {SqlText.Literal($"{rows.Source}/{files[0].Name}/")} || {id})");
    }

    private static string Condition(RowSelection rows, IMetricSchema schema, string alias, ConditionDefinition condition)
    {
        var reference = FieldReference.Resolve(rows, schema, alias, condition.Field)!;
        var (field, column) = (reference.Field, reference.Sql);
        var text = $"CAST({column} AS VARCHAR)";
        if (condition.Present is { } present)
        {
            return present ? $"{column} IS NOT NULL" : $"{column} IS NULL";
        }

        if (condition.EqualTo is { } equal)
        {
            return $"{text} = {SqlText.Literal(equal)}";
        }

        if (condition.In is { } values)
        {
            return $"{text} IN ({string.Join(", ", values.Select(SqlText.Literal))})";
        }

        if (condition.NotIn is { } excluded)
        {
            return $"({column} IS NULL OR {text} NOT IN ({string.Join(", ", excluded.Select(SqlText.Literal))}))";
        }

        var bounds = new List<string>();
        if (condition.Min is { } min)
        {
            bounds.Add($"{column} >= {Bound(field, min)}");
        }

        if (condition.Max is { } max)
        {
            bounds.Add($"{column} <= {Bound(field, max)}");
        }

        return "(" + string.Join(" AND ", bounds) + ")";
    }

    private static string Bound(FieldDefinition field, string value) => field.Kind switch
    {
        FieldType.Date or FieldType.DateTime when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => SqlText.Date(date),
        FieldType.Integer or FieldType.Decimal or FieldType.Money when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number.ToString(CultureInfo.InvariantCulture),
        _ => throw new MetricDefinitionException($"'{value}' is not a valid bound for {field.Name}: write dates as YYYY-MM-DD and numbers with a decimal point."),
    };

    private static string Group(GroupDefinition group, Func<string, string> field)
    {
        var column = field(group.Field);
        if (group.Bands.Count == 0)
        {
            return $"CAST({column} AS VARCHAR)";
        }

        var cases = group.Bands.Select(b =>
        {
            var tests = new List<string>();
            if (b.From is { } from)
            {
                tests.Add($"{column} >= {from.ToString(CultureInfo.InvariantCulture)}");
            }

            if (b.Below is { } below)
            {
                tests.Add($"{column} < {below.ToString(CultureInfo.InvariantCulture)}");
            }

            return $"WHEN {string.Join(" AND ", tests)} THEN {SqlText.Literal(b.Label)}";
        });
        return $"CASE {string.Join(" ", cases)} END";
    }

    private static string Period(MetricPeriod period, string date) => period == MetricPeriod.TwoWeeks
        ? $"CAST({FortnightEpoch} + CAST(FLOOR((CAST({date} AS DATE) - {FortnightEpoch}) / 14.0) AS INTEGER) * 14 AS DATE)"
        : $"CAST(date_trunc('{(period == MetricPeriod.Rolling12 ? "month" : period.ToString().ToLowerInvariant())}', CAST({date} AS TIMESTAMP)) AS DATE)";

    /// <summary>The Monday two-week periods count from.</summary>
    private const string FortnightEpoch = "DATE '2000-01-03'";

    /// <summary>The date <paramref name="months"/> months before <paramref name="date"/> (after, when negative).</summary>
    public static string MonthsBefore(string date, int months) =>
        $"CAST(CAST({date} AS TIMESTAMP) {(months >= 0 ? "-" : "+")} INTERVAL '{Math.Abs(months).ToString(CultureInfo.InvariantCulture)} months' AS DATE)";

    private static string QuarterStart(string date, int quartersAhead) =>
        $"CAST(date_trunc('quarter', CAST({date} AS TIMESTAMP)) + INTERVAL '{(3 * quartersAhead).ToString(CultureInfo.InvariantCulture)} months' AS DATE)";

    private static string Window(WindowDefinition window, string anchor, string eventDate) => window.QuarterAfter is { } quarter
        ? $"{eventDate} = {QuarterStart(anchor, quarter)}"
        : $"{eventDate} BETWEEN {anchor} + {window.FromDays.ToString(CultureInfo.InvariantCulture)} AND {anchor} + {window.ToDays!.Value.ToString(CultureInfo.InvariantCulture)}";

    private static string WindowEnd(WindowDefinition window, string anchor) => window.QuarterAfter is { } quarter
        ? $"{QuarterStart(anchor, quarter + 1)} - 1"
        : $"{anchor} + {window.ToDays!.Value.ToString(CultureInfo.InvariantCulture)}";
}
