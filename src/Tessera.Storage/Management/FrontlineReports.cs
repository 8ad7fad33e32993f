using System.Data.Common;
using System.Globalization;
using Tessera.Contracts.Management;
using Tessera.Core.Time;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Operational;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Management;

/// <summary>
/// Frontline issue reports: caseworkers tell contract managers what goes wrong with a provider —
/// transport, clothing, no-shows, waitlists — in a minute and without naming clients; managers
/// read them by provider and category, turn them into action items and deep dives.
/// </summary>
public static class FrontlineReports
{
    /// <summary>Reports in a category within this many days suggest a deep dive.</summary>
    public const int SuggestionWindowDays = 90;

    /// <summary>How many reports in the window suggest a deep dive.</summary>
    public const int SuggestionThreshold = 3;

    private const string Columns = "id, provider_id, category, text, filed_on, action_item_id";

    /// <summary>The providers a report can be about: id and name (no figures).</summary>
    /// <exception cref="AccessDeniedException">The caller may not file reports.</exception>
    public static IReadOnlyList<(string Id, string Name)> Providers(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.FileFrontlineReport, AuditAction.Read, "providers for a frontline report");
        return [.. ProviderRegistry.All(caller.Workspace).Values.Select(p => (p.Provider.Id.Value, p.Provider.Name)).OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    /// <summary>Files a report; problems are named by field.</summary>
    /// <exception cref="AccessDeniedException">The caller may not file reports.</exception>
    /// <exception cref="WorkspaceException">An unknown provider or category, no text, or text that looks like a client identifier.</exception>
    public static FrontlineReport File(Caller caller, string? provider, string? category, string? text)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.FileFrontlineReport, AuditAction.Configure, $"frontline report on provider {provider}");
        var problems = new List<string>();
        if (provider is null || !ProviderRegistry.All(caller.Workspace).ContainsKey(provider))
        {
            problems.Add("provider: choose the provider the report is about.");
        }

        problems.AddRange(FrontlineReport.Problems(category, text));
        if (problems.Count > 0)
        {
            throw new WorkspaceException(string.Join(" ", problems));
        }

