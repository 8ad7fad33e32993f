using Tessera.Intake.Delivering;
using Tessera.Intake.Dictionaries;
using Tessera.Metrics.Sql;
using Tessera.Storage.Linking;
using Tessera.Storage.Vault;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Planning;

/// <summary>
/// What the planning figures read from the vault about each person of the last link run: the
/// sources that keep them as a client, their events (each reaching a person through the file's own
/// person key or, for a file without one, through its references), the values of a plain identity
/// field (ZIP code, sex), and the family each belongs to. Only the computations of the planning
/// figures call these, after their caller was permitted and audited.
/// </summary>
internal static class PersonEvents
{
    /// <summary>One event of a person: its source, the provider field's value (if the event names one), and its first and last day.</summary>
    public sealed record Span(string Person, string Source, string? ProviderField, string? Provider, DateOnly Start, DateOnly End);

    /// <summary>
    /// Every (person, source) pair: without a window, the records a source keeps under its own
    /// person key (its clients — a UI wage record an employer reported says the person worked, not
    /// that the agency served them); with one, the sources with an event of theirs overlapping it.
    /// </summary>
    public static List<(string Person, string Source)> Sources(Workspace workspace, DateOnly? from, DateOnly? to)
    {
        if (from is null && to is null)
        {
            using var connection = workspace.Vault.Open();
            return Read(connection, $"SELECT DISTINCT person_id, source FROM {DeliverySql.LedgerSchema}.person_records WHERE person_key IS NOT NULL",
                r => (r.GetString(0), r.GetString(1)));
        }

        var selects = EventFiles(workspace).SelectMany(x => x.Paths.Select(path => $"""
            SELECT DISTINCT pr.person_id, pr.source FROM {Table(x.Source, x.File)} f{path.Joins}
            JOIN {DeliverySql.LedgerSchema}.person_records pr ON pr.source = {SqlText.Literal(x.Source)} AND pr.person_key = CAST({path.Person} AS VARCHAR)
            WHERE {During(x.File.Events, from, to)}
            """)).ToList();
        // One query per file, merged here: a UNION of them all runs far slower in DuckDB than its parts.
        using var open = workspace.Vault.Open();
        return [.. selects.SelectMany(select => Read(open, select, r => (r.GetString(0), r.GetString(1)))).Distinct()];
    }

    /// <summary>
    /// Every event of every person that overlaps the window (all when it is open), distinct, with
    /// its span: an event without an end date (or whose end is missing) is one day.
    /// </summary>
    public static List<Span> Spans(Workspace workspace, DateOnly? from, DateOnly? to)
    {
        var selects = new List<(string Source, string? Field, string Sql)>();
        foreach (var (source, file, paths) in EventFiles(workspace))
        {
            foreach (var e in file.Events)
            {
                var (start, end) = Bounds(e);
                var provider = e.Provider is { } field ? $"CAST(f.{SqlText.Quote(field.ToLowerInvariant())} AS VARCHAR)" : "CAST(NULL AS VARCHAR)";
                selects.AddRange(paths.Select(path => (source, e.Provider, $"""
                    SELECT DISTINCT pr.person_id, {provider}, CAST({start} AS VARCHAR), CAST({end} AS VARCHAR) FROM {Table(source, file)} f{path.Joins}
                    JOIN {DeliverySql.LedgerSchema}.person_records pr ON pr.source = {SqlText.Literal(source)} AND pr.person_key = CAST({path.Person} AS VARCHAR)
                    WHERE {During([e], from, to)}
                    """)));
            }
        }

        using var connection = workspace.Vault.Open();
        return [.. selects.SelectMany(s => Read(connection, s.Sql, r =>
        {
            var start = Day(r.GetString(2));
            var end = r.IsDBNull(3) ? start : Day(r.GetString(3));
            return new Span(r.GetString(0), s.Source, s.Field, r.IsDBNull(1) ? null : r.GetString(1), start, end < start ? start : end);
        })).Distinct()];
    }

