using System.Globalization;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Metrics.Sql;
using Tessera.Storage.Access;
using Tessera.Storage.Vault;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Linking;

/// <summary>
/// A person's — or a family's — life across agencies as the linked records tell it: every event a
/// source's dictionary declares (a report, a shelter stay, a training enrolment, a release from
/// prison, a child-care authorisation), in date order, with the provider responsible and the law
/// protecting it where one does. Read from the vault for one person and their family links only,
/// by administrators, and on record.
/// </summary>
public static class Timelines
{
    /// <summary>The most events one timeline shows (the earliest are left out beyond it, and the timeline says so).</summary>
    public const int MaxEvents = 2000;

    /// <summary>The timeline of <paramref name="personId"/>, with their family's when <paramref name="family"/>.</summary>
    /// <exception cref="AccessDeniedException">Refused (on record), or no such person.</exception>
    public static Timeline Of(Caller caller, string personId, bool family = false)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrEmpty(personId);
        var workspace = caller.Workspace;
        var index = new PersonIndex(workspace.Vault);
        var records = index.RecordDetailsOf(personId);
        caller.Permit(Capability.ViewTimelines, AuditAction.Read, $"timeline of person {personId}{(family ? " and their family" : "")}", inScope: records.Count > 0);
        var people = new List<(string Person, string Relation)> { (personId, "this person") };
        if (family)
        {
            people.AddRange(index.FamilyOf(personId).Select(l => l.PersonA == personId ? (l.PersonB, $"{l.Relation} (as {personId}'s)") : (l.PersonA, l.Relation)).DistinctBy(p => p.Item1));
        }

        var events = new List<TimelineEvent>();
        foreach (var (person, relation) in people)
        {
            events.AddRange(EventsOf(workspace, person == personId ? records : index.RecordDetailsOf(person), person, relation));
        }

        var ordered = events.OrderBy(e => e.Date).ThenBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Type, StringComparer.Ordinal).ToList();
        return new Timeline(personId, people.Count, ordered.Count > MaxEvents ? ordered[^MaxEvents..] : ordered, Math.Max(0, ordered.Count - MaxEvents));
    }

    // The events of one person's records: rows of every file with events whose person key (or, without one, whose record) is theirs.
    private static IEnumerable<TimelineEvent> EventsOf(Workspace workspace, IReadOnlyList<(string Source, string File, string SourceId, string? PersonKey)> records, string person, string relation)
    {
        var registered = workspace.Sources.List().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        using var connection = workspace.Vault.Open();
        foreach (var source in records.Select(r => r.Source).Distinct(StringComparer.Ordinal).Where(registered.Contains))
        {
            var keys = records.Where(r => r.Source == source && r.PersonKey is not null).Select(r => r.PersonKey!).Distinct(StringComparer.Ordinal).ToList();
            var laws = ProtectedRecords.LawsOf(workspace, source);
            var all = workspace.Sources.Dictionaries(source).SelectMany(d => d.Files).ToList();
            var files = all.Where(f => f.Events.Count > 0).DistinctBy(f => f.Name.ToLowerInvariant());
            foreach (var file in files.Where(f => workspace.Vault.HasRows(source, f.Name.ToLowerInvariant())))
            {
                // The fields holding a person's key: the file's own, and any referring to a person file (an allegation's perpetrator as well as its victim).
                var personFields = new[] { file.PersonKey }.Concat(file.References
                        .Where(r => r.Fields.Count == 1 && all.Any(f => string.Equals(f.Name, r.File, StringComparison.OrdinalIgnoreCase) && f.PersonKey is not null && f.PrimaryKey.SequenceEqual([f.PersonKey])))
                        .Select(r => r.Fields[0]))
                    .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                var (columns, values) = personFields.Count > 0
                    ? (personFields, keys)
                    : (file.PrimaryKey.Count == 1 ? [file.PrimaryKey[0]] : [], records.Where(r => r.Source == source && string.Equals(r.File, file.Name, StringComparison.OrdinalIgnoreCase)).Select(r => r.SourceId).ToList());
                if (columns.Count == 0 || values.Count == 0)
                {
                    continue;
                }

                var fields = file.Events.SelectMany(e => new[] { e.Date, e.EndDate, e.Provider }).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                var select = string.Join(", ", fields.Select(f => $"CAST({SqlText.Quote(f.ToLowerInvariant())} AS VARCHAR)"));
                var list = string.Join(", ", values.Select(SqlText.Literal));
                var sql = $"SELECT {select} FROM {SqlText.Quote(source)}.{SqlText.Quote(file.Name.ToLowerInvariant())} WHERE {string.Join(" OR ", columns.Select(c => $"CAST({SqlText.Quote(c.ToLowerInvariant())} AS VARCHAR) IN ({list})"))}";
                using var command = SqlVault.Command(connection, null, sql);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    string? Value(string? field) => field is null || reader.IsDBNull(fields.IndexOf(field)) ? null : reader.GetString(fields.IndexOf(field));
                    foreach (var e in file.Events)
                    {
                        if (Day(Value(e.Date)) is { } date)
                        {
                            yield return new TimelineEvent(date, Day(Value(e.EndDate)), person, relation, source, file.Name, e.Type, Value(e.Provider), laws);
                        }
                    }
                }
            }
        }
    }

    private static DateOnly? Day(string? text) =>
        text is not null && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var value) ? DateOnly.FromDateTime(value) : null;
}

/// <summary>A timeline: the person asked for, how many persons it covers, their events in date order, and how many earlier ones were left out.</summary>
public sealed record Timeline(string Person, int Persons, IReadOnlyList<TimelineEvent> Events, int LeftOut);

/// <summary>One event: when (and until when), whose (the person and how they relate), from which source and file, what, which provider, and the laws protecting it.</summary>
public sealed record TimelineEvent(DateOnly Date, DateOnly? End, string Person, string Relation, string Source, string File, string Type, string? Provider, IReadOnlyList<string> Protections);
