using System.Globalization;
using Tessera.Contracts.Planning;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Operational;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Planning;

/// <summary>
/// Rapid assessments of an agency's readiness for outcomes-oriented contracting: created with the
/// series' four sessions, participants added, each participant's answers recorded (a new set
/// replaces their earlier one), levels agreed where the group reconciled them, and scored. An
/// agency's assessments are open to its contract managers, and to administrators and analysts.
/// </summary>
public static class Assessments
{
    /// <summary>Starts an assessment of <paramref name="agency"/> whose series begins on <paramref name="start"/>; returns its number.</summary>
    /// <exception cref="AccessDeniedException">The caller may not plan for the agency.</exception>
    /// <exception cref="WorkspaceException">No such agency, no title or no first day.</exception>
    public static long Create(Caller caller, string agency, string title, DateOnly? start)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.RunPlanning, AuditAction.Configure, $"new rapid assessment of {agency}", inScope: AccessPolicy.SeesPlansOf(caller.User, agency));
        if (!caller.Workspace.Sources.List().Any(s => s.Name == agency))
        {
            throw new WorkspaceException($"There is no agency '{agency}' in this workspace; expected one of {string.Join(", ", caller.Workspace.Sources.List().Select(s => s.Name))}.");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new WorkspaceException("An assessment needs a title, e.g. \"Benefits agency, spring 2027\".");
        }

        if (start is not { } first)
        {
            throw new WorkspaceException("Give the day of the preparation meeting, the series' first.");
        }

        using var tables = new OperationalTables(caller.Workspace, "plan_");
        tables.Begin();
        var id = tables.NextId("assessments");
        tables.Execute($"INSERT INTO {tables.Table("assessments")} (id, agency, title, facilitator, created_by, created_utc) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)",
            id, agency, title.Trim(), caller.User.Name, caller.User.Name, Stamp(tables));
        foreach (var session in WorkshopSeries.Sessions(first))
        {
            tables.Execute($"INSERT INTO {tables.Table("sessions")} (assessment_id, position, title, hours, held_on, agenda, notes) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, NULL)",
                id, session.Position, session.Title, session.Hours, session.HeldOn is { } day ? OperationalTables.Day(day) : null, session.Agenda);
        }

        tables.Commit();
        return id;
    }

    /// <summary>The assessments the caller may see, newest first.</summary>
    public static IReadOnlyList<(long Id, string Agency, string Title, string Facilitator, int Participants, int Answers)> List(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.ViewPlanning, AuditAction.Read, "rapid assessments");
        using var tables = new OperationalTables(caller.Workspace, "plan_");
        return [.. tables.Query($"""
            SELECT a.id, a.agency, a.title, a.facilitator,
                   (SELECT COUNT(*) FROM {tables.Table("participants")} p WHERE p.assessment_id = a.id),
                   (SELECT COUNT(*) FROM {tables.Table("answers")} x WHERE x.assessment_id = a.id)
            FROM {tables.Table("assessments")} a ORDER BY a.id DESC
            """, r => (Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2), r.GetString(3),
                Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(5), CultureInfo.InvariantCulture)))
            .Where(a => AccessPolicy.SeesPlansOf(caller.User, a.Item2))];
    }

    /// <summary>The assessment with its answers and scores.</summary>
    /// <exception cref="AccessDeniedException">Not found, or another agency's.</exception>
    public static AssessmentView Show(Caller caller, long id)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var found = Read(caller.Workspace, id);
        caller.Permit(Capability.ViewPlanning, AuditAction.Read, Target(id), inScope: found is not null && AccessPolicy.SeesPlansOf(caller.User, found.Value.Assessment.Agency));
        var (assessment, answers, agreed) = found!.Value;
        return new AssessmentView(assessment, answers, agreed, AssessmentResult.Of(answers, agreed));
    }

    /// <summary>Adds a participant (or changes their team).</summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not run the assessment.</exception>
    /// <exception cref="WorkspaceException">No name or team.</exception>
    public static void AddParticipant(Caller caller, long id, string name, string team)
    {
        Change(caller, id, $"participant {name?.Trim()}", tables =>
        {
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(team))
            {
                throw new WorkspaceException($"A participant needs a name and a team (one of {string.Join(", ", Participant.RecommendedTeams)} or another).");
            }

            tables.Execute($"DELETE FROM {tables.Table("participants")} WHERE assessment_id = @p0 AND name = @p1", id, name.Trim());
            tables.Execute($"INSERT INTO {tables.Table("participants")} (assessment_id, name, team) VALUES (@p0, @p1, @p2)", id, name.Trim(), team.Trim().ToLowerInvariant());
        });
    }

    /// <summary>Sets a session's date, agenda and notes (null leaves the agenda as it is).</summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not run the assessment.</exception>
    /// <exception cref="WorkspaceException">No such session.</exception>
    public static void SetSession(Caller caller, long id, int position, DateOnly? heldOn, string? agenda, string? notes)
    {
        Change(caller, id, string.Create(CultureInfo.InvariantCulture, $"session {position}"), tables =>
        {
            var changed = tables.Execute($"""
                UPDATE {tables.Table("sessions")} SET held_on = @p2, agenda = COALESCE(@p3, agenda), notes = @p4 WHERE assessment_id = @p0 AND position = @p1
                """, id, position, heldOn is { } day ? OperationalTables.Day(day) : null, string.IsNullOrWhiteSpace(agenda) ? null : agenda.Trim(), string.IsNullOrWhiteSpace(notes) ? null : notes.Trim());
            if (changed == 0)
            {
                throw new WorkspaceException(string.Create(CultureInfo.InvariantCulture, $"Assessment {id} has no session {position}; its sessions are 1 to 4."));
            }
        });
    }

    /// <summary>
    /// Records <paramref name="participant"/>'s answers, replacing any they gave before to the same
    /// questions; all or nothing.
    /// </summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not run the assessment.</exception>
    /// <exception cref="WorkspaceException">No answer, not a participant, or an answer names no question or a level outside 1 to 4.</exception>
    public static void Answer(Caller caller, long id, string participant, IReadOnlyList<(string Question, int Level, string? Evidence)> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Change(caller, id, $"answers of {participant}", tables =>
        {
            if (answers.Count == 0)
            {
                throw new WorkspaceException("Choose a level for at least one question.");
            }

            var known = tables.Query($"SELECT name FROM {tables.Table("participants")} WHERE assessment_id = @p0", r => r.GetString(0), id);
            if (!known.Contains(participant, StringComparer.Ordinal))
            {
                throw new WorkspaceException($"'{participant}' is not a participant of assessment {id}; add them first ({(known.Count == 0 ? "it has none yet" : "it has " + string.Join(", ", known))}).");
            }

            foreach (var (question, level, _) in answers)
            {
                Checked(() => AssessmentResult.Check(question, level));
            }

            foreach (var (question, level, evidence) in answers)
            {
                tables.Execute($"DELETE FROM {tables.Table("answers")} WHERE assessment_id = @p0 AND participant = @p1 AND question = @p2", id, participant, question);
                tables.Execute($"""
                    INSERT INTO {tables.Table("answers")} (assessment_id, participant, question, level, evidence, recorded_by, recorded_utc) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)
                    """, id, participant, question, level, string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim(), caller.User.Name, Stamp(tables));
            }
        });
    }

    /// <summary>Records the level the group agreed for a question; null takes the agreement back.</summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not run the assessment.</exception>
    /// <exception cref="WorkspaceException">No such question, or a level outside 1 to 4.</exception>
    public static void Agree(Caller caller, long id, string question, int? level, string? note)
    {
        Change(caller, id, $"agreed level of {question}", tables =>
        {
            Checked(() => AssessmentResult.Check(question, level ?? AssessmentQuestion.Lowest));
            tables.Execute($"DELETE FROM {tables.Table("agreed")} WHERE assessment_id = @p0 AND question = @p1", id, question);
            if (level is { } agreed)
            {
                tables.Execute($"INSERT INTO {tables.Table("agreed")} (assessment_id, question, level, note, agreed_by, agreed_utc) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)",
                    id, question, agreed, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), caller.User.Name, Stamp(tables));
            }
        });
    }

    /// <summary>The agency of assessment <paramref name="id"/>, or null when there is none.</summary>
    internal static string? AgencyOf(Workspace workspace, long id)
    {
        using var tables = new OperationalTables(workspace, "plan_");
        return tables.Query($"SELECT agency FROM {tables.Table("assessments")} WHERE id = @p0", r => r.GetString(0), id).FirstOrDefault();
    }

    /// <summary>Permits a change to assessment <paramref name="id"/> and makes it in one transaction.</summary>
    internal static void Change(Caller caller, long id, string what, Action<OperationalTables> change)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var agency = AgencyOf(caller.Workspace, id);
        caller.Permit(Capability.RunPlanning, AuditAction.Configure, $"{Target(id)}, {what}", inScope: agency is not null && AccessPolicy.SeesPlansOf(caller.User, agency));
        using var tables = new OperationalTables(caller.Workspace, "plan_");
        tables.Begin();
        change(tables);
        tables.Commit();
    }

    /// <summary>The audit target of assessment <paramref name="id"/>.</summary>
    internal static string Target(long id) => string.Create(CultureInfo.InvariantCulture, $"rapid assessment {id}");

    /// <summary>A time stamp of the tables' clock.</summary>
    internal static string Stamp(OperationalTables tables) => tables.Now.ToString("O", CultureInfo.InvariantCulture);

    private static void Checked(Action check)
    {
        try
        {
            check();
        }
        catch (ArgumentException invalid)
        {
            throw new WorkspaceException(invalid.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static (Assessment Assessment, List<AssessmentAnswer> Answers, Dictionary<string, int> Agreed)? Read(Workspace workspace, long id)
    {
        using var tables = new OperationalTables(workspace, "plan_");
        var head = tables.Query($"SELECT agency, title, facilitator FROM {tables.Table("assessments")} WHERE id = @p0", r => (r.GetString(0), r.GetString(1), r.GetString(2)), id);
        if (head.Count == 0)
        {
            return null;
        }

        var participants = tables.Query($"SELECT name, team FROM {tables.Table("participants")} WHERE assessment_id = @p0 ORDER BY name", r => new Participant(r.GetString(0), r.GetString(1)), id);
        var sessions = tables.Query($"SELECT position, title, hours, held_on, agenda, notes FROM {tables.Table("sessions")} WHERE assessment_id = @p0 ORDER BY position",
            r => new AssessmentSession(Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), r.GetString(1), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture),
                OperationalTables.DayOrNull(r, 3), r.GetString(4), OperationalTables.Text(r, 5)), id);
        var answers = tables.Query($"SELECT participant, question, level, evidence FROM {tables.Table("answers")} WHERE assessment_id = @p0 ORDER BY participant, question",
            r => new AssessmentAnswer(r.GetString(0), r.GetString(1), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture), OperationalTables.Text(r, 3)), id);
        var agreed = tables.Query($"SELECT question, level FROM {tables.Table("agreed")} WHERE assessment_id = @p0", r => (r.GetString(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture)), id)
            .ToDictionary(a => a.Item1, a => a.Item2, StringComparer.Ordinal);
        var (agency, title, facilitator) = head[0];
        return (new Assessment(id, agency, title, facilitator, participants, sessions), answers, agreed);
    }
}
