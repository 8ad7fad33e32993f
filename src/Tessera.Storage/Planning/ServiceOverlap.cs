using System.Globalization;
using System.Text.Json;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Governance.Disclosure;
using Tessera.Storage.Access;
using Tessera.Storage.Linking;
using Tessera.Storage.Operational;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Planning;

/// <summary>
/// Community needs and service overlap from the linked data: for every combination of agencies,
/// how many persons — and how many families, a family counting once with all its members'
/// sources together — were touched by exactly those agencies. Without a window, a person is
/// touched by every source that keeps a record of them under its own person key (its clients: a
/// UI wage record, which an employer reports, does not make a worker a client of the workforce
/// agency); with one, by every source with an event of theirs in it (a stay or an enrolment
/// counts when it overlaps the window). A family is the
/// persons the family links join (a person without links is a family of one).
/// Worked out from the vault once per link run, delivery and window, and kept in the operational
/// store, so the planning pages read it without opening person-level data again; the figures
/// shown beyond administrators are suppressed for small cells against the grand total and every
/// source's total.
/// </summary>
public static class ServiceOverlap
{
    /// <summary>The overlap over <paramref name="from"/> to <paramref name="to"/> (both optional, inclusive).</summary>
    /// <exception cref="AccessDeniedException">The caller may not see planning figures.</exception>
    /// <exception cref="WorkspaceException">No link run yet, or the window ends before it starts.</exception>
    public static Overlap Of(Caller caller, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (workspace, index, run, lastDelivery) = Begin(caller, $"service overlap{Window(from, to)}", from, to);
        var persons = Cached(workspace, run.Id, lastDelivery, from, to) ?? Compute(workspace, index, run.Id, lastDelivery, from, to);
        return Shown(persons, from, to, run.Id, AccessPolicy.Permits(caller.User, Capability.ViewMetricPersons));
    }

