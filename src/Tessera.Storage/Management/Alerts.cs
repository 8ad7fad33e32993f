using System.Globalization;
using Tessera.Contracts.Monitoring;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Metrics;
using Tessera.Storage.Operational;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Management;

/// <summary>
/// The alert register of active contract management: the alerts the contracts' published figures
/// raise (<see cref="AlertRules"/>), each kept with a number and a status — open, acknowledged,
/// closed — so a manager acknowledges one, links it to an action item and closes it when it is
/// dealt with. The figures decide what fires; the register only remembers what people did.
/// </summary>
public static class Alerts
{
    /// <summary>Status of an alert nobody has dealt with yet.</summary>
    public const string Open = "open";

    /// <summary>Status of an alert someone has seen and is acting on.</summary>
    public const string Acknowledged = "acknowledged";

    /// <summary>Status of an alert dealt with.</summary>
    public const string Closed = "closed";

    /// <summary>
    /// The alerts of the contracts the caller sees — of one contract, or of one program's — by
    /// contract, metric and period.
    /// </summary>
    /// <exception cref="AccessDeniedException">The caller's role does not see contract management, or (not found) the contract is not theirs.</exception>
    public static IReadOnlyList<RaisedAlert> List(Caller caller, string? contract = null, string? program = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = new ManagementScope(caller);
        caller.Permit(Capability.ViewManagement, AuditAction.Read, contract is null ? program is null ? "alerts" : $"alerts of program {program}" : $"alerts of contract {contract}",
            inScope: contract is null || scope.SeesContract(contract));
        var contracts = scope.Contracts.Where(c => (contract is null || c.Contract.Id.Value == contract) && (program is null || c.Contract.Program == program)).ToList();
        return Raise(caller.Workspace, contracts);
    }

    /// <summary>Marks alert <paramref name="id"/> acknowledged, with what is being done.</summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not run contract management.</exception>
    public static RaisedAlert Acknowledge(Caller caller, long id, string? note) => Set(caller, id, Acknowledged, note);

    /// <summary>Closes alert <paramref name="id"/>, with how it was dealt with.</summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not run contract management.</exception>
    public static RaisedAlert Close(Caller caller, long id, string? note) => Set(caller, id, Closed, note);

    /// <summary>
    /// The alerts of <paramref name="contracts"/>, registered on first sight. The rules run once per
    /// publication (<see cref="PublishedFigures"/>); the register is read every time.
    /// </summary>
    internal static List<RaisedAlert> Raise(Workspace workspace, IReadOnlyList<RegisteredContract> contracts, Publication? publication = null)
    {
        var current = publication ?? PublishedFigures.Current(workspace);
        var found = contracts.SelectMany(c => PublishedFigures.Get(workspace, current, $"alerts|{c.Contract.Id.Value}",
                () => ContractRegistry.Series(workspace, c.Contract).SelectMany(AlertRules.Find).ToList())
            .Select(a => (Alert: a, c.Contract.Program))).ToList();
        if (found.Count == 0)
        {
            return [];
        }

        using var tables = new OperationalTables(workspace, "acm_");
        var contractIds = found.Select(f => f.Alert.Contract).Distinct(StringComparer.Ordinal).ToList();
        var known = Stored(tables, contractIds);
        var missing = found.Where(f => !known.ContainsKey(Key(f.Alert))).ToList();
        if (missing.Count > 0)
        {
            tables.Begin();
            var id = tables.NextId("alerts");
            foreach (var (alert, _) in missing)
            {
                id += tables.Execute($"""
                    INSERT INTO {tables.Table("alerts")} (id, contract_id, metric_id, period_start, rule, raised_utc, status)
                    VALUES (@p0, @p1, @p2, @p3, @p4, @p5, '{Open}') ON CONFLICT DO NOTHING
                    """, id, alert.Contract, alert.Metric, OperationalTables.Day(alert.PeriodStart), alert.Rule, tables.Now.ToString("O", CultureInfo.InvariantCulture));
            }

            tables.Commit();
            known = Stored(tables, contractIds);
        }

        return [.. found.Select(f =>
            {
                var s = known[Key(f.Alert)];
                return new RaisedAlert(s.Id, f.Alert, f.Program, s.Status, s.Note, s.UpdatedBy, s.RaisedUtc);
            })
            .OrderBy(a => a.Alert.Contract, StringComparer.Ordinal).ThenBy(a => a.Alert.Metric, StringComparer.Ordinal).ThenBy(a => a.Alert.PeriodStart).ThenBy(a => a.Alert.Rule, StringComparer.Ordinal)];
    }

    private static RaisedAlert Set(Caller caller, long id, string status, string? note)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = new ManagementScope(caller);
        var target = string.Create(CultureInfo.InvariantCulture, $"alert {id}");
        var contract = ContractOf(caller.Workspace, id);
        var raised = contract is not null && scope.SeesContract(contract) ? Raise(caller.Workspace, [scope.All[contract]]).FirstOrDefault(a => a.Id == id) : null;
        caller.Permit(Capability.RunManagement, AuditAction.Decide, $"{target}: {status}", inScope: raised is not null);
        using var tables = new OperationalTables(caller.Workspace, "acm_");
        tables.Execute($"UPDATE {tables.Table("alerts")} SET status = @p0, note = @p1, updated_by = @p2, updated_utc = @p3 WHERE id = @p4",
            status, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), caller.User.Name, tables.Now.ToString("O", CultureInfo.InvariantCulture), id);
        return raised! with { Status = status, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), UpdatedBy = caller.User.Name };
    }

    /// <summary>The contract of alert <paramref name="id"/>, or null when there is no such alert.</summary>
    internal static string? ContractOf(Workspace workspace, long id)
    {
        using var tables = new OperationalTables(workspace, "acm_");
        return tables.Query($"SELECT contract_id FROM {tables.Table("alerts")} WHERE id = @p0", r => r.GetString(0), id).FirstOrDefault();
    }

    private sealed record StoredAlert(long Id, string Status, string? Note, string? UpdatedBy, DateTime RaisedUtc);

    private static Dictionary<string, StoredAlert> Stored(OperationalTables tables, IReadOnlyList<string> contracts) =>
        contracts.SelectMany(contract => tables.Query(
                $"SELECT id, contract_id, metric_id, period_start, rule, status, note, updated_by, raised_utc FROM {tables.Table("alerts")} WHERE contract_id = @p0",
                r => (Key: $"{r.GetString(1)}|{r.GetString(2)}|{r.GetString(3)}|{r.GetString(4)}", Alert: new StoredAlert(OperationalTables.Id(r, 0), r.GetString(5), OperationalTables.Text(r, 6),
                    OperationalTables.Text(r, 7), DateTime.Parse(r.GetString(8), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))),
                contract))
            .ToDictionary(s => s.Key, s => s.Alert, StringComparer.Ordinal);

    private static string Key(Alert alert) => $"{alert.Contract}|{alert.Metric}|{OperationalTables.Day(alert.PeriodStart)}|{alert.Rule}";
}
