using System.CommandLine;
using System.Globalization;
using Tessera.Core.Text;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Linking;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera review</c>: the clerical review queue on the command line — list the uncertain pairs
/// of the last <c>tessera link</c>, decide one (same person or not), or split a person's records
/// into two groups. Decisions are kept for good and applied by every later run.
/// </summary>
public static class ReviewCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output) =>
        new("review", "Clerical review of linkage: list uncertain pairs, decide them, or split a person.")
        {
            ListCommand(output),
            DecideCommand(output),
            SplitCommand(output),
        };

    private static Command ListCommand(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var limit = new Option<int>("--limit") { Description = "Pairs to show, most likely matches first.", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List the pairs the last link run was unsure about (no identifiers: where each record comes from and its person id).") { limit, workspace };
        command.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.ReviewLinks, AuditAction.Read, "clerical review queue");
            var index = new PersonIndex(opened.Vault);
            var items = index.ReviewQueue(parsed.GetValue(limit));
            var csv = new CsvWriter(output);
            csv.Row("item", "probability", "weight", "left_from", "left_person", "right_from", "right_person");
            foreach (var item in items)
            {
                csv.Row(item.Item, item.MatchProbability.ToString("0.0000", CultureInfo.InvariantCulture), item.MatchWeight.ToString("0.00", CultureInfo.InvariantCulture),
                    RecordKey.Origin(item.LeftRecord), item.LeftPerson, RecordKey.Origin(item.RightRecord), item.RightPerson);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command DecideCommand(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var item = new Argument<long>("ITEM") { Description = "Queue number, as listed by 'tessera review list'." };
        var decision = new Option<string>("--decision") { Description = "'match' (the same person) or 'non_match' (different persons).", Required = true };
        var note = new Option<string>("--note") { Description = "Why, in a few words (no names or numbers that identify anyone).", DefaultValueFactory = _ => "" };
        var command = new Command("decide", "Record a decision about a queued pair; the next 'tessera link' applies it.") { item, decision, note, workspace };
        command.SetAction(parsed =>
        {
            var chosen = parsed.GetValue(decision)!.Replace('-', '_');
            if (chosen is not (LinkDecision.Match or LinkDecision.NonMatch))
            {
                throw new UsageException($"--decision must be 'match' or 'non_match' (got '{parsed.GetValue(decision)}').");
            }

            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.ReviewLinks, AuditAction.Decide, $"review item {parsed.GetValue(item)}: {chosen}");
            var index = new PersonIndex(opened.Vault);
            var queued = index.ReviewItem(parsed.GetValue(item)) ?? throw new UsageException($"The review queue has no item {parsed.GetValue(item)}; 'tessera review list' shows it.");
            index.Decide([(queued.LeftRecord, queued.RightRecord)], chosen, opened.Config.Operator, parsed.GetValue(note)!, opened.UtcNow);
            output.WriteLine($"Recorded: item {queued.Item} is {(chosen == LinkDecision.Match ? "the same person" : "two different persons")}. Run 'tessera link' to apply it.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command SplitCommand(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var person = new Argument<string>("PERSON") { Description = "The person id to split, e.g. T-4KQ7M2Z9XA." };
        var records = new Option<string[]>("--records") { Description = "Record keys (source/file/id) to move out into a person of their own; repeat for several.", Required = true, AllowMultipleArgumentsPerToken = true };
        var note = new Option<string>("--note") { Description = "Why, in a few words (no names or numbers that identify anyone).", DefaultValueFactory = _ => "" };
        var command = new Command("split", "Split a person: the named records become a separate person, and no later run joins the two groups again.") { person, records, note, workspace };
        command.SetAction(parsed =>
        {
            var id = parsed.GetValue(person)!;
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.ReviewLinks, AuditAction.Decide, $"split of person {id}");
            var index = new PersonIndex(opened.Vault);
            var all = index.RecordsOf(id);
            if (all.Count == 0)
            {
                throw new UsageException($"No person {id} in the index; run 'tessera link' first, or check the id.");
            }

            var moving = parsed.GetValue(records)!.Select(r => r.Trim()).ToHashSet(StringComparer.Ordinal);
            if (moving.FirstOrDefault(r => !all.Contains(r)) is { } stranger)
            {
                throw new UsageException($"The record '{stranger}' does not belong to person {id}.");
            }

            var staying = all.Where(r => !moving.Contains(r)).ToList();
            if (staying.Count == 0)
            {
                throw new UsageException("Name only some of the person's records: at least one must stay.");
            }

            var pairs = moving.SelectMany(m => staying.Select(s => (m, s))).ToList();
            index.Decide(pairs, LinkDecision.NonMatch, opened.Config.Operator, parsed.GetValue(note)!, opened.UtcNow);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Recorded: {moving.Count} record(s) kept apart from the other {staying.Count} of {id}. Run 'tessera link' to apply it."));
            return ExitCodes.Ok;
        });
        return command;
    }
}
