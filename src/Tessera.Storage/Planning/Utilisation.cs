using System.Security.Cryptography;
using System.Text;
using Tessera.Core.Time;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Governance.Disclosure;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Linking;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Planning;

/// <summary>
/// Utilisation by program and month from the linked data: how many persons each program (through
/// its providers' codes in the registry) or each agency served in each month — the demand a new
/// contract must meet, and how it moves with the seasons. Worked out from the vault once per link
/// run, delivery, window and registry, and kept; counts of 1 to 10 are hidden from those who do not
/// see exact figures (no totals are published beside them, so nothing else needs hiding).
/// </summary>
public static class Utilisation
{
    /// <summary>The longest window, in months.</summary>
    public const int MostMonths = 120;

    /// <summary>The months of a window when none is given: the two years up to the last month a delivery reports on.</summary>
    public const int DefaultMonths = 24;

    /// <summary>Utilisation over the months <paramref name="from"/> to <paramref name="to"/> touch (each optional).</summary>
    /// <exception cref="AccessDeniedException">The caller may not see planning figures.</exception>
    /// <exception cref="WorkspaceException">No link run or delivery yet, or the window is back to front or too long.</exception>
    public static UtilisationTable Of(Caller caller, UtilisationBy by, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.ViewPlanning, AuditAction.Read, $"utilisation by {Name(by)} and month");
        var workspace = caller.Workspace;
        var index = new PersonIndex(workspace.Vault);
        var run = index.Runs(1).FirstOrDefault() ?? throw new WorkspaceException("No linkage has run yet, so nobody is known across agencies: run `tessera link` first.");
        var deliveries = workspace.Vault.Deliveries().ToList();
        var current = deliveries.Where(d => d.Status == "current").ToList();
        if (current.Count == 0)
        {
            throw new WorkspaceException("No delivery has been accepted yet, so there are no months to count.");
        }

        var last = to is { } t ? YearMonth.Of(t) : from is { } f0 ? YearMonth.Of(f0).AddMonths(DefaultMonths - 1) : YearMonth.Of(current.Max(d => d.PeriodEnd));
        var first = from is { } f ? YearMonth.Of(f) : last.AddMonths(1 - DefaultMonths);
        if (last < first)
        {
            throw new WorkspaceException($"The window ends ({last}) before it starts ({first}).");
        }

        if (last.Ordinal - first.Ordinal + 1 > MostMonths)
        {
            throw new WorkspaceException($"The window from {first} to {last} is {last.Ordinal - first.Ordinal + 1} months long; at most {MostMonths} are counted at once.");
        }

        var months = Enumerable.Range(0, last.Ordinal - first.Ordinal + 1).Select(first.AddMonths).ToList();
        var programs = ProviderRegistry.Programs(workspace).ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var codes = ProviderRegistry.All(workspace).Values.SelectMany(p => p.Provider.Identifiers.Select(c => (Code: (c.Source, Field: c.Field.ToLowerInvariant(), c.Value), p.Provider.Program)))
            .DistinctBy(c => c.Code).ToDictionary(c => c.Code, c => c.Program);
        var kind = by == UtilisationBy.Source ? "utilisation-source" : "utilisation-program-" + Fingerprint(codes);
        var lastDelivery = deliveries.Select(d => d.Id).DefaultIfEmpty(0).Max();
        var (windowFrom, windowTo) = (first.FirstDay, last.LastDay);
        var counts = PlanFigures.Kept<Dictionary<string, long[]>>(workspace, kind, run.Id, lastDelivery, windowFrom, windowTo);
        if (counts is null)
        {
            counts = Count(workspace, by, codes, first, months.Count);
            PlanFigures.Keep(workspace, kind, run.Id, lastDelivery, windowFrom, windowTo, counts);
        }

        var exact = AccessPolicy.Permits(caller.User, Capability.ViewMetricPersons);
        var rows = counts.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new UtilisationRow(c.Key, by == UtilisationBy.Program ? programs.GetValueOrDefault(c.Key, c.Key) : c.Key,
                [.. c.Value.Select(n => exact || SmallCellSuppression.Threshold < n || n == 0 ? n : (long?)null)]))
            .ToList();
        return new UtilisationTable(by, months, run.Id, rows, exact);
    }

    /// <summary>The breakdown's name in commands and files: <c>program</c> or <c>source</c>.</summary>
    public static string Name(UtilisationBy by) => by.ToString().ToLowerInvariant();

    // Distinct persons per program (or source) and month, a person counting in every month an event of theirs overlaps.
    private static Dictionary<string, long[]> Count(Workspace workspace, UtilisationBy by, Dictionary<(string Source, string Field, string Value), string> codes, YearMonth first, int months)
    {
        using var open = workspace.Vault.KeepOpen();
        var served = new Dictionary<string, HashSet<string>[]>(StringComparer.Ordinal);
        foreach (var span in PersonEvents.Spans(workspace, first.FirstDay, first.AddMonths(months - 1).LastDay))
        {
            var key = by == UtilisationBy.Source ? span.Source
                : span is { ProviderField: { } field, Provider: { } code } && codes.TryGetValue((span.Source, field.ToLowerInvariant(), code), out var program) ? program
                : null;
            if (key is null)
            {
                continue;
            }

            var cells = served.TryGetValue(key, out var known) ? known : served[key] = [.. Enumerable.Range(0, months).Select(_ => new HashSet<string>(StringComparer.Ordinal))];
            var (from, to) = (Math.Max(YearMonth.Of(span.Start).Ordinal - first.Ordinal, 0), Math.Min(YearMonth.Of(span.End).Ordinal - first.Ordinal, months - 1));
            for (var m = from; m <= to; m++)
            {
                cells[m].Add(span.Person);
            }
        }

        return served.ToDictionary(s => s.Key, s => s.Value.Select(c => (long)c.Count).ToArray(), StringComparer.Ordinal);
    }

    // The registry's codes as a short fingerprint: utilisation by program is kept per registry, as a changed code moves persons between programs.
    private static string Fingerprint(Dictionary<(string Source, string Field, string Value), string> codes) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', codes.OrderBy(c => c.Key.Source, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Field, StringComparer.Ordinal).ThenBy(c => c.Key.Value, StringComparer.Ordinal)
            .Select(c => $"{c.Key.Source}\t{c.Key.Field}\t{c.Key.Value}\t{c.Value}")))))[..16];
}
