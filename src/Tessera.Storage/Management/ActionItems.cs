using System.Data.Common;
using System.Globalization;
using Tessera.Contracts.Management;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Operational;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Management;

/// <summary>
/// Action items: who does what by when about a contract or a program, raised by a meeting, an
/// alert or a frontline report, carried on every agenda until closed with what it taught.
/// </summary>
public static class ActionItems
{
    private const string Columns = "id, title, owner, due_on, program_id, contract_id, metric_id, alert_id, report_id, meeting_id, created_on, closed_on, lesson";

    /// <summary>The items the caller sees — of one contract or program if asked — open first, by due day.</summary>
    /// <exception cref="AccessDeniedException">The role does not see contract management, or (not found) the contract is not theirs.</exception>
    public static IReadOnlyList<ActionItem> List(Caller caller, string? contract = null, string? program = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = new ManagementScope(caller);
        caller.Permit(Capability.ViewManagement, AuditAction.Read, contract is null ? "action items" : $"action items of contract {contract}", inScope: contract is null || scope.SeesContract(contract));
        return [.. Read(caller.Workspace).Where(i => scope.Sees(i.Program, i.Contract) && (contract is null || i.Contract == contract) && (program is null || i.Program == program))
            .OrderByDescending(i => i.IsOpen).ThenBy(i => i.Due).ThenBy(i => i.Id)];
    }

    /// <summary>Adds an item; problems are named by field.</summary>
    /// <exception cref="AccessDeniedException">The caller may not run contract management, or not on this contract or program.</exception>
    /// <exception cref="WorkspaceException">Something is missing or names what does not exist.</exception>
    public static ActionItem Add(Caller caller, NewActionItem item) => Add(caller, item, null);

