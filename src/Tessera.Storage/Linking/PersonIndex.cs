using System.Data.Common;
using System.Globalization;
using Tessera.Intake.Delivering;
using Tessera.Linkage.Families;
using Tessera.Linkage.Persons;
using Tessera.Storage.Vault;

namespace Tessera.Storage.Linking;

/// <summary>
/// The master person index in the vault: every person record's current pseudonymous person id,
/// every id ever issued (so none is reused), the merges and splits of each run with their reasons,
/// reviewers' decisions, the clerical review queue and the family links. A run's results replace
/// the previous ones in one transaction, so readers see one run or the next, never a mixture.
/// </summary>
public sealed class PersonIndex(SqlVault vault)
{
    private const string Schema = DeliverySql.LedgerSchema;

    /// <summary>Each record's person id after the last run.</summary>
    public Dictionary<string, string> Current()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        Query("SELECT record_key, person_id FROM {0}.person_records", r => index[r.GetString(0)] = r.GetString(1));
        return index;
    }

    /// <summary>
    /// Each source's person keys (an HMIS PersonalID, a participant number) with the person id
    /// they belong to after the last run: how a row that is not itself a person record (an
    /// enrolment, an exit) finds its person.
    /// </summary>
    public Dictionary<(string Source, string PersonKey), string> PersonKeys()
    {
        var keys = new Dictionary<(string, string), string>();
        Query("SELECT source, person_key, MIN(person_id) FROM {0}.person_records WHERE person_key IS NOT NULL GROUP BY source, person_key", r => keys[(r.GetString(0), r.GetString(1))] = r.GetString(2));
        return keys;
    }

    /// <summary>Every person id ever issued.</summary>
    public HashSet<string> EverIssued()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        Query("SELECT person_id FROM {0}.person_ids", r => ids.Add(r.GetString(0)));
        return ids;
    }

    /// <summary>Every reviewer decision, oldest first.</summary>
    public List<LinkDecision> Decisions()
    {
        var decisions = new List<LinkDecision>();
        Query("SELECT id, record_l, record_r, decision, reviewer, decided_utc, note FROM {0}.link_decisions ORDER BY id",
            r => decisions.Add(new LinkDecision(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetDateTime(5), r.GetString(6))));
        return decisions;
    }

    /// <summary>Linkage runs, newest first.</summary>
    public List<LinkRun> Runs(int limit = 100)
    {
        var runs = new List<LinkRun>();
        Query(string.Create(CultureInfo.InvariantCulture, $"SELECT id, started_utc, finished_utc, operator, records, persons, issued, merged, split, retired, review, family_links, deliveries, summary_json FROM {{0}}.link_runs ORDER BY id DESC LIMIT {limit}"),
            r => runs.Add(new LinkRun
            {
                Id = r.GetInt64(0), StartedUtc = r.GetDateTime(1), FinishedUtc = r.GetDateTime(2), Operator = r.GetString(3), Records = r.GetInt64(4), Persons = r.GetInt64(5),
                Issued = r.GetInt64(6), Merged = r.GetInt64(7), Split = r.GetInt64(8), Retired = r.GetInt64(9), Review = r.GetInt64(10), FamilyLinks = r.GetInt64(11),
                Deliveries = r.GetString(12), SummaryJson = r.GetString(13),
            }));
        return runs;
    }

    /// <summary>The review queue of the last run, most likely matches first, without pairs decided since.</summary>
    public List<ReviewItem> ReviewQueue(int limit = 500)
    {
        var items = new List<ReviewItem>();
        Query(string.Create(CultureInfo.InvariantCulture, $"""
            SELECT q.item, q.run_id, q.record_l, q.record_r, q.person_l, q.person_r, q.match_weight, q.match_probability, q.waterfall_json FROM {Schema}.review_queue q
            WHERE NOT EXISTS (SELECT 1 FROM {Schema}.link_decisions d WHERE d.record_l = q.record_l AND d.record_r = q.record_r)
            ORDER BY q.match_probability DESC, q.item LIMIT {limit}
            """), r => items.Add(ReadItem(r)));
        return items;
    }

    /// <summary>One queued pair of the last run, or null.</summary>
    public ReviewItem? ReviewItem(long item)
    {
        ReviewItem? found = null;
        Query("SELECT item, run_id, record_l, record_r, person_l, person_r, match_weight, match_probability, waterfall_json FROM {0}.review_queue WHERE item = $1", r => found = ReadItem(r), item);
        return found;
    }

    /// <summary>The records of a person (record keys), as of the last run.</summary>
    public List<string> RecordsOf(string personId)
    {
        var keys = new List<string>();
        Query("SELECT record_key FROM {0}.person_records WHERE person_id = $1 ORDER BY record_key", r => keys.Add(r.GetString(0)), personId);
        return keys;
    }

    /// <summary>The records of a person as of the last run: source, file, id in the source and the person key the source gives them (null when it gives none).</summary>
    public List<(string Source, string File, string SourceId, string? PersonKey)> RecordDetailsOf(string personId)
    {
        var records = new List<(string, string, string, string?)>();
        Query("SELECT source, file, source_id, person_key FROM {0}.person_records WHERE person_id = $1 ORDER BY source, file, source_id",
            r => records.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3))), personId);
        return records;
    }

    /// <summary>Family links of the last run touching <paramref name="personId"/>.</summary>
    public List<(string PersonA, string PersonB, string Relation, long Evidence)> FamilyOf(string personId)
    {
        var links = new List<(string, string, string, long)>();
        Query("SELECT person_a, person_b, relation, evidence FROM {0}.family_links WHERE person_a = $1 OR person_b = $1 ORDER BY relation, person_a, person_b",
            r => links.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3))), personId);
        return links;
    }

    /// <summary>Every family link of the last run.</summary>
    public List<(string PersonA, string PersonB, string Relation, long Evidence)> FamilyLinks()
    {
        var links = new List<(string, string, string, long)>();
        Query("SELECT person_a, person_b, relation, evidence FROM {0}.family_links ORDER BY person_a, person_b", r => links.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3))));
        return links;
    }

    /// <summary>Every record of the last run with its source, file, id in the source and person id.</summary>
    public List<(string Source, string File, string SourceId, string PersonId)> Records()
    {
        var records = new List<(string, string, string, string)>();
        Query("SELECT source, file, source_id, person_id FROM {0}.person_records ORDER BY source, file, source_id", r => records.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3))));
        return records;
    }

    /// <summary>Merges, splits and retirements recorded by <paramref name="runId"/>.</summary>
    public List<(string Kind, string PersonId, string Other, long Records, string Reason)> Changes(long runId)
    {
        var changes = new List<(string, string, string, long, string)>();
        Query("SELECT kind, person_id, other_person_id, records, reason FROM {0}.person_changes WHERE run_id = $1 ORDER BY kind, person_id, other_person_id",
            r => changes.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4))), runId);
        return changes;
    }

    /// <summary>Records decisions, each pair in a canonical order, in one transaction; returns how many were new.</summary>
    public int Decide(IReadOnlyList<(string Left, string Right)> pairs, string decision, string reviewer, string note, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (decision is not (LinkDecision.Match or LinkDecision.NonMatch))
        {
            throw new ArgumentException("A decision is 'match' or 'non_match'.", nameof(decision));
        }

        using var connection = vault.Open();
        using var transaction = connection.BeginTransaction();
        var recorded = 0;
        foreach (var (left, right) in pairs.Select(p => string.CompareOrdinal(p.Left, p.Right) <= 0 ? p : (p.Right, p.Left)).Distinct())
        {
            if (left == right)
            {
                continue;
            }

            using var command = SqlVault.Command(connection, transaction,
                $"INSERT INTO {Schema}.link_decisions SELECT nextval('{Schema}.link_decision_ids'), $1, $2, $3, $4, $5, $6",
                left, right, decision, reviewer, DateTime.SpecifyKind(nowUtc, DateTimeKind.Unspecified), note);
            recorded += command.ExecuteNonQuery();
        }

        transaction.Commit();
        return recorded;
    }

    /// <summary>Reserves the next run number.</summary>
    public long NextRunId()
    {
        using var connection = vault.Open();
        using var command = SqlVault.Command(connection, null, $"SELECT nextval('{Schema}.link_run_ids')");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Replaces the index with a run's results, in one transaction.</summary>
    internal void Save(LinkRun run, IReadOnlyList<LinkedRecord> records, IReadOnlyList<string> issued, IReadOnlyList<(PersonChange Change, string Reason)> changes,
        IReadOnlyList<ReviewItem> review, IReadOnlyList<(string PersonA, string PersonB, FamilyRelation Relation, int Evidence)> family)
    {
        using var connection = vault.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var table in new[] { "person_records", "review_queue", "family_links" })
        {
            Execute(connection, transaction, $"DELETE FROM {Schema}.{table}");
        }

        vault.BulkInsert(connection, transaction, Schema, "person_records", ["record_key", "source", "file", "source_id", "person_id", "person_key"],
            records.Select(r => new object?[] { r.Key, r.Source, r.File, r.SourceId, r.PersonId, r.PersonKey }));
        vault.BulkInsert(connection, transaction, Schema, "person_ids", ["person_id", "issued_run"], issued.Select(id => new object?[] { id, run.Id }));
        vault.BulkInsert(connection, transaction, Schema, "person_changes", ["run_id", "kind", "person_id", "other_person_id", "records", "reason"],
            changes.Select(c => new object?[] { run.Id, c.Change.Kind.ToString().ToLowerInvariant(), c.Change.PersonId, c.Change.Other, (long)c.Change.Records, c.Reason }));
        vault.BulkInsert(connection, transaction, Schema, "review_queue", ["run_id", "item", "record_l", "record_r", "person_l", "person_r", "match_weight", "match_probability", "waterfall_json"],
            review.Select(q => new object?[] { run.Id, q.Item, q.LeftRecord, q.RightRecord, q.LeftPerson, q.RightPerson, q.MatchWeight, q.MatchProbability, q.WaterfallJson }));
        vault.BulkInsert(connection, transaction, Schema, "family_links", ["person_a", "person_b", "relation", "evidence"],
            family.Select(f => new object?[] { f.PersonA, f.PersonB, f.Relation.ToString().ToLowerInvariant(), (long)f.Evidence }));
        vault.BulkInsert(connection, transaction, Schema, "link_runs",
            ["id", "started_utc", "finished_utc", "operator", "records", "persons", "issued", "merged", "split", "retired", "review", "family_links", "deliveries", "summary_json"],
            [[run.Id, run.StartedUtc, run.FinishedUtc, run.Operator, run.Records, run.Persons, run.Issued, run.Merged, run.Split, run.Retired, run.Review, run.FamilyLinks, run.Deliveries, run.SummaryJson]]);
        transaction.Commit();
    }

    private static ReviewItem ReadItem(DbDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetDouble(6), r.GetDouble(7), r.GetString(8));

    private void Query(string sql, Action<DbDataReader> row, params object[] parameters)
    {
        using var connection = vault.Open();
        using var command = SqlVault.Command(connection, null, string.Format(CultureInfo.InvariantCulture, sql, Schema), parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    private static void Execute(DbConnection connection, DbTransaction? transaction, string sql) => SqlVault.Execute(connection, transaction, sql);
}
