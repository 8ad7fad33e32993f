using System.Text.RegularExpressions;
using Tessera.Intake.Dictionaries;

namespace Tessera.Metrics.Definitions;

/// <summary>
/// Checks a metric definition against the sources' data dictionaries before any SQL runs: every
/// field exists, is stored in plaintext (identifiers are encrypted and cannot be grouped on), has
/// the right type, and every code in a filter is in the field's code list — so a typo is an error
/// naming the key, not an empty result.
/// </summary>
public static partial class MetricValidator
{
    /// <summary>The most breakdowns one metric may have (the results table has this many group columns).</summary>
    public const int MaxGroups = 4;

    /// <summary>Validates <paramref name="metric"/> and fills its parsed values.</summary>
    /// <exception cref="MetricDefinitionException">Every problem found.</exception>
    public static void Validate(MetricDefinition metric, IMetricSchema schema, string origin)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(schema);
        var problems = new List<string>();
        if (!IdPattern().IsMatch(metric.Id))
        {
            problems.Add($"id: '{metric.Id}' must be lower-case letters, digits and dashes, e.g. recidivism-rearrest-1y.");
        }

        if (metric.Version < 1)
        {
            problems.Add("version: must be 1 or more.");
        }

        if (string.IsNullOrWhiteSpace(metric.Title))
        {
            problems.Add("title: give the metric a short title.");
        }

        if (string.IsNullOrWhiteSpace(metric.Description))
        {
            problems.Add("description: say in plain language what is counted and why.");
        }

        if (metric.Polarity is not ("higher_is_better" or "lower_is_better"))
        {
            problems.Add($"polarity: '{metric.Polarity}' must be higher_is_better or lower_is_better.");
        }

        metric.ValueKind = Parse<MetricValue>(metric.Value, "value", "rate, count, mean, median, sum, per_person or days_to_outcome", problems);
        metric.PeriodKind = Parse<MetricPeriod>(metric.Period, "period", "month, quarter, year, rolling_12, week or two_weeks", problems);

        var population = Rows(metric.Population, "population", schema, problems);
        if (population.Count > 0)
        {
            Field(metric.Population, schema, metric.Population.Anchor, "population.anchor", problems, dateOnly: true);
        }

        if (metric.Outcome is { } outcome)
        {
            CheckOutcome(outcome, population, metric.Population, schema, problems);
        }

        foreach (var (exclusion, i) in metric.Exclude.Select((e, i) => (e, i)))
        {
            var path = $"exclude[{i}]";
            if (Rows(exclusion, path, schema, problems).Count > 0)
            {
                Field(exclusion, schema, exclusion.Date, path + ".date", problems, dateOnly: true);
            }

            if (exclusion.Window.QuarterAfter is not null || exclusion.Window.ToDays is not { } last || last < exclusion.Window.FromDays)
            {
                problems.Add($"{path}.window: give from_days and to_days (days around the anchor, negative before it) with from_days ≤ to_days.");
            }
        }

        foreach (var (trait, i) in metric.AdjustFor.Select((e, i) => (e, i)))
        {
            var path = $"adjust_for[{i}]";
            if (!System.Text.RegularExpressions.Regex.IsMatch(trait.Name, "^[a-z][a-z0-9_]{0,39}$") || metric.AdjustFor.Take(i).Any(t => t.Name == trait.Name))
            {
                problems.Add($"{path}.name: a name of lower-case letters, digits and underscores, different from the others (e.g. prior_prison).");
            }

            if (metric.ValueKind != MetricValue.Rate)
            {
                problems.Add($"{path}: client-mix adjustment applies to rates only.");
            }

            // A characteristic of a source this workspace lacks is left out, not an error: the same library serves every workspace.
            if (schema.Sources.Contains(trait.Source, StringComparer.Ordinal) && trait.IsAttribute)
            {
                if (trait.Value is not null && trait.Flags.Count > 0)
                {
                    problems.Add($"{path}: give value or flags, not both.");
                }

                if (Rows(trait, path, schema, problems).Count > 0)
                {
                    foreach (var field in trait.Value is { } value ? [value] : trait.Flags.Keys.Concat(trait.None is { } none ? [none] : []))
                    {
                        Field(trait, schema, field, path + (trait.Value is null ? ".flags" : ".value"), problems);
                    }
                }

                if (trait.Date.Length > 0 || trait.Window.ToDays is not null || trait.Window.FromDays != 0 || trait.Window.QuarterAfter is not null)
                {
                    problems.Add($"{path}: a characteristic with a value is the person's attribute: leave out date and window.");
                }
            }
            else if (schema.Sources.Contains(trait.Source, StringComparer.Ordinal))
            {
                if (Rows(trait, path, schema, problems).Count > 0)
                {
                    Field(trait, schema, trait.Date, path + ".date", problems, dateOnly: true);
                }

                if (trait.Window.QuarterAfter is not null || trait.Window.ToDays is not { } last || last < trait.Window.FromDays)
                {
                    problems.Add($"{path}.window: give from_days and to_days (days around the anchor, negative before it) with from_days ≤ to_days.");
                }
            }
        }