    /// <summary>Item <paramref name="id"/>, if the caller sees it.</summary>
    /// <exception cref="AccessDeniedException">Not found: no such item, or not one of the caller's contracts or programs (the same answer).</exception>
    public static ActionItem Show(Caller caller, long id)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var found = Read(caller.Workspace, id).FirstOrDefault();
        caller.Permit(Capability.ViewManagement, AuditAction.Read, string.Create(CultureInfo.InvariantCulture, $"action item {id}"),
            inScope: found is not null && new ManagementScope(caller).Sees(found.Program, found.Contract));
        return found!;
    }

    /// <summary>The progress notes on item <paramref name="id"/>, first first.</summary>
    /// <exception cref="AccessDeniedException">Not found, as for <see cref="Show"/>.</exception>
    public static IReadOnlyList<ActionItemUpdate> Updates(Caller caller, long id)
    {
        Show(caller, id);
        using var tables = new OperationalTables(caller.Workspace, "acm_");
        return tables.Query($"SELECT item_id, position, written_utc, author, text FROM {tables.Table("action_item_updates")} WHERE item_id = @p0 ORDER BY position", Update, id);
    }

    /// <summary>Adds a progress note to item <paramref name="id"/> — by the agency or by the provider whose contract it is about.</summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not update action items.</exception>
    /// <exception cref="WorkspaceException">No text, too much, or text that looks like a client identifier.</exception>
    public static ActionItemUpdate Comment(Caller caller, long id, string? text)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var found = Read(caller.Workspace, id).FirstOrDefault();
        caller.Permit(Capability.UpdateActionItems, AuditAction.Configure, string.Create(CultureInfo.InvariantCulture, $"action item {id}: comment"),
            inScope: found is not null && new ManagementScope(caller).Sees(found.Program, found.Contract));
        var problems = ActionItemUpdate.Problems(text);
        if (problems.Count > 0)
        {
            throw new WorkspaceException(string.Join(" ", problems));
        }

        using var tables = new OperationalTables(caller.Workspace, "acm_");
        tables.Begin();
        var position = tables.Query($"SELECT COALESCE(MAX(position), 0) FROM {tables.Table("action_item_updates")} WHERE item_id = @p0", r => Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), id)[0] + 1;
        var written = caller.Workspace.UtcNow;
        tables.Execute($"INSERT INTO {tables.Table("action_item_updates")} (item_id, position, written_utc, author, text) VALUES (@p0, @p1, @p2, @p3, @p4)",
            id, position, written.ToString("O", CultureInfo.InvariantCulture), caller.User.Name, text!.Trim());
        tables.Commit();
        return new ActionItemUpdate(id, position, written, caller.User.Name, text.Trim());
    }

    /// <summary>Closes item <paramref name="id"/> with what it taught (its lesson learned) — by the agency or by the provider whose contract it is about.</summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not update action items.</exception>
    /// <exception cref="WorkspaceException">No lesson, or the item is closed already.</exception>
    public static ActionItem Close(Caller caller, long id, string? lesson)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = new ManagementScope(caller);
        var found = Read(caller.Workspace, id).FirstOrDefault();
        caller.Permit(Capability.UpdateActionItems, AuditAction.Decide, string.Create(CultureInfo.InvariantCulture, $"action item {id}: close"), inScope: found is not null && scope.Sees(found.Program, found.Contract));
        if (!found!.IsOpen)
        {
            throw new WorkspaceException(string.Create(CultureInfo.InvariantCulture, $"Action item {id} was closed on {found.Closed:yyyy-MM-dd}."));
        }

        if (string.IsNullOrWhiteSpace(lesson))
        {
            throw new WorkspaceException("lesson: say what was done and what it taught; the next agenda lists it under lessons learned.");
        }

        var today = DateOnly.FromDateTime(caller.Workspace.UtcNow);
        using var tables = new OperationalTables(caller.Workspace, "acm_");
        tables.Execute($"UPDATE {tables.Table("action_items")} SET closed_on = @p0, closed_by = @p1, lesson = @p2 WHERE id = @p3 AND closed_on IS NULL",
            OperationalTables.Day(today), caller.User.Name, lesson.Trim(), id);
        return found with { Closed = today, Lesson = lesson.Trim() };
    }

    /// <summary>Adds an item, raised by frontline report <paramref name="report"/> if one.</summary>
    internal static ActionItem Add(Caller caller, NewActionItem item, long? report, Action<OperationalTables, long>? alsoInTransaction = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(item);
        var scope = new ManagementScope(caller);
        var contract = item.Contract is { Length: > 0 } c ? scope.All.GetValueOrDefault(c) : null;
        var program = contract?.Contract.Program ?? item.Program;
        var described = contract is not null ? $"action item on contract {contract.Contract.Id}" : $"action item on program {program}";
        caller.Permit(Capability.RunManagement, AuditAction.Configure, described,
            inScope: item.Contract is { Length: > 0 } ? scope.SeesContract(item.Contract) : program is not { Length: > 0 } || scope.SeesProgram(program));
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(item.Title))
        {
            problems.Add("title: say what is to be done.");
        }

        if (string.IsNullOrWhiteSpace(item.Owner))
        {
            problems.Add("owner: say who does it.");
        }

        if (item.Due is null)
        {
            problems.Add("due: give the day it is due (YYYY-MM-DD).");
        }

        if (program is not { Length: > 0 })
        {
            problems.Add("program: choose the program or the contract the item is about.");
        }

        if (item.Metric is { Length: > 0 } metric && (contract is null || contract.Contract.Metrics.All(m => m.Metric != metric)))
        {
            problems.Add($"metric: '{metric}' is not a metric of {(contract is null ? "the contract (choose the contract first)" : $"contract {contract.Contract.Id}")}.");
        }

        if (item.Alert is { } alert && (contract is null || Alerts.ContractOf(caller.Workspace, alert) != contract.Contract.Id.Value))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"alert: alert {alert} is not one of {(contract is null ? "the contract" : $"contract {contract.Contract.Id}")}."));
        }

        if (problems.Count > 0)
        {
            throw new WorkspaceException(string.Join(" ", problems));
        }

        var today = DateOnly.FromDateTime(caller.Workspace.UtcNow);
        using var tables = new OperationalTables(caller.Workspace, "acm_");
        tables.Begin();
        var id = tables.NextId("action_items");
        tables.Execute($"""
            INSERT INTO {tables.Table("action_items")} (id, title, owner, due_on, program_id, contract_id, metric_id, alert_id, report_id, meeting_id, created_on, created_by)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)
            """, id, item.Title!.Trim(), item.Owner!.Trim(), OperationalTables.Day(item.Due!.Value), program, contract?.Contract.Id.Value, item.Metric is { Length: > 0 } ? item.Metric : null,
            item.Alert, report, item.Meeting, OperationalTables.Day(today), caller.User.Name);
        alsoInTransaction?.Invoke(tables, id);
        tables.Commit();
        return new ActionItem(id, item.Title.Trim(), item.Owner.Trim(), item.Due.Value, program!, contract?.Contract.Id.Value, item.Metric is { Length: > 0 } ? item.Metric : null,
            item.Alert, report, item.Meeting, today, null, null);
    }

    /// <summary>Every item (or item <paramref name="id"/>), without a permission check.</summary>
    internal static List<ActionItem> Read(Workspace workspace, long? id = null)
    {
        using var tables = new OperationalTables(workspace, "acm_");
        return id is { } one
            ? tables.Query($"SELECT {Columns} FROM {tables.Table("action_items")} WHERE id = @p0", Item, one)
            : tables.Query($"SELECT {Columns} FROM {tables.Table("action_items")} ORDER BY id", Item);
    }

    private static ActionItemUpdate Update(DbDataReader r) => new(
        OperationalTables.Id(r, 0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture),
        DateTime.Parse(r.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), r.GetString(3), r.GetString(4));

    private static ActionItem Item(DbDataReader r) => new(
        OperationalTables.Id(r, 0), r.GetString(1), r.GetString(2), OperationalTables.Day(r, 3), r.GetString(4), OperationalTables.Text(r, 5), OperationalTables.Text(r, 6),
        OperationalTables.Number(r, 7), OperationalTables.Number(r, 8), OperationalTables.Number(r, 9), OperationalTables.Day(r, 10), OperationalTables.DayOrNull(r, 11), OperationalTables.Text(r, 12));
}
