using System.Data.Common;
using System.Globalization;
using Tessera.Contracts.Agreements;
using Tessera.Contracts.Management;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Metrics;
using Tessera.Storage.Operational;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Management;

/// <summary>
/// The meetings of active contract management — check-ins with a provider on a contract, a
/// program's internal and executive reviews, working groups — each with an agenda generated from
/// the action items, the contracts' figures and alerts and the roadmap, and what was recorded.
/// </summary>
public static class Meetings
{
    private const string Columns = "id, kind, program_id, contract_id, held_on, title, attendees, minutes, decisions";

    /// <summary>Schedules a meeting; problems are named by field.</summary>
    /// <exception cref="AccessDeniedException">The caller may not run contract management, or not on this contract or program.</exception>
    /// <exception cref="WorkspaceException">Something is missing or names what does not exist.</exception>
    public static Meeting Schedule(Caller caller, MeetingKind kind, string? program, string? contract, DateOnly? day, string? title)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = new ManagementScope(caller);
        var registered = contract is { Length: > 0 } ? scope.All.GetValueOrDefault(contract) : null;
        program = kind == MeetingKind.CheckIn ? registered?.Contract.Program : program;
        caller.Permit(Capability.RunManagement, AuditAction.Configure, $"{kind.Code()} meeting on {(kind == MeetingKind.CheckIn ? $"contract {contract}" : $"program {program}")}",
            inScope: kind == MeetingKind.CheckIn ? contract is not { Length: > 0 } || scope.SeesContract(contract) : program is not { Length: > 0 } || scope.SeesProgram(program));
        var problems = new List<string>();
        if (kind == MeetingKind.CheckIn && registered is null)
        {
            problems.Add("contract: a check-in is about one contract; choose it.");
        }
        else if (kind != MeetingKind.CheckIn && program is not { Length: > 0 })
        {
            problems.Add("program: choose the program the meeting reviews.");
        }

        if (day is null)
        {
            problems.Add("day: give the day of the meeting (YYYY-MM-DD).");
        }

        if (problems.Count > 0)
        {
            throw new WorkspaceException(string.Join(" ", problems));
        }