        if (metric.Numerator is { } numerator)
        {
            if (metric.Outcome is not null)
            {
                problems.Add("numerator: give either an outcome or a numerator condition, not both.");
            }

            Conditions(metric.Population, schema, numerator.Where, "numerator.where", problems);
            if (numerator.Where.Count == 0)
            {
                problems.Add("numerator.where: list at least one condition.");
            }
        }

        if (metric.ValueKind == MetricValue.Rate && metric.Outcome is null && metric.Numerator is null)
        {
            problems.Add("value: a rate needs an outcome or a numerator condition.");
        }

        if (metric.ValueKind == MetricValue.DaysToOutcome && metric.Outcome is null)
        {
            problems.Add("value: days_to_outcome needs an outcome.");
        }

        if (metric.Outcome?.Measure is { } outcomeMeasure)
        {
            Field(metric.Outcome, schema, outcomeMeasure, "outcome.measure", problems, numeric: true);
            if (metric.Measure is not null || metric.ValueKind is not (MetricValue.Mean or MetricValue.Median or MetricValue.Sum))
            {
                problems.Add("outcome.measure: summarise it with value mean, median or sum, and no population measure.");
            }
        }
        else if (metric.ValueKind is MetricValue.Mean or MetricValue.Median or MetricValue.Sum or MetricValue.PerPerson)
        {
            if (metric.Measure is null)
            {
                problems.Add($"measure: value {metric.Value} needs the numeric population field it summarises (or an outcome measure).");
            }
            else
            {
                Field(metric.Population, schema, metric.Measure, "measure", problems, numeric: true);
            }
        }

