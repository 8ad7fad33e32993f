using System.CommandLine;
using Tessera.Governance.Audit;
using Tessera.Storage.Workspaces;

namespace Tessera.Cli.Tests;

/// <summary>
/// The CLI's side of the authorisation matrix: every command, run as the workspace operator, with
/// the exit code it must give and the audit record it must leave (or none, for commands that open
/// no workspace or only check the log). A command missing from the table fails the test.
/// </summary>
public sealed class CommandAuthorisationTests : IDisposable
{
    private const string Dictionary = """
        source: clinic
        files:
          - name: visits
            primary_key: [visit_id]
            person_key: visit_id
            fields:
              - { name: visit_id, type: string, required: true }
              - { name: first_name, type: string, sensitivity: direct_identifier }
            identity: { given_name: first_name }
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("tessera-cli-matrix-").FullName;

    private string Folder => Path.Combine(_root, "ws");

    /// <summary>Command → arguments after the command, expected exit code, expected audit action (null: none).</summary>
    private (string Command, string[] Arguments, int Exit, string? Audited)[] Matrix => [
        ("init", [Folder], 0, "configure"),
        ("source add", ["clinic", "--dictionary", Path.Combine(_root, "clinic.yaml"), "--workspace", Folder], 0, "configure"),
        ("source list", ["--workspace", Folder], 0, "read"),
        ("ingest", ["--source", "clinic", Path.Combine(_root, "2024-05"), "--workspace", Folder], 0, "ingest"),
        ("deliveries", ["--workspace", Folder], 0, "read"),
        ("quality", ["1", "--out", _root, "--workspace", Folder], 0, "read"),
        ("link", ["--workspace", Folder], 0, "link"),
        ("review list", ["--workspace", Folder], 0, "read"),
        ("timeline", ["NOBODY", "--family", "--workspace", Folder], 2, "denied"), // no such person: not found
        ("plan overlap", ["--format", "csv", "--workspace", Folder], 0, "read"),
        ("plan trend", ["--format", "csv", "--workspace", Folder], 0, "read"),
        ("plan utilisation", ["--by", "source", "--format", "csv", "--workspace", Folder], 0, "read"),
        ("plan assessment new", ["--agency", "clinic", "--title", "Clinic, spring 2027", "--start", "2027-01-11", "--workspace", Folder], 0, "configure"),
        ("plan assessment list", ["--workspace", Folder], 0, "read"),
        ("plan assessment participant", ["1", "--name", "Ana", "--team", "program", "--workspace", Folder], 0, "configure"),
        ("plan assessment session", ["1", "--number", "1", "--date", "2027-01-12", "--notes", "Held.", "--workspace", Folder], 0, "configure"),
        ("plan assessment answer", ["1", "--participant", "Ana", "--answer", "goals.outcomes=3", "--workspace", Folder], 0, "configure"),
        ("plan assessment agree", ["1", "--question", "goals.outcomes", "--level", "2", "--workspace", Folder], 0, "configure"),
        ("plan assessment show", ["1", "--workspace", Folder], 0, "read"),
        ("plan inventory add", ["1", "--name", "Training", "--kind", "contract", "--program", "job-training", "--value", "100000", "--date", "2027-09-01", "--workspace", Folder], 0, "configure"),
        ("plan inventory import", ["1", Path.Combine(_root, "inventory.csv"), "--workspace", Folder], 0, "configure"),
        ("plan inventory weight", ["1", "--criterion", "data", "--weight", "2", "--workspace", Folder], 0, "configure"),
        ("plan inventory rank", ["1", "--format", "csv", "--workspace", Folder], 0, "read"),
        ("plan inventory remove", ["1", "--item", "I2", "--workspace", Folder], 0, "configure"),
        ("plan inventory promote", ["2", "--item", "I1", "--contract", "CL01-2027", "--provider", "WF01", "--metric", "acm-training-completion", "--target", "0.5", "--workspace", Folder], 2, "denied"), // no assessment 2: not found
        ("review decide", ["1", "--decision", "non_match", "--workspace", Folder], 0, "decide"),
        ("review split", ["T-NOBODY", "--records", "clinic/visits/V1", "--workspace", Folder], 2, "decide"),
        ("report hud-spm", ["--from", "2020-10-01", "--to", "2021-09-30", "--workspace", Folder], 2, "report"),
        ("metrics list", ["--workspace", Folder], 0, "read"),
        ("metrics compute", ["--workspace", Folder], 0, "compute"),
        ("metrics show", ["acm-training-completion", "--workspace", Folder], 2, "read"),
        ("metrics members", ["acm-training-completion", "--period", "2024-01-01", "--workspace", Folder], 2, "read"),
        ("metrics queue", ["--run", "--workspace", Folder], 0, "compute"),
        ("audit list", ["--workspace", Folder], 0, "read"),
        ("audit verify", ["--workspace", Folder], 0, null),
        ("tokens create", ["--name", "clinic-sync", "--source", "clinic", "--workspace", Folder], 0, "configure"),
        ("tokens list", ["--workspace", Folder], 0, "read"),
        ("tokens revoke", ["clinic-sync", "--workspace", Folder], 0, "configure"),
        ("providers import", [Path.Combine(_root, "providers.yaml"), "--workspace", Folder], 0, "configure"),
        ("providers list", ["--workspace", Folder], 0, "read"),
        ("providers unmapped", ["--workspace", Folder], 0, "read"),
        ("agreements import", [Path.Combine(_root, "agreements.yaml"), "--workspace", Folder], 0, "configure"),
        ("agreements list", ["--workspace", Folder], 0, "read"),
        ("agreements approve", ["dul-eval-1", "--as", "review-body", "--workspace", Folder], 0, "decide"),
        ("agreements consult", ["dul-eval-1", "--workspace", Folder], 0, "decide"),
        ("agreements revoke", ["dsa-wf", "--workspace", Folder], 0, "decide"),
        // The licence's data sharing agreement was just revoked: refused with the reason, and on record.
        ("release build", ["--dul", "dul-eval-1", "--out", Path.Combine(_root, "release"), "--workspace", Folder], 2, "export"),
        ("release list", ["--workspace", Folder], 0, "read"),
        ("release download", ["1", "--out", Path.Combine(_root, "release"), "--workspace", Folder], 2, "denied"), // no release 1: not found
        ("transparency publish", ["--metric", "acm-training-completion", "--period", "2024", "--workspace", Folder], 2, "report"), // allowed and on record; no workforce data here
        ("transparency budget", ["clinic", "--total", "2", "--workspace", Folder], 0, "configure"),
        ("transparency list", ["--workspace", Folder], 0, null), // public figures
        // Allowed and on record; the metrics' sources have no data here.
        ("evaluate dose-response", ["--metric", "wioa-employment-q2", "--dose", "exit_reason", "--bands", "COMPLETED,DROPPED_OUT|NO_SHOW", "--workspace", Folder], 2, "compute"),
        ("evaluate compare", ["--metric", "hmis-household-exit-to-permanent-housing", "--participation", "job_training", "--workspace", Folder], 2, "compute"),
        ("evaluate disparity", ["--metric", "hmis-household-exit-to-permanent-housing", "--by", "race", "--reference", "White", "--workspace", Folder], 2, "compute"),
        ("evaluate rdd", ["--outcome", "cw-rereport-after-assessment-12m", "--score", "risk_score", "--cutoff", "45", "--workspace", Folder], 2, "compute"),
        ("evaluate before-after", ["--metric", "twogen-parent-employment-after-subsidy", "--workspace", Folder], 2, "compute"),
        ("evaluate list", ["--workspace", Folder], 0, "read"),
        ("evaluate show", ["1", "--workspace", Folder], 2, "denied"), // no evaluation 1: not found
        ("contracts import", [Path.Combine(_root, "contracts.yaml"), "--workspace", Folder], 0, "configure"),
        ("contracts list", ["--workspace", Folder], 0, "read"),
        ("contracts show", ["WF01-2024", "--workspace", Folder], 0, "read"),
        ("contracts performance", ["WF01-2024", "--workspace", Folder], 0, "read"),
        ("payments run", ["--contract", "WF01-2024", "--period", "2024-Q1", "--workspace", Folder], 0, "compute"),
        ("payments list", ["--workspace", Folder], 0, "read"),
        ("payments statement", ["1", "--workspace", Folder], 0, "read"),
        // The operator prepared statement 1, so the operator may not approve it (two-person rule).
        ("payments approve", ["1", "--workspace", Folder], 2, "decide"),
        ("payments evidence", ["1", "--workspace", Folder], 0, "export"),
        ("payments simulate", ["--program", "job-training", "--rate-card", Path.Combine(_root, "card.yaml"), "--from", "2024-01-01", "--to", "2024-12-31", "--workspace", Folder], 0, "compute"),
        ("acm alerts", ["--program", "job-training", "--format", "csv", "--workspace", Folder], 0, "read"),
        ("acm acknowledge", ["1", "--note", "calling them", "--workspace", Folder], 2, "denied"), // no alert 1: not found
        ("acm close", ["1", "--workspace", Folder], 2, "denied"),
        ("acm actions", ["--workspace", Folder], 0, "read"),
        ("acm sample", ["--contract", "WF01-2024", "--metric", "acm-training-completion", "--seed", "7", "--workspace", Folder], 2, "read"), // allowed and on record; the metric was never computed here
        ("acm dashboard", ["--program", "job-training", "--metric", "acm-training-completion", "--workspace", Folder], 0, "read"),
        ("sessions list", ["--workspace", Folder], 0, "read"),
        ("sessions end", ["--all", "--workspace", Folder], 0, "configure"),
        ("keys list", ["--workspace", Folder], 0, "read"),
        ("keys rotate", ["--new-key-file", Path.Combine(_root, "next.tessera-key"), "--workspace", Folder], 0, "configure"),
        ("keys destroy", ["--source", "clinic", "--workspace", Folder], 0, "configure"),
        ("synth", ["--people", "30", "--months", "1", "--out", Path.Combine(_root, "county")], 0, null),
        ("linkage run", ["--input", Path.Combine(_root, "people.csv"), "--out", Path.Combine(_root, "linked")], 0, null),
        ("linkage evaluate", ["--clusters", Path.Combine(_root, "linked", "clusters.csv"), "--truth", Path.Combine(_root, "truth.csv")], 0, null),
        ("encode", ["--schema", Path.Combine(_root, "schema.json"), "--secret-file", Path.Combine(_root, "secret.txt"), "--input", Path.Combine(_root, "people.csv"), "--out", Path.Combine(_root, "clks.json")], 0, null), // no workspace: nothing to audit
        // Long-running servers: listed so the table stays complete; covered by the web tests.
        ("serve", [], -1, null),
        ("demo", [], -1, null),
    ];

    [Fact]
    public void Every_command_has_a_row()
    {
        Assert.Equal(Leaves(TesseraCli.BuildRoot(TextWriter.Null, TextWriter.Null), "").Order(StringComparer.Ordinal), Matrix.Select(m => m.Command).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_command_runs_as_the_operator_and_leaves_its_audit_record()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "clinic.yaml"), Dictionary);
        await File.WriteAllTextAsync(Path.Combine(_root, "contracts.yaml"), "contracts:\n  - { id: WF01-2024, agency: workforce, provider: WF01, program: job-training, start: 2024-01-01, end: 2024-12-31, metrics: [{ metric: acm-training-completion, type: outcome, target: 0.5 }], payments: { base: 100000.00, outcomes: [{ metric: acm-training-completion, rate: 500.00 }] } }\n");
        await File.WriteAllTextAsync(Path.Combine(_root, "agreements.yaml"), "emou: { id: county-emou, parties: [homelessness, workforce], review_body: review-body, start: 2024-01-01, end: 2028-12-31 }\ndsas:\n  - { id: dsa-wf, partner: workforce, sources: [workforce], transfer: plaintext, destroy_on: 2028-12-31 }\nduls:\n  - { id: dul-eval-1, licensee: analyst@university.example, project: p, purpose: x, sources: { workforce: [participants] }, level: deidentified, start: 2025-01-01, end: 2025-12-31 }\n");
        await File.WriteAllTextAsync(Path.Combine(_root, "card.yaml"), "metrics: [{ metric: acm-training-completion, type: outcome, target: 0.5 }]\npayments: { base: 100000.00, outcomes: [{ metric: acm-training-completion, rate: 500.00 }] }\n");
        await File.WriteAllTextAsync(Path.Combine(_root, "providers.yaml"), "providers:\n  - { id: WF01, name: Northside Training, program: job-training, identifiers: [{ source: workforce, field: provider_id, value: WF01 }] }\n");
        Directory.CreateDirectory(Path.Combine(_root, "2024-05"));
        await File.WriteAllTextAsync(Path.Combine(_root, "2024-05", "visits.csv"), "visit_id,first_name\nV1,Ada\nV2,Alan\n");
        await File.WriteAllTextAsync(Path.Combine(_root, "inventory.csv"), "id,name,kind,program,annual_value,key_date,population,outcome_data,current_performance,size,data,risk,timing,leadership\n,Reentry RFP,procurement,reentry,500000,2027-06-01,,,,3,1,4,5,5\n");
        await File.WriteAllTextAsync(Path.Combine(_root, "people.csv"), "record_id,given_name,family_name,birth_date\n1,Ada,Lovelace,1815-12-10\n2,Ada,Lovelace,1815-12-10\n3,Alan,Turing,1912-06-23\n");
        await File.WriteAllTextAsync(Path.Combine(_root, "schema.json"), "{\"version\": 3, \"clkConfig\": {\"l\": 512, \"kdf\": {\"type\": \"HKDF\"}}, \"features\": [{\"identifier\": \"record_id\", \"ignored\": true}, {\"identifier\": \"given_name\", \"format\": {\"type\": \"string\"}, \"hashing\": {\"comparison\": {\"type\": \"ngram\", \"n\": 2}, \"strategy\": {\"bitsPerToken\": 20}}}, {\"identifier\": \"family_name\", \"ignored\": true}, {\"identifier\": \"birth_date\", \"format\": {\"type\": \"date\", \"format\": \"%Y-%m-%d\"}, \"hashing\": {\"comparison\": {\"type\": \"exact\"}, \"strategy\": {\"bitsPerToken\": 30}}}]}");
        await File.WriteAllTextAsync(Path.Combine(_root, "secret.txt"), "the partners' shared secret");
        await File.WriteAllTextAsync(Path.Combine(_root, "truth.csv"), "source,record_id,person_id\npeople,1,a\npeople,2,a\npeople,3,b\n");
        long before = 0;
        foreach (var (command, arguments, exit, audited) in Matrix.Where(m => m.Exit >= 0))
        {
            var (code, _, error) = await Cli.Run([.. command.Split(' '), .. arguments]);
            Assert.True(code == exit, $"{command}: exit {code}, expected {exit}: {error}");
            using var workspace = Workspace.Open(Folder);
            var records = workspace.Audit.Records();
            var added = records.Skip((int)before).ToList();
            if (audited is null)
            {
                Assert.Empty(added);
            }
            else
            {
                // The access itself first; a change then records what it changed.
                Assert.NotEmpty(added);
                Assert.Equal(audited, added[0].Event.Action.Text());
                Assert.All(added, r => Assert.Equal(workspace.Config.Operator, r.Event.Actor));
            }

            before = records.Count;
        }

        using var end = Workspace.Open(Folder);
        Assert.True(end.Audit.Verify().IsIntact);
    }

    private static IEnumerable<string> Leaves(Command command, string path)
    {
        foreach (var sub in command.Subcommands)
        {
            var name = path.Length == 0 ? sub.Name : path + " " + sub.Name;
            if (sub.Subcommands.Count == 0)
            {
                yield return name;
            }
            else
            {
                foreach (var leaf in Leaves(sub, name))
                {
                    yield return leaf;
                }
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Files still closing; the temporary folder is cleaned later.
        }
    }
}