    /// <summary>
    /// How the overlap changes over time: the overlap of each calendar year the deliveries report on
    /// (from the year the first delivery's period ends to the year the last one's does), each
    /// worked out as a window and kept.
    /// </summary>
    /// <exception cref="AccessDeniedException">The caller may not see planning figures.</exception>
    /// <exception cref="WorkspaceException">No link run or no delivery yet.</exception>
    public static IReadOnlyList<(int Year, Overlap Overlap)> ByYear(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var accepted = caller.Workspace.Vault.Deliveries().Where(d => d.Status == "current").ToList();
        if (accepted.Count == 0)
        {
            caller.Permit(Capability.ViewPlanning, AuditAction.Read, "service overlap by year");
            throw new WorkspaceException("No delivery has been accepted yet, so there are no years to compare.");
        }

        var (first, last) = (accepted.Min(d => d.PeriodEnd.Year), accepted.Max(d => d.PeriodEnd.Year)); // a first delivery may carry years of history: count from the first period reported
        return [.. Enumerable.Range(first, last - first + 1).Select(year => (year, Of(caller, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))))];
    }

    /// <summary>
    /// The overlap over the window by ZIP code or by group: each group's persons touched by one
    /// agency and by several (and by ZIP code, families). Suppressed for callers who do not see
    /// exact figures: the columns' totals are published with the overlap, so each column's hidden
    /// cells are two or more holding more than 10, and a group's total is hidden beside a hidden cell.
    /// </summary>
    /// <exception cref="AccessDeniedException">The caller may not see planning figures.</exception>
    /// <exception cref="WorkspaceException">No link run yet, or the window ends before it starts.</exception>
    public static GroupedOverlap By(Caller caller, OverlapBreakdown by, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (workspace, index, run, lastDelivery) = Begin(caller, $"service overlap by {Name(by)}{Window(from, to)}", from, to);
        var kind = "overlap-by-" + Name(by);
        var groups = PlanFigures.Kept<Dictionary<string, long[]>>(workspace, kind, run.Id, lastDelivery, from, to);
        if (groups is null)
        {
            groups = ComputeGroups(workspace, index, by, from, to);
            PlanFigures.Keep(workspace, kind, run.Id, lastDelivery, from, to, groups);
        }

        return ShownGroups(by, groups, from, to, run.Id, AccessPolicy.Permits(caller.User, Capability.ViewMetricPersons));
    }

    // Permit and audit, check the window, and find what the figures are kept under: the last link run and the last delivery.
    private static (Workspace Workspace, PersonIndex Index, LinkRun Run, long LastDelivery) Begin(Caller caller, string what, DateOnly? from, DateOnly? to)
    {
        caller.Permit(Capability.ViewPlanning, AuditAction.Read, what);
        if (from is { } f && to is { } t && t < f)
        {
            throw new WorkspaceException($"The window ends ({t:yyyy-MM-dd}) before it starts ({f:yyyy-MM-dd}).");
        }

        var workspace = caller.Workspace;
        var index = new PersonIndex(workspace.Vault);
        var run = index.Runs(1).FirstOrDefault() ?? throw new WorkspaceException("No linkage has run yet, so nobody is known across agencies: run `tessera link` first.");
        return (workspace, index, run, workspace.Vault.Deliveries().Select(d => d.Id).DefaultIfEmpty(0).Max());
    }

    /// <summary>The breakdown's name in commands, files and the audit log: <c>zip</c>, <c>sex</c>, <c>generation</c>.</summary>
    public static string Name(OverlapBreakdown by) => by.ToString().ToLowerInvariant();

    /// <summary>The group of persons with no value recorded.</summary>
    public const string NotRecorded = "not recorded";

    // Each group's [persons in one system, in several, families in one, in several].
    private static Dictionary<string, long[]> ComputeGroups(Workspace workspace, PersonIndex index, OverlapBreakdown by, DateOnly? from, DateOnly? to)
    {
        using var open = workspace.Vault.KeepOpen();
        var sources = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (person, source) in PersonEvents.Sources(workspace, from, to))
        {
            (sources.TryGetValue(person, out var set) ? set : sources[person] = new HashSet<string>(StringComparer.Ordinal)).Add(source);
        }

        var groupOf = by switch
        {
            OverlapBreakdown.Zip => MostGiven(PersonEvents.Values(workspace, "zip"), Zip),
            OverlapBreakdown.Sex => MostGiven(PersonEvents.Values(workspace, "sex"), Sex),
            _ => Generations(index),
        };
        var groups = new Dictionary<string, long[]>(StringComparer.Ordinal);
        long[] Of(string group) => groups.TryGetValue(group, out var cells) ? cells : groups[group] = new long[4];
        foreach (var (person, set) in sources)
        {
            Of(groupOf.GetValueOrDefault(person, by == OverlapBreakdown.Generation ? GenerationGroups[2] : NotRecorded))[set.Count > 1 ? 1 : 0]++;
        }

        if (by == OverlapBreakdown.Zip)
        {
            // A family, with all its members' sources together, is placed where most of its members are (ties to the lowest ZIP code).
            var familyOf = PersonEvents.Families(index);
            foreach (var family in sources.GroupBy(p => familyOf.GetValueOrDefault(p.Key, p.Key), StringComparer.Ordinal))
            {
                var place = family.GroupBy(p => groupOf.GetValueOrDefault(p.Key, NotRecorded), StringComparer.Ordinal)
                    .OrderBy(g => g.Key == NotRecorded ? 1 : 0).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
                Of(place)[family.SelectMany(p => p.Value).Distinct(StringComparer.Ordinal).Count() > 1 ? 3 : 2]++;
            }
        }

        return groups;
    }

    // Each person's value: the one most of their rows give, ties to the lowest; values that say nothing are left out.
    private static Dictionary<string, string> MostGiven(List<(string Person, string Value, long Rows)> values, Func<string, string?> standard) =>
        values.Select(v => (v.Person, Value: standard(v.Value), v.Rows)).Where(v => v.Value is not null)
            .GroupBy(v => (v.Person, v.Value), v => v.Rows).Select(g => (g.Key.Person, Value: g.Key.Value!, Rows: g.Sum()))
            .GroupBy(v => v.Person, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Rows).ThenBy(v => v.Value, StringComparer.Ordinal).First().Value, StringComparer.Ordinal);

    // A US ZIP code's first five digits; anything shorter says nothing.
    private static string? Zip(string raw)
    {
        var digits = new string([.. raw.Where(char.IsAsciiDigit)]);
        return digits.Length >= 5 ? digits[..5] : null;
    }

    private static string? Sex(string raw) => raw.Trim().ToLowerInvariant() switch
    {
        "f" or "female" or "woman" or "girl" => "female",
        "m" or "male" or "man" or "boy" => "male",
        _ => null,
    };

    /// <summary>The generation groups, in their order.</summary>
    public static IReadOnlyList<string> GenerationGroups { get; } = ["parent or caregiver", "child", "neither"];

    // From the family links: a parent of someone is a parent or caregiver; else a child of someone is a child; everyone else neither.
    private static Dictionary<string, string> Generations(PersonIndex index)
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        var parents = index.FamilyLinks().Where(l => l.Relation == "parent").ToList();
        foreach (var (_, child, _, _) in parents)
        {
            groups[child] = GenerationGroups[1];
        }

        foreach (var (parent, _, _, _) in parents)
        {
            groups[parent] = GenerationGroups[0];
        }

        return groups;
    }

    private static GroupedOverlap ShownGroups(OverlapBreakdown by, Dictionary<string, long[]> groups, DateOnly? from, DateOnly? to, long run, bool exact)
    {
        IEnumerable<string> order = by switch
        {
            OverlapBreakdown.Sex => ["female", "male", NotRecorded],
            OverlapBreakdown.Generation => GenerationGroups,
            _ => groups.Keys.Where(k => k != NotRecorded).OrderByDescending(k => groups[k][0] + groups[k][1]).ThenBy(k => k, StringComparer.Ordinal).Append(NotRecorded),
        };
        var keys = order.Where(groups.ContainsKey).ToList();
        // The cells as a list, a group's (one system, several) side by side: the columns' totals are published (on the overlap page), so each
        // column is a group of cells to protect against its total; a group's own total is shown only beside both its cells, never in place
        // of one, since with it a hidden cell would follow from the other (two totals crossing are more than this suppression protects).
        IReadOnlyList<long> Cells(int first) => [.. keys.SelectMany(k => new[] { groups[k][first], groups[k][first + 1] })];
        IReadOnlyList<IReadOnlyList<int>> columns = [[.. Enumerable.Range(0, keys.Count).Select(i => 2 * i)], [.. Enumerable.Range(0, keys.Count).Select(i => (2 * i) + 1)]];
        var (persons, families) = (Cells(0), Cells(2));
        var hiddenPersons = exact ? null : SmallCellSuppression.Apply(persons, columns);
        var hiddenFamilies = exact ? null : SmallCellSuppression.Apply(families, columns);
        long? Cell(IReadOnlyList<long> cells, IReadOnlyList<Suppression>? hidden, int i) => hidden is null || hidden[i] == Suppression.None ? cells[i] : null;
        long? Total(IReadOnlyList<long> cells, IReadOnlyList<Suppression>? hidden, int row) =>
            Cell(cells, hidden, 2 * row) is { } one && Cell(cells, hidden, (2 * row) + 1) is { } several ? one + several : null;
        var rows = keys.Select((k, i) => by == OverlapBreakdown.Zip
            ? new GroupedOverlapRow(k, Total(persons, hiddenPersons, i), Cell(persons, hiddenPersons, 2 * i), Cell(persons, hiddenPersons, (2 * i) + 1), Total(families, hiddenFamilies, i), Cell(families, hiddenFamilies, (2 * i) + 1))
            : new GroupedOverlapRow(k, Total(persons, hiddenPersons, i), Cell(persons, hiddenPersons, 2 * i), Cell(persons, hiddenPersons, (2 * i) + 1), null, null)).ToList();
        return new GroupedOverlap(by, from, to, run, rows, exact);
    }

    // Each person's sources and each family's sources as combination keys: exact counts, as kept.
    private sealed record Counts(Dictionary<string, long> Persons, Dictionary<string, long> Families);

    private static Counts Compute(Workspace workspace, PersonIndex index, long run, long lastDelivery, DateOnly? from, DateOnly? to)
    {
        using var open = workspace.Vault.KeepOpen(); // one open database for the many small reads below
        var sources = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (person, source) in PersonEvents.Sources(workspace, from, to))
        {
            (sources.TryGetValue(person, out var set) ? set : sources[person] = new SortedSet<string>(StringComparer.Ordinal)).Add(source);
        }

        // Families: the components of the family links, each with its members' sources together.
        var familyOf = PersonEvents.Families(index);
        var families = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (person, set) in sources)
        {
            var root = familyOf.GetValueOrDefault(person, person);
            (families.TryGetValue(root, out var union) ? union : families[root] = new SortedSet<string>(StringComparer.Ordinal)).UnionWith(set);
        }

        var counts = new Counts(
            sources.Values.GroupBy(s => string.Join('+', s), StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal),
            families.Values.GroupBy(s => string.Join('+', s), StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal));
        using var tables = new OperationalTables(workspace, "plan_");
        tables.Begin();
        // Figures of earlier link runs or deliveries are out of date: dropped with this window's own.
        tables.Execute($"DELETE FROM {tables.Table("overlap")} WHERE link_run < @p0 OR last_delivery < @p1 OR (window_from = @p2 AND window_to = @p3)", run, lastDelivery, Day(from), Day(to));
        tables.Execute($"INSERT INTO {tables.Table("overlap")} (link_run, last_delivery, window_from, window_to, computed_utc, persons) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)",
            run, lastDelivery, Day(from), Day(to), tables.Now.ToString("O", CultureInfo.InvariantCulture), JsonSerializer.Serialize(new[] { counts.Persons, counts.Families }));
        tables.Commit();
        return counts;
    }

    private static Counts? Cached(Workspace workspace, long run, long lastDelivery, DateOnly? from, DateOnly? to)
    {
        using var tables = new OperationalTables(workspace, "plan_");
        var kept = tables.Query($"SELECT persons FROM {tables.Table("overlap")} WHERE link_run = @p0 AND last_delivery = @p1 AND window_from = @p2 AND window_to = @p3",
            r => r.GetString(0), run, lastDelivery, Day(from), Day(to)).FirstOrDefault();
        if (kept is null)
        {
            return null;
        }

        var both = JsonSerializer.Deserialize<Dictionary<string, long>[]>(kept)!;
        return new Counts(new Dictionary<string, long>(both[0], StringComparer.Ordinal), new Dictionary<string, long>(both[1], StringComparer.Ordinal));
    }

    // The figures as the caller may see them: exact for those who see exact figures; otherwise every count of 1 to 10 hidden, with
    // others beside it so that no hidden count follows from the totals published — the grand totals and the families in several
    // systems; an agency's total would pin hidden counts (one agency's total less another's), so it is given as a lower bound.
    private static Overlap Shown(Counts counts, DateOnly? from, DateOnly? to, long run, bool exact)
    {
        var keys = counts.Persons.Keys.Union(counts.Families.Keys, StringComparer.Ordinal)
            .OrderByDescending(k => counts.Persons.GetValueOrDefault(k)).ThenByDescending(k => counts.Families.GetValueOrDefault(k)).ThenBy(k => k, StringComparer.Ordinal).ToList();
        var sources = keys.SelectMany(k => k.Split('+')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        long[] Column(Dictionary<string, long> of) => [.. keys.Select(k => of.GetValueOrDefault(k))];
        var (persons, families) = (Column(counts.Persons), Column(counts.Families));
        IReadOnlyList<int> all = [.. Enumerable.Range(0, keys.Count)];
        IReadOnlyList<int> several = [.. all.Where(i => keys[i].Contains('+', StringComparison.Ordinal))];
        IReadOnlyList<int> one = [.. all.Except(several)];
        var hidePersons = exact ? null : SmallCellSuppression.Apply(persons, [all]);
        var hideFamilies = exact ? null : SmallCellSuppression.Apply(families, [one, several]);
        bool Shown(IReadOnlyList<Suppression>? hidden, int i) => hidden is null || hidden[i] == Suppression.None;
        long? If(bool published, long value) => published ? value : null;
        var rows = keys.Select((k, i) => new OverlapRow(k.Split('+'), If(Shown(hidePersons, i), persons[i]), If(Shown(hideFamilies, i), families[i]))).ToList();
        var totals = sources.Select(s =>
        {
            var members = all.Where(i => keys[i].Split('+').Contains(s)).ToList();
            return new OverlapTotal(s, members.Where(i => Shown(hidePersons, i)).Sum(i => persons[i]), members.Where(i => Shown(hideFamilies, i)).Sum(i => families[i]), !exact);
        }).ToList();
        var severalPublished = exact || (SmallCellSuppression.Protects(families, several, hideFamilies!) && SmallCellSuppression.Protects(families, one, hideFamilies!));
        return new Overlap(from, to, run, rows, totals,
            If(exact || SmallCellSuppression.Protects(persons, all, hidePersons!), persons.Sum()),
            If(exact || SmallCellSuppression.Protects(families, all, hideFamilies!), families.Sum()),
            If(severalPublished, several.Sum(i => families[i])), exact);
    }

    private static string Day(DateOnly? day) => day is { } d ? OperationalTables.Day(d) : "";

    private static string Window(DateOnly? from, DateOnly? to) =>
        from is null && to is null ? "" : $" from {(from is { } f ? OperationalTables.Day(f) : "the start")} to {(to is { } t ? OperationalTables.Day(t) : "the end")}";
}