        CheckGroups(metric, schema, problems);
        if (problems.Count > 0)
        {
            throw new MetricDefinitionException(origin, problems);
        }
    }

    private static void CheckOutcome(OutcomeDefinition outcome, IReadOnlyList<FileDefinition> population, PopulationDefinition populationRows, IMetricSchema schema, List<string> problems)
    {
        var files = Rows(outcome, "outcome", schema, problems, needsPerson: outcome.MatchOn is null);
        if (files.Count > 0)
        {
            if (outcome.Date is not null == (outcome.Year is not null || outcome.Quarter is not null))
            {
                problems.Add("outcome: give the event's date field, or its year and quarter fields (for quarterly records), not both.");
            }
            else if (outcome.Date is not null)
            {
                Field(outcome, schema, outcome.Date, "outcome.date", problems, dateOnly: true);
            }
            else if (outcome.Year is null || outcome.Quarter is null)
            {
                problems.Add("outcome: quarterly records need both year and quarter fields.");
            }
            else
            {
                Field(outcome, schema, outcome.Year, "outcome.year", problems, numeric: true);
                Field(outcome, schema, outcome.Quarter, "outcome.quarter", problems, numeric: true);
            }

            if (outcome.MatchOn is { } key)
            {
                Field(populationRows, schema, key.Population, "outcome.match_on.population", problems);
                Field(outcome, schema, key.Outcome, "outcome.match_on.outcome", problems);
            }
        }

        if (outcome.Whose is not ("person" or "family"))
        {
            problems.Add($"outcome.whose: '{outcome.Whose}' must be person or family.");
        }

        if (outcome.Whose == "family" && outcome.MatchOn is not null)
        {
            problems.Add("outcome: match_on and whose: family cannot be combined.");
        }

        var window = outcome.Window;
        if (window.QuarterAfter is { } quarter)
        {
            if (quarter is < 1 or > 8 || window.ToDays is not null)
            {
                problems.Add("outcome.window.quarter_after: must be 1 to 8, without to_days.");
            }

            if (outcome.Year is null)
            {
                problems.Add("outcome.window.quarter_after: applies to quarterly records (give outcome year and quarter).");
            }
        }
        else if (window.ToDays is not { } to || to < window.FromDays || window.FromDays < 0)
        {
            problems.Add("outcome.window: give from_days and to_days with 0 ≤ from_days ≤ to_days (e.g. 1 and 365), or quarter_after.");
        }
        else if (outcome.Year is not null)
        {
            problems.Add("outcome.window: quarterly records are windowed with quarter_after.");
        }
    }

    private static void CheckGroups(MetricDefinition metric, IMetricSchema schema, List<string> problems)
    {
        if (metric.GroupBy.Count > MaxGroups)
        {
            problems.Add($"group_by: at most {MaxGroups} breakdowns.");
        }

        foreach (var (group, i) in metric.GroupBy.Select((g, i) => (g, i)))
        {
            Field(metric.Population, schema, group.Field, $"group_by[{i}]", problems, numeric: group.Bands.Count > 0);
            if (group.Name is "all" or "period" || !NamePattern().IsMatch(group.Name))
            {
                problems.Add($"group_by[{i}].name: '{group.Name}' must be lower-case letters, digits and underscores, and not 'all' or 'period'.");
            }

            if (group.Bands.Any(b => string.IsNullOrWhiteSpace(b.Label) || (b.From is null && b.Below is null)))
            {
                problems.Add($"group_by[{i}].bands: every band needs a label and from and/or below.");
            }
        }

        foreach (var duplicate in metric.GroupBy.GroupBy(g => g.Name).Where(g => g.Count() > 1))
        {
            problems.Add($"group_by: '{duplicate.Key}' appears twice; give one a different name.");
        }
    }

    private static List<FileDefinition> Rows(RowSelection rows, string path, IMetricSchema schema, List<string> problems, bool needsPerson = true)
    {
        var files = schema.File(rows.Source, rows.File).ToList();
        if (files.Count == 0)
        {
            problems.Add(schema.Sources.Contains(rows.Source, StringComparer.Ordinal)
                ? $"{path}.file: '{rows.File}' is not a file of {rows.Source}."
                : $"{path}.source: '{rows.Source}' is not a source of this workspace ({string.Join(", ", schema.Sources)}).");
            return files;
        }

        foreach (var (join, i) in rows.Join.Select((j, i) => (j, i)))
        {
            var joined = schema.File(rows.Source, join.File);
            if (joined.Count == 0)
            {
                problems.Add($"{path}.join[{i}]: '{join.File}' is not a file of {rows.Source}.");
            }
            else if (joined[0].PrimaryKey.Count != 1 || !string.Equals(joined[0].PrimaryKey[0], join.On, StringComparison.Ordinal) || files.All(f => f.Field(join.On) is null))
            {
                problems.Add($"{path}.join[{i}]: join on {join.File}'s primary key ({string.Join(", ", joined[0].PrimaryKey)}), a field {rows.File} has too.");
            }
        }

        if (rows.Person is not null)
        {
            Field(rows, schema, rows.Person, path + ".person", problems);
        }
        else if (needsPerson && files.All(f => f.PersonKey is null && f.Identity.Count == 0))
        {
            problems.Add($"{path}.person: {rows.Source}/{rows.File} has no person key and no identifiers; name the field that identifies the person.");
        }

        Conditions(rows, schema, rows.Where, path + ".where", problems);
        return files;
    }

    private static void Conditions(RowSelection rows, IMetricSchema schema, List<ConditionDefinition> conditions, string path, List<string> problems)
    {
        foreach (var (condition, i) in conditions.Select((c, i) => (c, i)))
        {
            var field = Field(rows, schema, condition.Field, $"{path}[{i}]", problems);
            var tests = new object?[] { condition.EqualTo, condition.In, condition.NotIn, condition.Present }.Count(t => t is not null) + (condition.Min is not null || condition.Max is not null ? 1 : 0);
            if (tests != 1)
            {
                problems.Add($"{path}[{i}]: give exactly one test: equal_to, in, not_in, present, or min/max.");
            }

            if (field is { Codes.Count: > 0 })
            {
                foreach (var code in new[] { condition.EqualTo }.Concat(condition.In ?? []).Concat(condition.NotIn ?? []).OfType<string>().Where(c => !field.Codes.ContainsKey(c)))
                {
                    problems.Add($"{path}[{i}]: '{code}' is not a code of {condition.Field} ({string.Join(", ", field.Codes.Keys)}).");
                }
            }
        }
    }

    private static FieldDefinition? Field(RowSelection rows, IMetricSchema schema, string name, string path, List<string> problems, bool dateOnly = false, bool numeric = false)
    {
        var field = FieldReference.Resolve(rows, schema, "x", name)?.Field;
        if (field is null)
        {
            problems.Add(name.Contains('.', StringComparison.Ordinal)
                ? $"{path}: '{name}' is not a field of a file joined to {rows.Source}/{rows.File} (join the file first, then write File.field)."
                : $"{path}: '{name}' is not a field of {rows.Source}/{rows.File}.");
            return null;
        }

        if (field.IsEncrypted)
        {
            problems.Add($"{path}: '{name}' is a direct identifier, stored encrypted; metrics cannot use it.");
        }
        else if (dateOnly && field.Kind is not (FieldType.Date or FieldType.DateTime))
        {
            problems.Add($"{path}: '{name}' is not a date.");
        }
        else if (numeric && field.Kind is not (FieldType.Integer or FieldType.Decimal or FieldType.Money))
        {
            problems.Add($"{path}: '{name}' is not a number.");
        }

        return field;
    }

    private static T Parse<T>(string text, string path, string allowed, List<string> problems)
        where T : struct, Enum
    {
        if (Enum.TryParse<T>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) && text == text.ToLowerInvariant())
        {
            return parsed;
        }

        problems.Add($"{path}: '{text}' must be one of {allowed}.");
        return default;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex NamePattern();
}
