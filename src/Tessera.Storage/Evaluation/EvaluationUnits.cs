using System.Globalization;
using Tessera.Intake.Delivering;
using Tessera.Metrics.Compilation;
using Tessera.Metrics.Definitions;
using Tessera.Metrics.Evaluation;
using Tessera.Storage.Metrics;
using Tessera.Storage.Vault;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Evaluation;

/// <summary>
/// The persons an evaluation studies, read from the vault the way the metric reads them (its
/// population, outcome window and characteristics, over the current deliveries and person index),
/// with the value of the field the evaluation varies: each person once — their first population
/// row — or every row, as the metric counts them. Person-level: only <see cref="Evaluations"/> calls it, after permitting and auditing.
/// </summary>
internal sealed class EvaluationUnits
{
    /// <summary>The dose that counts the agencies whose records are linked to a person (1 when the person is known to one only).</summary>
    public const string Agencies = "agencies";

    private EvaluationUnits(IReadOnlyList<EvaluationUnit> units, DateOnly asOf, IReadOnlyList<string> deliveries, long? linkRun, IReadOnlyList<string> traits, long rows)
    {
        Units = units;
        AsOf = asOf;
        Deliveries = deliveries;
        LinkRun = linkRun;
        Traits = traits;
        Rows = rows;
    }

    /// <summary>The persons (or rows).</summary>
    public IReadOnlyList<EvaluationUnit> Units { get; }

    /// <summary>The last day the data cover (outcome windows closing later are left out).</summary>
    public DateOnly AsOf { get; }

    /// <summary>The deliveries read, as source#id.</summary>
    public IReadOnlyList<string> Deliveries { get; }

    /// <summary>The linkage run whose person index was read.</summary>
    public long? LinkRun { get; }

    /// <summary>The characteristics worked out (those whose files have rows).</summary>
    public IReadOnlyList<string> Traits { get; }

    /// <summary>Population rows before keeping each person's first.</summary>
    public long Rows { get; }

    /// <summary>The characteristics of <paramref name="entry"/> this workspace can work out: those whose source it has, with rows.</summary>
    public static IReadOnlyList<string> AvailableTraits(Workspace workspace, CatalogEntry entry)
    {
        var schema = new WorkspaceMetricSchema(workspace);
        return [.. entry.Definition.AdjustFor.Where(t => schema.Sources.Contains(t.Source, StringComparer.Ordinal) && workspace.Vault.HasRows(t.Source, t.File)).Select(t => t.Name)];
    }

    /// <summary>Reads the persons (with anchors in <paramref name="anchors"/>, and the characteristics <paramref name="traitNames"/>) of <paramref name="entry"/>'s population (each once, or every row when not <paramref name="eachPersonOnce"/>), carrying <paramref name="field"/> (null for none).</summary>
    /// <exception cref="WorkspaceException">The field is not the population's, or a file the metric reads has no data.</exception>
    public static EvaluationUnits Read(Workspace workspace, CatalogEntry entry, string? field, Anchors anchors, IReadOnlyList<string> traitNames, bool eachPersonOnce = true)
    {
        var vault = workspace.Vault;
        var metric = entry.Definition;
        var missing = MetricSql.Files(metric).FirstOrDefault(f => !vault.HasRows(f.Source, f.File));
        if (missing != default)
        {
            throw new WorkspaceException($"Metric '{metric.Id}' reads {missing.Source}/{missing.File}, which has no deliveries yet.");
        }

        var schema = new WorkspaceMetricSchema(workspace);
        var sources = MetricSql.Files(metric).Select(f => f.Source).Distinct().ToList();
        var traits = metric.AdjustFor.Where(t => traitNames.Contains(t.Name, StringComparer.Ordinal)).ToList();
        var dataSource = metric.Outcome?.Source ?? metric.Population.Source;
        var asOf = vault.Deliveries(dataSource).Where(d => d.Status == "current").Select(d => d.PeriodEnd).DefaultIfEmpty(DateOnly.FromDateTime(workspace.UtcNow)).Max();
        var deliveries = sources.Concat(traits.Select(t => t.Source)).Distinct()
            .SelectMany(s => vault.Deliveries(s).Where(d => d.Status == "current").Select(d => $"{s}#{d.Id}")).Order(StringComparer.Ordinal).ToList();
        // "agencies", unless the population has such a field: how many agencies' records are linked to the person — the cumulative view.
        var cumulative = field == Agencies && schema.File(metric.Population.Source, metric.Population.File).All(f => f.Field(Agencies) is null);
        var carried = field is null || cumulative ? null : field;
        string members;
        try
        {
            members = MetricSql.Members(metric, schema, vault.Dialect, new MetricQueryOptions(asOf, null, anchors.To, Characteristics: [.. traits.Select(t => t.Name)], Carry: carried is null ? null : [carried]));
        }
        catch (MetricDefinitionException e)
        {
            throw new WorkspaceException($"{e.Message} Name a field of {metric.Population.Source}/{metric.Population.File}, the population of '{metric.Id}'.");
        }

        var rows = new List<EvaluationUnit>();
        long? linkRun;
        using (var connection = vault.Open())
        {
            var value = cumulative
                ? $"CAST(COALESCE((SELECT COUNT(DISTINCT r.source) FROM {MetricSql.IndexSchema}.person_records r WHERE r.person_id = m.person_id), 1) AS VARCHAR)"
                : carried is null ? "CAST(NULL AS VARCHAR)" : "v1";
            using (var command = SqlVault.Command(connection, null, $"SELECT person_id, anchor_date, hit, stratum, {value} FROM ({members}) m"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add(new EvaluationUnit(reader.GetString(0), StoredDate.Of(reader.GetValue(1)), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) == 1,
                        reader.IsDBNull(4) ? null : reader.GetString(4), Parse(reader.IsDBNull(3) ? null : reader.GetString(3))));
                }
            }

            using var index = SqlVault.Command(connection, null, $"SELECT MAX(id) FROM {DeliverySql.LedgerSchema}.link_runs");
            linkRun = index.ExecuteScalar() is { } last and not DBNull ? Convert.ToInt64(last, CultureInfo.InvariantCulture) : null;
        }