        var today = DateOnly.FromDateTime(caller.Workspace.UtcNow);
        using var tables = new OperationalTables(caller.Workspace, "acm_");
        tables.Begin();
        var id = tables.NextId("reports");
        tables.Execute($"INSERT INTO {tables.Table("reports")} (id, provider_id, category, text, filed_on, filed_by) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)",
            id, provider, category, text!.Trim(), OperationalTables.Day(today), caller.User.Name);
        tables.Commit();
        return new FrontlineReport(id, provider!, category!, text.Trim(), today, null);
    }

    /// <summary>The reports the caller filed, latest first.</summary>
    /// <exception cref="AccessDeniedException">The caller may not file reports.</exception>
    public static IReadOnlyList<FrontlineReport> Mine(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.FileFrontlineReport, AuditAction.Read, "own frontline reports");
        using var tables = new OperationalTables(caller.Workspace, "acm_");
        return [.. tables.Query($"SELECT {Columns} FROM {tables.Table("reports")} WHERE filed_by = @p0 ORDER BY id DESC", Report, caller.User.Name)];
    }

    /// <summary>The reports on providers of the programs the caller manages, latest first.</summary>
    /// <exception cref="AccessDeniedException">The caller may not read reports.</exception>
    public static IReadOnlyList<FrontlineReport> List(Caller caller, string? provider = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.ViewFrontlineReports, AuditAction.Read, provider is null ? "frontline reports" : $"frontline reports on provider {provider}");
        return [.. Visible(caller).Where(r => provider is null || r.Provider == provider).OrderByDescending(r => r.Id)];
    }

    /// <summary>Reports by provider, category and month of filing.</summary>
    /// <exception cref="AccessDeniedException">The caller may not read reports.</exception>
    public static IReadOnlyList<ReportTrend> Trends(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.ViewFrontlineReports, AuditAction.Read, "frontline report trends");
        return [.. Visible(caller).GroupBy(r => (r.Provider, r.Category, Month: YearMonth.Of(r.Filed)))
            .Select(g => new ReportTrend(g.Key.Provider, g.Key.Category, g.Key.Month, g.Count()))
            .OrderBy(t => t.Provider, StringComparer.Ordinal).ThenBy(t => t.Category, StringComparer.Ordinal).ThenBy(t => t.Month)];
    }

    /// <summary>
    /// What caseworkers reported about <paramref name="provider"/>, for the provider itself and those
    /// who manage its contracts: how many reports in each category in each month, and nothing else —
    /// no text, no day, no caseworker — so a provider learns what goes wrong without learning who
    /// said so or about which client.
    /// </summary>
    /// <exception cref="AccessDeniedException">The role does not see contract management, or (not found) the provider is not the caller's or does not exist.</exception>
    public static IReadOnlyList<ReportTrend> About(Caller caller, string provider)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(provider);
        caller.Permit(Capability.ViewManagement, AuditAction.Read, $"frontline report counts on provider {provider}",
            inScope: AccessPolicy.SeesProvider(caller.User, provider) && ProviderRegistry.All(caller.Workspace).ContainsKey(provider));
        using var tables = new OperationalTables(caller.Workspace, "acm_");
        return [.. tables.Query($"SELECT {Columns} FROM {tables.Table("reports")} WHERE provider_id = @p0", Report, provider)
            .GroupBy(r => (r.Category, Month: YearMonth.Of(r.Filed)))
            .Select(g => new ReportTrend(provider, g.Key.Category, g.Key.Month, g.Count()))
            .OrderBy(t => t.Month).ThenBy(t => t.Category, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Deep dives the reports suggest for <paramref name="program"/>: each category with at least
    /// <see cref="SuggestionThreshold"/> reports on the program's providers in the
    /// <see cref="SuggestionWindowDays"/> days up to <paramref name="day"/>, most reported first.
    /// </summary>
    public static IReadOnlyList<(string Category, int Reports)> Suggestions(Caller caller, string program, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var providers = ProviderRegistry.All(caller.Workspace);
        return [.. List(caller).Where(r => r.Filed <= day && r.Filed > day.AddDays(-SuggestionWindowDays) && providers.GetValueOrDefault(r.Provider)?.Provider.Program == program)
            .GroupBy(r => r.Category).Where(g => g.Count() >= SuggestionThreshold).Select(g => (g.Key, g.Count())).OrderByDescending(s => s.Item2).ThenBy(s => s.Key, StringComparer.Ordinal)];
    }

    /// <summary>Turns report <paramref name="id"/> into an action item on the provider's contract (or its program when the caller manages no contract of the provider's).</summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not run contract management.</exception>
    /// <exception cref="WorkspaceException">The report is an action item already, or the owner or due day is missing.</exception>
    public static ActionItem Convert(Caller caller, long id, string? owner, DateOnly? due)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var report = Visible(caller).FirstOrDefault(r => r.Id == id);
        caller.Permit(Capability.ViewFrontlineReports, AuditAction.Read, string.Create(CultureInfo.InvariantCulture, $"frontline report {id}"), inScope: report is not null);
        if (report!.ActionItem is { } item)
        {
            throw new WorkspaceException(string.Create(CultureInfo.InvariantCulture, $"Report {id} is action item {item} already."));
        }

        var scope = new ManagementScope(caller);
        var provider = ProviderRegistry.All(caller.Workspace)[report.Provider].Provider;
        var contract = scope.Contracts.Where(c => c.Contract.Provider.Value == report.Provider && c.Contract.Start <= report.Filed).MaxBy(c => c.Contract.Start)
            ?? scope.Contracts.FirstOrDefault(c => c.Contract.Provider.Value == report.Provider);
        var text = report.Text.Length > 120 ? string.Concat(report.Text.AsSpan(0, 117), "…") : report.Text;
        return ActionItems.Add(caller, new NewActionItem($"Frontline report ({FrontlineReport.CategoryWords(report.Category)}) on {provider.Name}: {text}", owner, due, provider.Program, contract?.Contract.Id.Value),
            id, (tables, itemId) => tables.Execute($"UPDATE {tables.Table("reports")} SET action_item_id = @p0 WHERE id = @p1", itemId, id));
    }

    private static List<FrontlineReport> Visible(Caller caller)
    {
        var scope = new ManagementScope(caller);
        var programs = scope.Programs.ToHashSet(StringComparer.Ordinal);
        var providers = ProviderRegistry.All(caller.Workspace);
        using var tables = new OperationalTables(caller.Workspace, "acm_");
        return [.. tables.Query($"SELECT {Columns} FROM {tables.Table("reports")} ORDER BY id", Report)
            .Where(r => providers.TryGetValue(r.Provider, out var p) && programs.Contains(p.Provider.Program))];
    }

    private static FrontlineReport Report(DbDataReader r) => new(
        OperationalTables.Id(r, 0), r.GetString(1), r.GetString(2), r.GetString(3), OperationalTables.Day(r, 4), OperationalTables.Number(r, 5));
}
