using System.Globalization;
using System.Text.Json;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Governance.Disclosure;
using Tessera.Intake.Delivering;
using Tessera.Intake.Dictionaries;
using Tessera.Metrics.Sql;
using Tessera.Storage.Access;
using Tessera.Storage.Linking;
using Tessera.Storage.Operational;
using Tessera.Storage.Vault;
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
        caller.Permit(Capability.ViewPlanning, AuditAction.Read, $"service overlap{Window(from, to)}");
        if (from is { } f && to is { } t && t < f)
        {
            throw new WorkspaceException($"The window ends ({t:yyyy-MM-dd}) before it starts ({f:yyyy-MM-dd}).");
        }

        var workspace = caller.Workspace;
        var index = new PersonIndex(workspace.Vault);
        var run = index.Runs(1).FirstOrDefault() ?? throw new WorkspaceException("No linkage has run yet, so nobody is known across agencies: run `tessera link` first.");
        var lastDelivery = workspace.Vault.Deliveries().Select(d => d.Id).DefaultIfEmpty(0).Max();
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

    // Each person's sources and each family's sources as combination keys: exact counts, as kept.
    private sealed record Counts(Dictionary<string, long> Persons, Dictionary<string, long> Families);

    private static Counts Compute(Workspace workspace, PersonIndex index, long run, long lastDelivery, DateOnly? from, DateOnly? to)
    {
        using var open = workspace.Vault.KeepOpen(); // one open database for the many small reads below
        var sources = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (person, source) in from is null && to is null ? AllRecords(workspace) : Touched(workspace, from, to))
        {
            (sources.TryGetValue(person, out var set) ? set : sources[person] = new SortedSet<string>(StringComparer.Ordinal)).Add(source);
        }

        // Families: the components of the family links, each with its members' sources together.
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string p)
        {
            while (parent.TryGetValue(p, out var up) && up != p)
            {
                parent[p] = parent.TryGetValue(up, out var grand) ? grand : up;
                p = up;
            }

            return p;
        }

        foreach (var (a, b, _, _) in index.FamilyLinks())
        {
            parent.TryAdd(a, a);
            parent.TryAdd(b, b);
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                parent[string.CompareOrdinal(ra, rb) < 0 ? rb : ra] = string.CompareOrdinal(ra, rb) < 0 ? ra : rb;
            }
        }

        var families = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (person, set) in sources)
        {
            var root = parent.ContainsKey(person) ? Find(person) : person;
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

    // Every (person, source) pair of the last link run, from the records a source keeps under its own person key (its clients): a record
    // without one — a UI wage record an employer reported — says the person worked, not that the agency served them.
    private static List<(string Person, string Source)> AllRecords(Workspace workspace)
    {
        using var connection = workspace.Vault.Open();
        return Read(connection, $"SELECT DISTINCT person_id, source FROM {DeliverySql.LedgerSchema}.person_records WHERE person_key IS NOT NULL");
    }

    // The (person, source) pairs with an event in the window. An event of a file kept under a person key is that person's; an event of
    // a file without one (a benefit case's opening, a maltreatment report) is the persons' of the nearest files with a person key that
    // its references join it to, one or two steps away (a case's members; a payment's case's members; a report's victims and caregivers).
    private static List<(string Person, string Source)> Touched(Workspace workspace, DateOnly? from, DateOnly? to)
    {
        var selects = new List<string>();
        foreach (var source in workspace.Sources.List().Select(s => s.Name))
        {
            var all = workspace.Sources.Dictionaries(source).SelectMany(d => d.Files).DistinctBy(f => f.Name.ToLowerInvariant()).ToList();
            bool Stored(FileDefinition f) => workspace.Vault.HasRows(source, f.Name.ToLowerInvariant());
            foreach (var file in all.Where(f => f.Events.Count > 0 && Stored(f)))
            {
                foreach (var (joins, person) in PathsToPersons(source, file, [.. all.Where(Stored)]))
                {
                    selects.Add($"""
                        SELECT DISTINCT pr.person_id, pr.source FROM {Table(source, file)} f{joins}
                        JOIN {DeliverySql.LedgerSchema}.person_records pr ON pr.source = {SqlText.Literal(source)} AND pr.person_key = CAST({person} AS VARCHAR)
                        WHERE {During(file, from, to)}
                        """);
                }
            }
        }

        // One query per file, merged here: a UNION of them all runs far slower in DuckDB than its parts.
        using var connection = workspace.Vault.Open();
        return [.. selects.SelectMany(select => Read(connection, select)).Distinct()];
    }

    // How rows of an event file (alias f) reach a person key: the joins to add and the person key's column, for each nearest person-keyed file.
    private static List<(string Joins, string Person)> PathsToPersons(string source, FileDefinition events, List<FileDefinition> files)
    {
        if (events.PersonKey is { } own)
        {
            return [("", $"f.{SqlText.Quote(own.ToLowerInvariant())}")];
        }

        // Every reference as an edge usable both ways: (from file, its fields) = (to file, its fields).
        FileDefinition? Named(string name) => files.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        var edges = files.SelectMany(f => f.References.Select(r => (From: f, FromFields: r.Fields, To: Named(r.File), ToFields: r.To)))
            .Where(e => e.To is not null)
            .Select(e => (e.From, e.FromFields, To: e.To!, ToFields: e.ToFields.Count > 0 ? e.ToFields : e.To!.PrimaryKey))
            .Where(e => e.FromFields.Count == e.ToFields.Count && e.FromFields.Count > 0)
            .SelectMany(e => new[] { (A: e.From, AFields: e.FromFields, B: e.To, BFields: e.ToFields), (A: e.To, AFields: e.ToFields, B: e.From, BFields: e.FromFields) })
            .ToList();
        string On(string left, List<string> leftFields, string right, List<string> rightFields) =>
            string.Join(" AND ", leftFields.Select((l, i) => $"CAST({left}.{SqlText.Quote(l.ToLowerInvariant())} AS VARCHAR) = CAST({right}.{SqlText.Quote(rightFields[i].ToLowerInvariant())} AS VARCHAR)"));
        string Join(FileDefinition file, string alias, string on) => $"\nJOIN {Table(source, file)} {alias} ON {on}";

        var oneStep = edges.Where(e => e.A == events && e.B.PersonKey is not null)
            .Select(e => (Join(e.B, "p", On("f", e.AFields, "p", e.BFields)), $"p.{SqlText.Quote(e.B.PersonKey!.ToLowerInvariant())}")).ToList();
        if (oneStep.Count > 0)
        {
            return oneStep;
        }

        return [.. edges.Where(e => e.A == events && e.B.PersonKey is null && e.B != events)
            .SelectMany(first => edges.Where(second => second.A == first.B && second.B.PersonKey is not null && second.B != events)
                .Select(second => (Join(first.B, "x", On("f", first.AFields, "x", first.BFields)) + Join(second.B, "p", On("x", second.AFields, "p", second.BFields)),
                    $"p.{SqlText.Quote(second.B.PersonKey!.ToLowerInvariant())}")))];
    }

    // True for rows with an event that overlaps the window: it starts on or before its last day and ends (or, without an end, happens) on or after its first.
    private static string During(FileDefinition file, DateOnly? from, DateOnly? to) => string.Join(" OR ", file.Events.Select(e =>
    {
        var start = $"CAST(f.{SqlText.Quote(e.Date.ToLowerInvariant())} AS DATE)";
        var end = e.EndDate is { } endField ? $"COALESCE(CAST(f.{SqlText.Quote(endField.ToLowerInvariant())} AS DATE), {start})" : start;
        var bounds = new List<string> { $"{start} IS NOT NULL" };
        if (to is { } last)
        {
            bounds.Add($"{start} <= {SqlText.Date(last)}");
        }

        if (from is { } first)
        {
            bounds.Add($"{end} >= {SqlText.Date(first)}");
        }

        return $"({string.Join(" AND ", bounds)})";
    }));

    private static string Table(string source, FileDefinition file) => $"{SqlText.Quote(source)}.{SqlText.Quote(file.Name.ToLowerInvariant())}";

    private static List<(string, string)> Read(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = SqlVault.Command(connection, null, sql);
        using var reader = command.ExecuteReader();
        var pairs = new List<(string, string)>();
        while (reader.Read())
        {
            pairs.Add((reader.GetString(0), reader.GetString(1)));
        }

        return pairs;
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
