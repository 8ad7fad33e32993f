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
                data.Add(engine, "edit-action", 5);
                data.Add(engine, "edit-and-rechain", 4);
                data.Add(engine, "edit-rechain-and-cut-checkpoints", 4);
                data.Add(engine, "edit-last-rechain-and-cut-its-checkpoint", 8);
                data.Add(engine, "cut-checkpoints", 3);
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
            (i % 2 == 0 ? test.Workspace : other).Audit.Record(Event("writer " + (i % 2), AuditAction.Read)));

        var result = test.Workspace.Audit.Verify();
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(41, result.Records);
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void Many_callers_at_once_are_written_together_and_each_gets_its_own_record(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        var returned = new System.Collections.Concurrent.ConcurrentBag<AuditRecord>();

        // Callers that arrive while a record is being written wait and are written together (group commit).
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 32 }, i => returned.Add(test.Workspace.Audit.Record(Event($"caller {i}", AuditAction.Read))));

        var result = test.Workspace.Audit.Verify();
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(201, result.Records);
        var stored = test.Workspace.Audit.Records().ToDictionary(r => r.Sequence);
        Assert.Equal(200, returned.Select(r => r.Sequence).Distinct().Count());
        Assert.All(returned, r => Assert.Equal(stored[r.Sequence].Event.Actor, r.Event.Actor));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"caller {i}").Order(StringComparer.Ordinal), returned.Select(r => r.Event.Actor).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void When_the_record_cannot_be_written_the_access_is_refused(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        var checkpoints = Path.Combine(test.Folder, Workspace.AuditCheckpointsFile);
        File.Delete(checkpoints);
        Directory.CreateDirectory(checkpoints); // a real write failure: the file cannot be opened

        var refused = Assert.Throws<AuditUnavailableException>(() => test.Workspace.Audit.Record(Event("someone", AuditAction.Read)));
        Assert.Contains("refused", refused.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void Records_hold_no_identifiers_only_what_the_caller_described(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        test.Workspace.Audit.Record(new AuditEvent("analyst@county", AuditAction.Export, "delivery 3 quarantine", "data quality review", "10.1.2.3", AuditOutcome.Denied));

        var last = test.Workspace.Audit.Records(newestFirst: true)[0];

        Assert.Equal(new AuditEvent("analyst@county", AuditAction.Export, "delivery 3 quarantine", "data quality review", "10.1.2.3", AuditOutcome.Denied), last.Event);
        Assert.Equal(DateTimeKind.Utc, last.TimeUtc.Kind);
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public async Task The_probes_rewrite_makes_audit_verify_exit_3_naming_the_record(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        WriteRecords(test.Workspace, 7);
        using (var db = test.Workspace.Operational())
        {
            Rechain(test.Workspace, db, SqlAuditLog.Table(db), 4);
        }

        CutCheckpoints(test.Workspace, fromSequence: 4);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await Cli.TesseraCli.RunAsync(["audit", "verify", "--workspace", test.Folder], output, error);

        Assert.Equal(3, code);
        Assert.Contains("first bad record: 4", output.ToString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void A_tail_cut_from_both_the_log_and_its_checkpoints_is_caught_by_an_outside_copy(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        WriteRecords(test.Workspace, 7);
        var outside = Path.Combine(test.Root, "worm-copy.log");
        File.Copy(Path.Combine(test.Folder, Workspace.AuditCheckpointsFile), outside);
        using (var db = test.Workspace.Operational())
        {
            Run(db, SqlAuditLog.Table(db), "DELETE FROM @table WHERE sequence >= 6");
        }

        CutCheckpoints(test.Workspace, fromSequence: 6);

        Assert.True(test.Workspace.Audit.Verify().IsIntact); // what the workspace alone cannot see
        var checkedAgainstCopy = test.Workspace.Audit.Verify(outside);
        Assert.Equal(6, checkedAgainstCopy.FirstBadRecord);
        Assert.Contains("outside copy", checkedAgainstCopy.Problem, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void Only_the_last_record_may_lack_a_checkpoint(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        WriteRecords(test.Workspace, 3);
        CutCheckpoints(test.Workspace, fromSequence: 4); // as after a crash between the last record and its checkpoint

        Assert.True(test.Workspace.Audit.Verify().IsIntact);
        test.Workspace.Audit.Record(Event("after the crash", AuditAction.Read));
        Assert.True(test.Workspace.Audit.Verify().IsIntact);
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void A_log_written_before_the_chain_was_keyed_verifies_and_goes_on_keyed(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        WriteRecords(test.Workspace, 3);
        // An older workspace: plain SHA-256 chain, checkpoints signed with the audit key.
        var signer = new AuditSigner(test.Workspace.Keys.DataKeyFor(AuditSigner.KeyName));
        var lines = new List<string>();
        using (var db = test.Workspace.Operational())
        {
            var previousHash = AuditRecord.GenesisHash;
            foreach (var record in test.Workspace.Audit.Records())
            {
                var relinked = record with { PreviousHash = previousHash };
                var plain = relinked with { Hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(relinked.CanonicalBytes)) };
                Run(db, SqlAuditLog.Table(db), "UPDATE @table SET previous_hash = {0}, hash = {1} WHERE sequence = {2}", plain.PreviousHash, plain.Hash, plain.Sequence);
                lines.Add(signer.Checkpoint(plain).ToLine());
                previousHash = plain.Hash;
            }
        }

        File.WriteAllLines(Path.Combine(test.Folder, Workspace.AuditCheckpointsFile), lines);
        Assert.True(test.Workspace.Audit.Verify().IsIntact, test.Workspace.Audit.Verify().Problem);

        WriteRecords(test.Workspace, 2);

        var result = test.Workspace.Audit.Verify();
        Assert.True(result.IsIntact, result.Problem);
        Assert.True(signer.IsChained(test.Workspace.Audit.Records()[^1]));
    }

    private static void WriteRecords(Workspace workspace, int count)
    {
        for (var i = 0; i < count; i++)
        {
            workspace.Audit.Record(Event("user" + i, i % 2 == 0 ? AuditAction.Read : AuditAction.Export));
        }
    }

    private static AuditEvent Event(string actor, AuditAction action) =>
        new(actor, action, "delivery 1", "testing", "127.0.0.1", AuditOutcome.Allowed);

    private static void Run(DbContext db, string table, string sql, params object[] parameters) =>
        db.Database.ExecuteSqlRaw(sql.Replace("@table", table, StringComparison.Ordinal), parameters);

    /// <summary>Changes record <paramref name="sequence"/>'s target and recomputes the plain SHA-256 chain from it to the end.</summary>
    private static void Rechain(Workspace workspace, DbContext db, string table, long sequence)
    {
        var records = workspace.Audit.Records();
        var previous = records[(int)sequence - 2];
        foreach (var record in records.Skip((int)sequence - 1))
        {
            var changed = record with { Event = record.Sequence == sequence ? record.Event with { Target = "nothing to see" } : record.Event, PreviousHash = previous.Hash };
            var rewritten = changed with { Hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(changed.CanonicalBytes)) };
            Run(db, table, "UPDATE @table SET target = {0}, previous_hash = {1}, hash = {2} WHERE sequence = {3}",
                rewritten.Event.Target, rewritten.PreviousHash, rewritten.Hash, rewritten.Sequence);
            previous = rewritten;
        }
    }

    private static void CutCheckpoints(Workspace workspace, long fromSequence)
    {
        var path = Path.Combine(workspace.Folder, Workspace.AuditCheckpointsFile);
        File.WriteAllLines(path, File.ReadAllLines(path).Where(line => AuditCheckpoint.Parse(line)!.Sequence < fromSequence));
    }

    private static void Tamper(Workspace workspace, string tampering)
    {
        using var db = workspace.Operational();
        var table = SqlAuditLog.Table(db);
        switch (tampering)
        {
            case "edit":
                Run(db, table, "UPDATE @table SET target = 'delivery 2' WHERE sequence = 4");
                break;
            case "edit-action":
                // An action that names none reads as one that cannot hash alike: still caught at its record.
                Run(db, table, "UPDATE @table SET action = 'peek' WHERE sequence = 5");
                break;
            case "edit-and-rechain":
                // Someone with database access rewrites record 4 and recomputes every hash after it
                // (plain SHA-256: they have no audit key); the checkpoints and the keyed chain tell.
                Rechain(workspace, db, table, 4);
                break;
            case "edit-rechain-and-cut-checkpoints":
                // The probe's attack: as above, and the checkpoint lines from record 4 on cut off.
                Rechain(workspace, db, table, 4);
                CutCheckpoints(workspace, fromSequence: 4);
                break;
            case "edit-last-rechain-and-cut-its-checkpoint":
                // Only the last record may lack a checkpoint, so the keyed chain alone guards it.
                Rechain(workspace, db, table, 8);
                CutCheckpoints(workspace, fromSequence: 8);
                break;
            case "cut-checkpoints":
                CutCheckpoints(workspace, fromSequence: 3);
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