        // Each person once, at their first row (ties broken by the field's value, so the choice never depends on row order).
        // A person's first row is their first ever (up to the last anchor asked for): one whose first row comes before the first anchor asked for is not a new starter, and is left out.
        var units = eachPersonOnce
            ? rows.GroupBy(r => r.PersonId, StringComparer.Ordinal)
                .Select(g => g.OrderBy(r => r.Anchor).ThenBy(r => r.Value, StringComparer.Ordinal).ThenBy(r => r.Outcome).First())
                .Where(u => anchors.From is not { } from || u.Anchor >= from)
                .OrderBy(u => u.PersonId, StringComparer.Ordinal).ToList()
            : [.. rows.Where(u => anchors.From is not { } from || u.Anchor >= from)
                .OrderBy(u => u.PersonId, StringComparer.Ordinal).ThenBy(r => r.Anchor).ThenBy(r => r.Value, StringComparer.Ordinal).ThenBy(r => r.Outcome)];
        return new EvaluationUnits(units, asOf, deliveries, linkRun, [.. traits.Select(t => t.Name)], rows.Count);
    }

    /// <summary>
    /// The calendar quarters in which each of <paramref name="persons"/> had <paramref name="entry"/>'s
    /// outcome, and the first and last quarter anyone had it (what the outcome records cover).
    /// </summary>
    public static (Dictionary<string, HashSet<DateOnly>> Quarters, DateOnly? First, DateOnly? Last) OutcomeQuarters(Workspace workspace, CatalogEntry entry, IReadOnlySet<string> persons)
    {
        var schema = new WorkspaceMetricSchema(workspace);
        var quarters = new Dictionary<string, HashSet<DateOnly>>(StringComparer.Ordinal);
        DateOnly? first = null, last = null;
        using var connection = workspace.Vault.Open();
        using var command = SqlVault.Command(connection, null, MetricSql.OutcomeEvents(entry.Definition, schema));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var quarter = BeforeAfter.QuarterOf(StoredDate.Of(reader.GetValue(1)));
            first = first is { } f && f < quarter ? f : quarter;
            last = last is { } l && l > quarter ? l : quarter;
            var person = reader.GetString(0);
            if (persons.Contains(person))
            {
                (quarters.TryGetValue(person, out var set) ? set : quarters[person] = []).Add(quarter);
            }
        }

        return (quarters, first, last);
    }

    // "prior_prison:1;sex:F" → { prior_prison: 1, sex: F }.
    private static Dictionary<string, string> Parse(string? stratum)
    {
        var traits = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in (stratum ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                traits[part[..colon]] = part[(colon + 1)..];
            }
        }

        return traits;
    }
}