        var name = string.IsNullOrWhiteSpace(title) ? $"{kind.Words()}: {(registered is null ? program : $"{registered.Contract.Id} ({registered.Contract.Provider})")}, {day:MMMM yyyy}" : title.Trim();
        using var tables = new OperationalTables(caller.Workspace, "acm_");
        tables.Begin();
        var id = tables.NextId("meetings");
        tables.Execute($"""
            INSERT INTO {tables.Table("meetings")} (id, kind, program_id, contract_id, held_on, title, attendees, minutes, decisions, created_by, updated_utc)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, '', '', '', @p6, @p7)
            """, id, kind.Code(), program, registered?.Contract.Id.Value, OperationalTables.Day(day!.Value), name, caller.User.Name, tables.Now.ToString("O", CultureInfo.InvariantCulture));
        tables.Commit();
        return new Meeting(id, kind, program!, registered?.Contract.Id.Value, day.Value, name, "", "", "", []);
    }

    /// <summary>The meetings the caller sees, latest first.</summary>
    /// <exception cref="AccessDeniedException">The role does not see contract management.</exception>
    public static IReadOnlyList<Meeting> List(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = new ManagementScope(caller);
        caller.Permit(Capability.ViewManagement, AuditAction.Read, "meetings");
        return [.. Read(caller.Workspace).Where(m => scope.Sees(m.Program, m.Contract)).OrderByDescending(m => m.Day).ThenByDescending(m => m.Id)];
    }

    /// <summary>A meeting with its generated agenda.</summary>
    /// <exception cref="AccessDeniedException">Not found: no such meeting, or not one the caller sees.</exception>
    public static MeetingView Show(Caller caller, long id)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (scope, meeting) = Visible(caller, id, Capability.ViewManagement, AuditAction.Read, "");
        var workspace = caller.Workspace;
        var contracts = scope.Contracts.Where(c => meeting.Contract is null ? c.Contract.Program == meeting.Program : c.Contract.Id.Value == meeting.Contract).ToList();
        var alerts = Alerts.Raise(workspace, contracts).Where(a => a.IsOpen && a.Alert.PeriodEnd < meeting.Day).ToList();
        var catalog = MetricCatalog.Load(workspace);
        var measures = new List<AgendaMeasure>();
        foreach (var registered in contracts)
        {
            var contract = registered.Contract;
            foreach (var rows in ContractRegistry.Measure(workspace, contract, null, null).Where(r => r.PeriodEnd < meeting.Day).GroupBy(r => r.Metric, StringComparer.Ordinal))
            {
                var latest = rows.LastOrDefault(r => r.Value is not null) ?? rows.Last();
                var metric = contract.Metrics.First(m => m.Metric == rows.Key);
                var band = Enum.GetValues<TargetBand>().First(b => b.Code() == latest.Band);
                measures.Add(new AgendaMeasure(contract.Id.Value, contract.Provider.Value, rows.Key, MetricCatalog.Find(catalog, rows.Key).Definition.Title, latest.PeriodStart, latest.PeriodEnd,
                    latest.Value, latest.Target, band,
                    [.. alerts.Where(a => a.Alert.Contract == contract.Id.Value && a.Alert.Metric == metric.Metric).Select(a => a.Alert).OrderByDescending(a => a.PeriodStart)]));
            }
        }

        var items = ActionItems.Read(workspace).Where(i => meeting.Contract is null ? i.Program == meeting.Program && scope.Sees(i.Program, i.Contract) : i.Contract == meeting.Contract);
        var previous = Read(workspace).Where(m => m.SameSeries(meeting) && (m.Day < meeting.Day || (m.Day == meeting.Day && m.Id < meeting.Id))).MaxBy(m => (m.Day, m.Id));
        var agenda = Agenda.For(meeting.Day, previous?.Day, items, measures, Roadmaps.Read(workspace, meeting.Program));
        return new MeetingView(meeting, agenda, alerts);
    }

    /// <summary>Records who attended, the minutes and the decisions (replacing what was recorded).</summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not run contract management.</exception>
    public static Meeting Record(Caller caller, long id, string? attendees, string? minutes, string? decisions)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (_, meeting) = Visible(caller, id, Capability.RunManagement, AuditAction.Configure, ": minutes");
        using var tables = new OperationalTables(caller.Workspace, "acm_");
        tables.Execute($"UPDATE {tables.Table("meetings")} SET attendees = @p0, minutes = @p1, decisions = @p2, updated_utc = @p3 WHERE id = @p4",
            attendees?.Trim() ?? "", minutes?.Trim() ?? "", decisions?.Trim() ?? "", tables.Now.ToString("O", CultureInfo.InvariantCulture), id);
        return meeting with { Attendees = attendees?.Trim() ?? "", Minutes = minutes?.Trim() ?? "", Decisions = decisions?.Trim() ?? "" };
    }

    /// <summary>Adds a pre-meeting analysis note on a figure.</summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not run contract management.</exception>
    /// <exception cref="WorkspaceException">The subject or the note is empty.</exception>
    public static Meeting AddNote(Caller caller, long id, string? subject, string? note)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (_, meeting) = Visible(caller, id, Capability.RunManagement, AuditAction.Configure, ": analysis note");
        if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(note))
        {
            throw new WorkspaceException($"{(string.IsNullOrWhiteSpace(subject) ? "subject: name the figure the note is about. " : "")}{(string.IsNullOrWhiteSpace(note) ? "note: write the note." : "")}".Trim());
        }

        using var tables = new OperationalTables(caller.Workspace, "acm_");
        tables.Execute($"""
            INSERT INTO {tables.Table("meeting_notes")} (meeting_id, position, subject, note, author)
            VALUES (@p0, (SELECT COALESCE(MAX(position), 0) + 1 FROM {tables.Table("meeting_notes")} WHERE meeting_id = @p0), @p1, @p2, @p3)
            """, id, subject.Trim(), note.Trim(), caller.User.Name);
        return meeting with { Notes = [.. meeting.Notes, new AnalysisNote(subject.Trim(), note.Trim(), caller.User.Name)] };
    }

    private static (ManagementScope Scope, Meeting Meeting) Visible(Caller caller, long id, Capability capability, AuditAction action, string what)
    {
        var scope = new ManagementScope(caller);
        var meeting = Read(caller.Workspace, id).FirstOrDefault();
        caller.Permit(capability, action, string.Create(CultureInfo.InvariantCulture, $"meeting {id}{what}"), inScope: meeting is not null && scope.Sees(meeting.Program, meeting.Contract));
        return (scope, meeting!);
    }

    private static List<Meeting> Read(Workspace workspace, long? id = null)
    {
        using var tables = new OperationalTables(workspace, "acm_");
        var notes = tables.Query($"SELECT meeting_id, subject, note, author FROM {tables.Table("meeting_notes")} ORDER BY meeting_id, position",
            r => (Meeting: OperationalTables.Id(r, 0), Note: new AnalysisNote(r.GetString(1), r.GetString(2), r.GetString(3)))).ToLookup(n => n.Meeting, n => n.Note);
        Meeting Row(DbDataReader r) => new(
            OperationalTables.Id(r, 0), MeetingKinds.Parse(r.GetString(1)) ?? MeetingKind.WorkingGroup, r.GetString(2), OperationalTables.Text(r, 3), OperationalTables.Day(r, 4),
            r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8), [.. notes[OperationalTables.Id(r, 0)]]);
        return id is { } one
            ? tables.Query($"SELECT {Columns} FROM {tables.Table("meetings")} WHERE id = @p0", Row, one)
            : tables.Query($"SELECT {Columns} FROM {tables.Table("meetings")} ORDER BY id", Row);
    }
}
