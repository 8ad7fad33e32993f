using System.Globalization;
using System.Text.Json;
using Tessera.Contracts.Planning;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Operational;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Planning;

/// <summary>
/// An assessment's contract inventory: the agency's contracts and upcoming procurements with the
/// group's readiness ratings, the weights it agreed, and the ranking that gives the short list.
/// A short-listed item promoted to a draft contract keeps the contract's id.
/// </summary>
public static class Inventory
{
    /// <summary>Adds an item, or replaces the one with the same id; an item without an id gets the next free one (I1, I2, …). Returns its id.</summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not run the assessment.</exception>
    /// <exception cref="WorkspaceException">A field is missing or a rating is outside 1 to 5.</exception>
    public static string Save(Caller caller, long assessment, InventoryItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Save(caller, assessment, () => item);
    }

    /// <summary>
    /// Adds the item <paramref name="read"/> gives, once the caller is permitted (a form is read
    /// only then, so a refusal comes before any complaint about what was entered).
    /// </summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not run the assessment.</exception>
    /// <exception cref="WorkspaceException">What was entered cannot be read, a field is missing or a rating is outside 1 to 5.</exception>
    public static string Save(Caller caller, long assessment, Func<InventoryItem> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var id = "";
        Assessments.Change(caller, assessment, "inventory item", tables =>
        {
            var item = read();
            id = item.Id;
            var problems = Problems(item);
            if (problems.Count > 0)
            {
                throw new WorkspaceException($"Inventory item {(string.IsNullOrWhiteSpace(item.Id) ? item.Name : item.Id)}: {string.Join(" ", problems)}");
            }

            var existing = tables.Query($"SELECT id, contract_id FROM {tables.Table("inventory")} WHERE assessment_id = @p0", r => (r.GetString(0), OperationalTables.Text(r, 1)), assessment);
            if (string.IsNullOrWhiteSpace(id))
            {
                var next = existing.Select(e => e.Item1.StartsWith('I') && int.TryParse(e.Item1[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
                id = string.Create(CultureInfo.InvariantCulture, $"I{next}");
            }

            var contract = item.Contract ?? existing.FirstOrDefault(e => e.Item1 == id).Item2;
            tables.Execute($"DELETE FROM {tables.Table("inventory")} WHERE assessment_id = @p0 AND id = @p1", assessment, id);
            tables.Execute($"""
                INSERT INTO {tables.Table("inventory")} (assessment_id, id, name, kind, program_id, annual_value, key_date, population, outcome_data, current_performance, ratings, contract_id, updated_by, updated_utc)
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)
                """, assessment, id.Trim(), item.Name.Trim(), item.Kind.ToString().ToLowerInvariant(), item.Program.Trim(), item.AnnualValue.ToString(CultureInfo.InvariantCulture),
                item.KeyDate is { } day ? OperationalTables.Day(day) : null, Blank(item.Population), Blank(item.OutcomeData), Blank(item.CurrentPerformance),
                JsonSerializer.Serialize(item.Ratings.ToDictionary(r => Prioritisation.Key(r.Key), r => r.Value)), contract, caller.User.Name, Assessments.Stamp(tables));
        });
        return id.Trim();
    }

    /// <summary>Takes an item off the inventory.</summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not run the assessment.</exception>
    /// <exception cref="WorkspaceException">No such item.</exception>
    public static void Remove(Caller caller, long assessment, string item) =>
        Assessments.Change(caller, assessment, $"inventory item {item} removed", tables =>
        {
            if (tables.Execute($"DELETE FROM {tables.Table("inventory")} WHERE assessment_id = @p0 AND id = @p1", assessment, item) == 0)
            {
                throw new WorkspaceException(string.Create(CultureInfo.InvariantCulture, $"Assessment {assessment} has no inventory item '{item}'."));
            }
        });

    /// <summary>Sets the weight of a criterion.</summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not run the assessment.</exception>
    /// <exception cref="WorkspaceException">A negative weight, or one leaving every weight at zero.</exception>
    public static ReadinessWeights SetWeight(Caller caller, long assessment, ReadinessCriterion criterion, decimal weight) =>
        SetWeights(caller, assessment, () => new Dictionary<ReadinessCriterion, decimal> { [criterion] = weight });

    /// <summary>Sets the weights <paramref name="read"/> gives (read once the caller is permitted), together: all or none.</summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not run the assessment.</exception>
    /// <exception cref="WorkspaceException">What was entered cannot be read, a negative weight, or weights all zero.</exception>
    public static ReadinessWeights SetWeights(Caller caller, long assessment, Func<IReadOnlyDictionary<ReadinessCriterion, decimal>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        ReadinessWeights? changed = null;
        Assessments.Change(caller, assessment, "weights", tables =>
        {
            var weights = read();
            var current = Weights(tables, assessment);
            if (weights.FirstOrDefault(w => w.Value < 0) is { Value: < 0 } negative)
            {
                throw new WorkspaceException(string.Create(CultureInfo.InvariantCulture, $"The weight of {Prioritisation.Name(negative.Key)} must be 0 or more, not {negative.Value}."));
            }

            changed = new ReadinessWeights(Enum.GetValues<ReadinessCriterion>().ToDictionary(c => c, c => weights.TryGetValue(c, out var w) ? w : current.Of(c)));
            if (changed.Values.Values.Sum() == 0)
            {
                throw new WorkspaceException("At least one criterion needs a weight above 0.");
            }

            foreach (var (criterion, weight) in weights)
            {
                tables.Execute($"DELETE FROM {tables.Table("weights")} WHERE assessment_id = @p0 AND criterion = @p1", assessment, Prioritisation.Key(criterion));
                tables.Execute($"INSERT INTO {tables.Table("weights")} (assessment_id, criterion, weight) VALUES (@p0, @p1, @p2)", assessment, Prioritisation.Key(criterion), weight.ToString(CultureInfo.InvariantCulture));
            }
        });
        return changed!;
    }

    /// <summary>The inventory ranked with the assessment's weights, as of the workspace's today.</summary>
    /// <exception cref="AccessDeniedException">Not found, or another agency's.</exception>
    public static Prioritised Rank(Caller caller, long assessment, int shortList = Prioritisation.ShortListSize)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var agency = Assessments.AgencyOf(caller.Workspace, assessment);
        caller.Permit(Capability.ViewPlanning, AuditAction.Read, $"{Assessments.Target(assessment)}, inventory", inScope: agency is not null && AccessPolicy.SeesPlansOf(caller.User, agency));
        using var tables = new OperationalTables(caller.Workspace, "plan_");
        var weights = Weights(tables, assessment);
        var items = Items(tables, assessment, agency!);
        return new Prioritised(assessment, agency!, weights, Prioritisation.Rank(items, weights, DateOnly.FromDateTime(tables.Now), shortList));
    }

    /// <summary>Records that <paramref name="item"/> became draft contract <paramref name="contract"/>.</summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not run the assessment.</exception>
    /// <exception cref="WorkspaceException">No such item.</exception>
    public static void Promoted(Caller caller, long assessment, string item, string contract) =>
        Assessments.Change(caller, assessment, $"inventory item {item} promoted to contract {contract}", tables =>
        {
            if (tables.Execute($"UPDATE {tables.Table("inventory")} SET contract_id = @p2 WHERE assessment_id = @p0 AND id = @p1", assessment, item, contract) == 0)
            {
                throw new WorkspaceException(string.Create(CultureInfo.InvariantCulture, $"Assessment {assessment} has no inventory item '{item}'."));
            }
        });

    /// <summary>The contracts drafted from inventory items (the rapid assessments' priorities), for the ACM portfolio.</summary>
    internal static HashSet<string> PromotedContracts(Workspace workspace)
    {
        using var tables = new OperationalTables(workspace, "plan_");
        return [.. tables.Query($"SELECT DISTINCT contract_id FROM {tables.Table("inventory")} WHERE contract_id IS NOT NULL", r => r.GetString(0))];
    }

    private static List<string> Problems(InventoryItem item)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(item.Name))
        {
            problems.Add("name: required.");
        }

        if (string.IsNullOrWhiteSpace(item.Program))
        {
            problems.Add("program: required.");
        }

        if (item.AnnualValue < 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"annual value: expected dollars of 0 or more, found {item.AnnualValue}."));
        }

        problems.AddRange(item.Ratings.Where(r => r.Value is < Prioritisation.Lowest or > Prioritisation.Highest)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{Prioritisation.Key(r.Key)} rating: expected 1 to 5, found {r.Value}.")));
        return problems;
    }

    private static ReadinessWeights Weights(OperationalTables tables, long assessment)
    {
        var stored = tables.Query($"SELECT criterion, weight FROM {tables.Table("weights")} WHERE assessment_id = @p0",
            r => (Prioritisation.Parse(r.GetString(0)), decimal.Parse(r.GetString(1), CultureInfo.InvariantCulture)), assessment);
        return new ReadinessWeights(Enum.GetValues<ReadinessCriterion>().ToDictionary(c => c, c => stored.Where(s => s.Item1 == c).Select(s => s.Item2).DefaultIfEmpty(1m).First()));
    }

    private static List<InventoryItem> Items(OperationalTables tables, long assessment, string agency) =>
        tables.Query($"""
            SELECT id, name, kind, program_id, annual_value, key_date, population, outcome_data, current_performance, ratings, contract_id
            FROM {tables.Table("inventory")} WHERE assessment_id = @p0 ORDER BY id
            """, r => new InventoryItem(r.GetString(0), r.GetString(1), Enum.Parse<InventoryKind>(r.GetString(2), ignoreCase: true), agency, r.GetString(3),
                decimal.Parse(r.GetString(4), CultureInfo.InvariantCulture), OperationalTables.DayOrNull(r, 5), OperationalTables.Text(r, 6), OperationalTables.Text(r, 7),
                OperationalTables.Text(r, 8), JsonSerializer.Deserialize<Dictionary<string, int>>(r.GetString(9))!
                    .Where(x => Prioritisation.Parse(x.Key) is not null).ToDictionary(x => Prioritisation.Parse(x.Key)!.Value, x => x.Value),
                OperationalTables.Text(r, 10)), assessment);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
