using System.Globalization;
using Tessera.Contracts.Management;
using Tessera.Core.Time;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Operational;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Management;

/// <summary>
/// Each program's 12-month improvement roadmap: a deep-dive topic per month, which the month's
/// meetings take as the third part of their agenda.
/// </summary>
public static class Roadmaps
{
    /// <summary>The program's topics for the twelve months from <paramref name="from"/>; months without one are left out.</summary>
    /// <exception cref="AccessDeniedException">Not found: a program whose contracts the caller does not manage.</exception>
    public static IReadOnlyList<RoadmapTopic> Of(Caller caller, string program, YearMonth from)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = new ManagementScope(caller);
        caller.Permit(Capability.ViewManagement, AuditAction.Read, $"roadmap of program {program}", inScope: scope.SeesProgram(program));
        return [.. Read(caller.Workspace, program).Where(t => t.Month >= from && t.Month < from.AddMonths(12))];
    }

    /// <summary>Sets the month's topic (an empty topic takes it off the roadmap).</summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not run contract management.</exception>
    public static RoadmapTopic? Set(Caller caller, string program, YearMonth month, string? topic, string? questions)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = new ManagementScope(caller);
        caller.Permit(Capability.RunManagement, AuditAction.Configure, string.Create(CultureInfo.InvariantCulture, $"roadmap of program {program}, {month}"), inScope: scope.SeesProgram(program));
        using var tables = new OperationalTables(caller.Workspace, "acm_");
        tables.Begin();
        tables.Execute($"DELETE FROM {tables.Table("roadmap")} WHERE program_id = @p0 AND month = @p1", program, month.ToString());
        if (string.IsNullOrWhiteSpace(topic))
        {
            tables.Commit();
            return null;
        }

        tables.Execute($"INSERT INTO {tables.Table("roadmap")} (program_id, month, topic, questions, updated_by, updated_utc) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)",
            program, month.ToString(), topic.Trim(), string.IsNullOrWhiteSpace(questions) ? null : questions.Trim(), caller.User.Name, tables.Now.ToString("O", CultureInfo.InvariantCulture));
        tables.Commit();
        return new RoadmapTopic(program, month, topic.Trim(), string.IsNullOrWhiteSpace(questions) ? null : questions.Trim());
    }

    /// <summary>The program's whole roadmap, by month, without a permission check.</summary>
    internal static List<RoadmapTopic> Read(Workspace workspace, string program)
    {
        using var tables = new OperationalTables(workspace, "acm_");
        return tables.Query($"SELECT month, topic, questions FROM {tables.Table("roadmap")} WHERE program_id = @p0 ORDER BY month",
            r => new RoadmapTopic(program, YearMonth.TryParse(r.GetString(0), out var m) ? m : default, r.GetString(1), OperationalTables.Text(r, 2)), program);
    }
}