    /// <summary>
    /// The values the records of each person give for a standard identity column kept in plain
    /// text (<c>zip</c>, <c>sex</c>), with how many rows give each: from every file that maps the
    /// column, reaching persons as events do (a benefit case's address reaches the case's members).
    /// </summary>
    public static List<(string Person, string Value, long Rows)> Values(Workspace workspace, string column)
    {
        var selects = new List<string>();
        foreach (var source in workspace.Sources.List().Select(s => s.Name))
        {
            var stored = StoredFiles(workspace, source);
            foreach (var file in stored.Where(f => f.Identity.TryGetValue(column, out var field) && f.Field(field) is { IsEncrypted: false }))
            {
                var field = SqlText.Quote(file.Identity[column].ToLowerInvariant());
                selects.AddRange(PathsToPersons(source, file, stored).Select(path => $"""
                    SELECT pr.person_id, CAST(f.{field} AS VARCHAR), COUNT(*) FROM {Table(source, file)} f{path.Joins}
                    JOIN {DeliverySql.LedgerSchema}.person_records pr ON pr.source = {SqlText.Literal(source)} AND pr.person_key = CAST({path.Person} AS VARCHAR)
                    WHERE f.{field} IS NOT NULL GROUP BY 1, 2
                    """));
            }
        }

        using var connection = workspace.Vault.Open();
        return [.. selects.SelectMany(select => Read(connection, select, r => (r.GetString(0), r.GetString(1), r.GetInt64(2))))];
    }

    /// <summary>Each person's family: the smallest person id of the component the family links join them to (a person without links is absent).</summary>
    public static Dictionary<string, string> Families(PersonIndex index)
    {
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

        return parent.Keys.ToList().ToDictionary(p => p, Find, StringComparer.Ordinal);
    }

    // Every stored file with events, with the ways its rows reach a person key.
    private static IEnumerable<(string Source, FileDefinition File, List<(string Joins, string Person)> Paths)> EventFiles(Workspace workspace)
    {
        foreach (var source in workspace.Sources.List().Select(s => s.Name))
        {
            var stored = StoredFiles(workspace, source);
            foreach (var file in stored.Where(f => f.Events.Count > 0))
            {
                yield return (source, file, PathsToPersons(source, file, stored));
            }
        }
    }

    private static List<FileDefinition> StoredFiles(Workspace workspace, string source) =>
        [.. workspace.Sources.Dictionaries(source).SelectMany(d => d.Files).DistinctBy(f => f.Name.ToLowerInvariant())
            .Where(f => workspace.Vault.HasRows(source, f.Name.ToLowerInvariant()))];

    // How rows of a file (alias f) reach a person key: the joins to add and the person key's column, for each nearest person-keyed file.
    // A file kept under a person key is its persons'; a file without one (a benefit case's opening, a maltreatment report) is the persons'
    // of the nearest files with a person key that its references join it to, one or two steps away (a case's members; a payment's case's
    // members; a report's victims and caregivers).
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

    // An event's first and last day as SQL: the end, when missing, is the start.
    private static (string Start, string End) Bounds(EventDefinition e)
    {
        var start = $"CAST(f.{SqlText.Quote(e.Date.ToLowerInvariant())} AS DATE)";
        return (start, e.EndDate is { } endField ? $"COALESCE(CAST(f.{SqlText.Quote(endField.ToLowerInvariant())} AS DATE), {start})" : start);
    }

    // True for rows with an event that overlaps the window: it starts on or before its last day and ends (or, without an end, happens) on or after its first.
    private static string During(IEnumerable<EventDefinition> events, DateOnly? from, DateOnly? to) => string.Join(" OR ", events.Select(e =>
    {
        var (start, end) = Bounds(e);
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

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Table(string source, FileDefinition file) => $"{SqlText.Quote(source)}.{SqlText.Quote(file.Name.ToLowerInvariant())}";

    private static List<T> Read<T>(System.Data.Common.DbConnection connection, string sql, Func<System.Data.Common.DbDataReader, T> row)
    {
        using var command = SqlVault.Command(connection, null, sql);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }
}
