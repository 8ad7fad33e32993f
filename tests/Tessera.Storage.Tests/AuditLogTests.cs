using Microsoft.EntityFrameworkCore;
using Tessera.Governance.Audit;
using Tessera.Storage.Audit;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Tests;

/// <summary>
/// The hash-chained audit log on both engines: every kind of tampering is caught at the right
/// position, concurrent writers keep one chain, and an unwritable log refuses the access.
/// </summary>
public sealed class AuditLogTests
{
    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    public static TheoryData<Engine, string, long> Tampering
    {
        get
        {
            var data = new TheoryData<Engine, string, long>();
            foreach (var engine in new[] { Engine.Embedded, Engine.PostgreSql })
            {
                data.Add(engine, "edit", 4);
                data.Add(engine, "edit-and-rechain", 4);
                data.Add(engine, "delete", 3);
                data.Add(engine, "delete-first", 1);
                data.Add(engine, "reorder", 5);
                data.Add(engine, "truncate", 6);
                data.Add(engine, "forge-checkpoint", 2);
            }

            return data;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void An_untouched_log_verifies_with_one_checkpoint_per_record(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        WriteRecords(test.Workspace, 7);

        var result = test.Workspace.Audit.Verify();

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(8, result.Records); // the workspace's creation is record 1
        Assert.Equal(8, result.Checkpoints);
    }

    [SkippableTheory]
    [MemberData(nameof(Tampering))]
    public void Tampering_is_caught_at_the_first_bad_record(Engine engine, string tampering, long firstBad)
    {
        using var test = new TestWorkspace(engine);
        WriteRecords(test.Workspace, 7);
        Tamper(test.Workspace, tampering);

        var result = test.Workspace.Audit.Verify();

        Assert.False(result.IsIntact, tampering + " was not noticed");
        Assert.Equal(firstBad, result.FirstBadRecord);
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void Two_writers_at_once_keep_one_unbroken_chain(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        using var other = Workspace.Open(test.Folder);

        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            (i % 2 == 0 ? test.Workspace : other).Audit.Record(Event("writer " + (i % 2), "read")));

        var result = test.Workspace.Audit.Verify();
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(41, result.Records);
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void When_the_record_cannot_be_written_the_access_is_refused(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        var checkpoints = Path.Combine(test.Folder, Workspace.AuditCheckpointsFile);
        File.Delete(checkpoints);
        Directory.CreateDirectory(checkpoints); // a real write failure: the file cannot be opened

        var refused = Assert.Throws<AuditUnavailableException>(() => test.Workspace.Audit.Record(Event("someone", "read")));
        Assert.Contains("refused", refused.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void Records_hold_no_identifiers_only_what_the_caller_described(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        test.Workspace.Audit.Record(new AuditEvent("analyst@county", "export", "delivery 3 quarantine", "data quality review", "10.1.2.3", AuditOutcome.Denied));

        var last = test.Workspace.Audit.Records(newestFirst: true)[0];

        Assert.Equal(new AuditEvent("analyst@county", "export", "delivery 3 quarantine", "data quality review", "10.1.2.3", AuditOutcome.Denied), last.Event);
        Assert.Equal(DateTimeKind.Utc, last.TimeUtc.Kind);
    }

    private static void WriteRecords(Workspace workspace, int count)
    {
        for (var i = 0; i < count; i++)
        {
            workspace.Audit.Record(Event("user" + i, i % 2 == 0 ? "read" : "export"));
        }
    }

    private static AuditEvent Event(string actor, string action) =>
        new(actor, action, "delivery 1", "testing", "127.0.0.1", AuditOutcome.Allowed);

    private static void Run(DbContext db, string table, string sql, params object[] parameters) =>
        db.Database.ExecuteSqlRaw(sql.Replace("@table", table, StringComparison.Ordinal), parameters);

    private static void Tamper(Workspace workspace, string tampering)
    {
        using var db = workspace.Operational();
        var table = SqlAuditLog.Table(db);
        switch (tampering)
        {
            case "edit":
                Run(db, table, "UPDATE @table SET target = 'delivery 2' WHERE sequence = 4");
                break;
            case "edit-and-rechain":
                // Someone with database access rewrites record 4 and recomputes every hash after it;
                // only the signed checkpoints outside the database can tell.
                var records = workspace.Audit.Records();
                AuditRecord? previous = records[2];
                foreach (var record in records.Skip(3))
                {
                    var changed = record.Sequence == 4 ? record.Event with { Target = "nothing to see" } : record.Event;
                    var rewritten = AuditRecord.Next(previous, record.TimeUtc, changed);
                    Run(db, table, "UPDATE @table SET target = {0}, previous_hash = {1}, hash = {2} WHERE sequence = {3}",
                        rewritten.Event.Target, rewritten.PreviousHash, rewritten.Hash, rewritten.Sequence);
                    previous = rewritten;
                }

                break;
            case "delete":
                Run(db, table, "DELETE FROM @table WHERE sequence = 3");
                break;
            case "delete-first":
                Run(db, table, "DELETE FROM @table WHERE sequence = 1");
                break;
            case "reorder":
                Run(db, table, "UPDATE @table SET sequence = -5 WHERE sequence = 5");
                Run(db, table, "UPDATE @table SET sequence = 5 WHERE sequence = 6");
                Run(db, table, "UPDATE @table SET sequence = 6 WHERE sequence = -5");
                break;
            case "truncate":
                Run(db, table, "DELETE FROM @table WHERE sequence >= 6");
                break;
            case "forge-checkpoint":
                var path = Path.Combine(workspace.Folder, Workspace.AuditCheckpointsFile);
                var lines = File.ReadAllLines(path);
                lines[1] = lines[1][..^4] + "0000";
                File.WriteAllLines(path, lines);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(tampering));
        }
    }
}
