using System.CommandLine;
using System.Globalization;
using Sylvan.Data.Csv;
using Tessera.Contracts.Agreements;
using Tessera.Contracts.Planning;
using Tessera.Core.Contracting;
using Tessera.Core.Text;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Planning;
using Tessera.Storage.Workspaces;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera plan</c>: the rapid assessment (<c>assessment new|list|show|participant|session|answer|agree</c>),
/// the contract inventory and its prioritisation (<c>inventory add|import|remove|rank|weight|promote</c>) and the
/// service overlap from the linked data (<c>overlap</c>). docs/planning.md.
/// </summary>
public static class PlanCommand
{
    /// <summary>The overlap's CSV header.</summary>
    public const string OverlapHeader = "sources,persons,families";

    /// <summary>The overlap by ZIP code or group's CSV header, after the group's column (<c>zip</c>, <c>sex</c>, <c>generation</c>).</summary>
    public const string GroupedHeader = "persons,one_system,several_systems,families,families_several_systems";

    /// <summary>Utilisation's CSV header by program; by source it is <c>month,source,persons</c>.</summary>
    public const string UtilisationHeader = "month,program,name,persons";

    /// <summary>The overlap by year's CSV header.</summary>
    public const string TrendHeader = "year,sources,persons,families";

    /// <summary>The inventory file's header (for <c>inventory import</c>); the ratings columns may be empty.</summary>
    public const string InventoryHeader = "id,name,kind,program,annual_value,key_date,population,outcome_data,current_performance,size,data,risk,timing,leadership";

    /// <summary>The ranking's CSV header.</summary>
    public const string RankHeader = "rank,id,name,kind,program,annual_value,key_date,score,size,data,risk,timing,leadership,short_listed,pilot,rationale,next_steps,contract";

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("plan", "Plan: rapid assessment of an agency, its contract inventory and short list, and who is served by whom.");
        var assessment = new Command("assessment", "A rapid assessment: sessions, participants, answers, agreed levels and scores.");
        assessment.Subcommands.Add(New(output));
        assessment.Subcommands.Add(List(output));
        assessment.Subcommands.Add(Show(output));
        assessment.Subcommands.Add(AddParticipant(output));
        assessment.Subcommands.Add(Session(output));
        assessment.Subcommands.Add(Answer(output));
        assessment.Subcommands.Add(Agree(output));
        var inventory = new Command("inventory", "The contract inventory of an assessment: contracts and procurements rated for readiness, ranked into a short list.");
        inventory.Subcommands.Add(AddItem(output));
        inventory.Subcommands.Add(Import(output));
        inventory.Subcommands.Add(Remove(output));
        inventory.Subcommands.Add(Weight(output));
        inventory.Subcommands.Add(Rank(output));
        inventory.Subcommands.Add(Promote(output));
        command.Subcommands.Add(assessment);
        command.Subcommands.Add(inventory);
        command.Subcommands.Add(OverlapCommand(output));
        command.Subcommands.Add(Trend(output));
        command.Subcommands.Add(UtilisationCommand(output));
        return command;
    }

    private static Argument<long> Id() => new("ASSESSMENT") { Description = "The assessment's number (tessera plan assessment list)." };

    private static Command New(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var agency = new Option<string>("--agency") { Description = "The agency assessed (a source of the workspace), e.g. benefits.", Required = true };
        var title = new Option<string>("--title") { Description = "Its title, e.g. \"Benefits agency, spring 2027\".", Required = true };
        var start = new Option<DateOnly>("--start") { Description = "The day of the preparation meeting (yyyy-MM-dd); the workshops follow two and four weeks later, the next-steps meeting in the sixth week.", Required = true };
        var run = new Command("new", "Start a rapid assessment with the series' four sessions.") { agency, title, start, workspace };
        run.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var id = Assessments.Create(Caller.Operator(opened), parsed.GetValue(agency)!, parsed.GetValue(title)!, parsed.GetValue(start));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Rapid assessment {id} started; add participants with `tessera plan assessment participant {id} --name … --team …`."));
            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command List(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var run = new Command("list", "The rapid assessments, newest first.") { workspace };
        run.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var all = Assessments.List(Caller.Operator(opened));
            if (all.Count == 0)
            {
                output.WriteLine("No rapid assessment yet: start one with `tessera plan assessment new`.");
            }

            foreach (var (id, agency, title, facilitator, participants, answers) in all)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id,4}  {title} ({agency}), run by {facilitator}: {participants} participants, {answers} answers"));
            }

            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command Show(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var assessment = Id();
        var format = new Option<string>("--format") { Description = "table, or csv (component,score,lowest_participant,highest_participant,spread).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var run = new Command("show", "The assessment's sessions, participants, scores per component with their spread, strengths, gaps and questions to discuss.") { assessment, format, workspace };
        run.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var view = Assessments.Show(Caller.Operator(opened), parsed.GetValue(assessment));
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row("component", "score", "lowest_participant", "highest_participant", "spread");
                foreach (var c in view.Result.Components)
                {
                    csv.Row(Questionnaire.Key(c.Component), Round(c.Score), Round(c.ByParticipant.Select(p => (double?)p.Score).Min()), Round(c.ByParticipant.Select(p => (double?)p.Score).Max()), Round(c.Spread));
                }

                return ExitCodes.Ok;
            }

            var a = view.Assessment;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Rapid assessment {a.Id}: {a.Title} ({a.Agency}), run by {a.Facilitator}."));
            foreach (var s in a.Sessions)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Session {s.Position}, {s.Title} ({s.Hours} h): {(s.HeldOn is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "no date")}{(s.Notes is null ? "" : " — notes recorded")}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Participants ({a.Participants.Count}): {string.Join(", ", a.Participants.Select(p => $"{p.Name} ({p.Team})"))}"));
            if (view.MissingTeams.Count > 0)
            {
                output.WriteLine($"  Nobody yet from: {string.Join(", ", view.MissingTeams)}.");
            }

            foreach (var c in view.Result.Components)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {Questionnaire.Name(c.Component),-34} {(c.Score is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) + " of 4" : "not answered")}{(c.ByParticipant.Count > 1 ? $", participants {c.ByParticipant.Min(p => p.Score):0.00} to {c.ByParticipant.Max(p => p.Score):0.00}" : "")}"));
            }

            foreach (var s in view.Result.Strengths)
            {
                output.WriteLine("  Strength: " + s.Text);
            }

            foreach (var g in view.Result.Gaps)
            {
                output.WriteLine("  Gap: " + g.Text);
            }

            foreach (var q in view.Result.ToDiscuss)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  To discuss: {q.Question.Topic} ({q.Question.Id}) — answers from {q.Answers.Min(x => x.Level)} to {q.Answers.Max(x => x.Level)}."));
            }

            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command AddParticipant(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var assessment = Id();
        var name = new Option<string>("--name") { Description = "The participant's name.", Required = true };
        var team = new Option<string>("--team") { Description = "Their team: program, budget, data, procurement or another.", Required = true };
        var run = new Command("participant", "Add a participant (or change their team).") { assessment, name, team, workspace };
        run.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            Assessments.AddParticipant(Caller.Operator(opened), parsed.GetValue(assessment), parsed.GetValue(name)!, parsed.GetValue(team)!);
            output.WriteLine($"{parsed.GetValue(name)!.Trim()} takes part.");
            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command Session(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var assessment = Id();
        var number = new Option<int>("--number") { Description = "The session: 1 preparation, 2 and 3 the workshops, 4 next steps.", Required = true };
        var date = new Option<DateOnly?>("--date") { Description = "When it is held (yyyy-MM-dd)." };
        var agenda = new Option<string?>("--agenda") { Description = "Its agenda (leave out to keep the one it has)." };
        var notes = new Option<string?>("--notes") { Description = "What was said and decided." };
        var run = new Command("session", "Set a session's date, agenda and notes.") { assessment, number, date, agenda, notes, workspace };
        run.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            Assessments.SetSession(Caller.Operator(opened), parsed.GetValue(assessment), parsed.GetValue(number), parsed.GetValue(date), parsed.GetValue(agenda), parsed.GetValue(notes));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Session {parsed.GetValue(number)} saved."));
            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command Answer(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var assessment = Id();
        var participant = new Option<string>("--participant") { Description = "Who answers (a participant).", Required = true };
        var answers = new Option<string[]>("--answer") { Description = "QUESTION=LEVEL, e.g. metrics.outcomes=2; repeat for each question.", AllowMultipleArgumentsPerToken = true };
        var file = new Option<FileInfo?>("--file") { Description = "A CSV file with the header question,level,evidence." };
        var run = new Command("answer", "Record a participant's answers (replacing their earlier answers to the same questions).") { assessment, participant, answers, file, workspace };
        run.SetAction(parsed =>
        {
            var given = new List<(string, int, string?)>();
            foreach (var pair in parsed.GetValue(answers) ?? [])
            {
                var parts = pair.Split('=', 2);
                if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var level))
                {
                    throw new UsageException($"--answer: expected QUESTION=LEVEL, e.g. metrics.outcomes=2, found '{pair}'.");
                }

                given.Add((parts[0].Trim(), level, null));
            }

            if (parsed.GetValue(file) is { } csv)
            {
                given.AddRange(AnswerFile(csv.FullName));
            }

            if (given.Count == 0)
            {
                throw new UsageException($"Give the answers: --answer QUESTION=LEVEL, or --file with the header question,level,evidence. Questions: {string.Join(", ", Questionnaire.Questions.Select(q => q.Id))}.");
            }

            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            Assessments.Answer(Caller.Operator(opened), parsed.GetValue(assessment), parsed.GetValue(participant)!, given);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{given.Count} answers of {parsed.GetValue(participant)} recorded."));
            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command Agree(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var assessment = Id();
        var question = new Option<string>("--question") { Description = "The question, e.g. goals.outcomes.", Required = true };
        var level = new Option<int?>("--level") { Description = "The level the group agreed, 1 to 4 (leave out to take the agreement back)." };
        var note = new Option<string?>("--note") { Description = "Why." };
        var run = new Command("agree", "Record the level the group agreed on a question after comparing answers.") { assessment, question, level, note, workspace };
        run.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            Assessments.Agree(Caller.Operator(opened), parsed.GetValue(assessment), parsed.GetValue(question)!, parsed.GetValue(level), parsed.GetValue(note));
            output.WriteLine(parsed.GetValue(level) is { } l ? string.Create(CultureInfo.InvariantCulture, $"Agreed: {parsed.GetValue(question)} at level {l}.") : $"The agreement on {parsed.GetValue(question)} is taken back.");
            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command AddItem(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var assessment = Id();
        var item = new Option<string?>("--item") { Description = "The item's id (to change an item; leave out for a new one)." };
        var name = new Option<string>("--name") { Description = "What it is, e.g. \"Youth employment RFP\".", Required = true };
        var kind = new Option<string>("--kind") { Description = "contract (up for renewal) or procurement (an RFP).", Required = true };
        kind.AcceptOnlyFromAmong("contract", "procurement");
        var program = new Option<string>("--program") { Description = "The program's id.", Required = true };
        var value = new Option<decimal>("--value") { Description = "Dollars a year.", Required = true };
        var date = new Option<DateOnly?>("--date") { Description = "Renewal date of a contract, RFP date of a procurement (yyyy-MM-dd)." };
        var population = new Option<string?>("--population") { Description = "Whom it serves." };
        var data = new Option<string?>("--outcome-data") { Description = "The outcome data the IDS holds for it, in words (leave out when none)." };
        var performance = new Option<string?>("--performance") { Description = "How it performs today, in words." };
        var ratings = Enum.GetValues<ReadinessCriterion>().Select(c => (c, new Option<int?>("--" + Prioritisation.Key(c)) { Description = $"The group's {Prioritisation.Name(c)} rating, 1 to 5 (leave out for the suggestion)." })).ToList();
        var run = new Command("add", "Add an item to the inventory, or change one.") { assessment, item, name, kind, program, value, date, population, data, performance, workspace };
        foreach (var (_, option) in ratings)
        {
            run.Options.Add(option);
        }

        run.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var given = ratings.Where(r => parsed.GetValue(r.Item2) is not null).ToDictionary(r => r.c, r => parsed.GetValue(r.Item2)!.Value);
            var id = Inventory.Save(Caller.Operator(opened), parsed.GetValue(assessment), new InventoryItem(parsed.GetValue(item) ?? "", parsed.GetValue(name)!,
                Enum.Parse<InventoryKind>(parsed.GetValue(kind)!, ignoreCase: true), "", parsed.GetValue(program)!, parsed.GetValue(value), parsed.GetValue(date),
                parsed.GetValue(population), parsed.GetValue(data), parsed.GetValue(performance), given));
            output.WriteLine($"Inventory item {id} saved.");
            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command Import(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var assessment = Id();
        var file = new Argument<FileInfo>("FILE") { Description = $"A CSV file with the header {InventoryHeader}." };
        var run = new Command("import", "Add (or replace) inventory items from a CSV file; all or nothing.") { assessment, file, workspace };
        run.SetAction(parsed =>
        {
            var items = InventoryFile(parsed.GetValue(file)!.FullName);
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var caller = Caller.Operator(opened);
            foreach (var item in items)
            {
                Inventory.Save(caller, parsed.GetValue(assessment), item);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{items.Count} inventory items saved."));
            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command Remove(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var assessment = Id();
        var item = new Option<string>("--item") { Description = "The item's id.", Required = true };
        var run = new Command("remove", "Take an item off the inventory.") { assessment, item, workspace };
        run.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            Inventory.Remove(Caller.Operator(opened), parsed.GetValue(assessment), parsed.GetValue(item)!);
            output.WriteLine($"Inventory item {parsed.GetValue(item)} removed.");
            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command Weight(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var assessment = Id();
        var criterion = new Option<string>("--criterion") { Description = "size, data, risk, timing or leadership.", Required = true };
        criterion.AcceptOnlyFromAmong([.. Enum.GetValues<ReadinessCriterion>().Select(Prioritisation.Key)]);
        var weight = new Option<decimal>("--weight") { Description = "How much it counts (0 or more; all start at 1).", Required = true };
        var run = new Command("weight", "Change how much a readiness criterion counts in the ranking.") { assessment, criterion, weight, workspace };
        run.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var weights = Inventory.SetWeight(Caller.Operator(opened), parsed.GetValue(assessment), Prioritisation.Parse(parsed.GetValue(criterion)!)!.Value, parsed.GetValue(weight));
            output.WriteLine("Weights: " + string.Join(", ", Enum.GetValues<ReadinessCriterion>().Select(c => string.Create(CultureInfo.InvariantCulture, $"{Prioritisation.Key(c)} {weights.Of(c)}"))));
            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command Rank(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var assessment = Id();
        var shortList = new Option<int>("--short-list") { Description = "How many items the short list holds.", DefaultValueFactory = _ => Prioritisation.ShortListSize };
        var format = new Option<string>("--format") { Description = $"table, or csv ({RankHeader}).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var run = new Command("rank", "The inventory ranked on the readiness criteria: the short list, why, next steps and the demonstration project.") { assessment, shortList, format, workspace };
        run.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var ranked = Inventory.Rank(Caller.Operator(opened), parsed.GetValue(assessment), parsed.GetValue(shortList));
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row(RankHeader.Split(','));
                foreach (var r in ranked.Items)
                {
                    var i = r.Item;
                    csv.Row([r.Rank, i.Id, i.Name, i.Kind.ToString().ToLowerInvariant(), i.Program, i.AnnualValue, i.KeyDate, r.Score.ToString("0.00", CultureInfo.InvariantCulture),
                        .. Enum.GetValues<ReadinessCriterion>().Select(c => (object?)r.Ratings[c]), r.ShortListed ? "yes" : "no", r.Pilot ? "yes" : "no", r.Rationale, string.Join(" ", r.NextSteps), i.Contract]);
                }

                return ExitCodes.Ok;
            }

            output.WriteLine("Weights: " + string.Join(", ", Enum.GetValues<ReadinessCriterion>().Select(c => string.Create(CultureInfo.InvariantCulture, $"{Prioritisation.Name(c)} {ranked.Weights.Of(c)}"))));
            foreach (var r in ranked.Items)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Rank,3}. {r.Item.Id} {r.Item.Name}: {r.Score:0.00}{(r.ShortListed ? " — short list" : "")}{(r.Pilot ? ", demonstration project" : "")}{(r.Item.Contract is { } c ? $" (draft contract {c})" : "")}"));
                output.WriteLine("       " + r.Rationale);
                if (r.ShortListed)
                {
                    foreach (var step in r.NextSteps)
                    {
                        output.WriteLine("       - " + step);
                    }
                }
            }

            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command Promote(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var assessment = Id();
        var item = new Option<string>("--item") { Description = "The inventory item.", Required = true };
        var contract = new Option<string>("--contract") { Description = "The draft contract's id, e.g. BN07-2027.", Required = true };
        var provider = new Option<string>("--provider") { Description = "The provider (a registered provider id).", Required = true };
        var start = new Option<DateOnly?>("--start") { Description = "First day (default: the item's date)." };
        var end = new Option<DateOnly?>("--end") { Description = "Last day (default: a year after the start, less a day)." };
        var metric = new Option<string>("--metric") { Description = "Its first outcome metric, e.g. wioa-employment-q2.", Required = true };
        var target = new Option<decimal>("--target") { Description = "The metric's target, e.g. 0.55.", Required = true };
        var run = new Command("promote", "Make a short-listed item a draft contract (stage plan), carrying its agency, program, value, date and population over.")
            { assessment, item, contract, provider, start, end, metric, target, workspace };
        run.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var caller = Caller.Operator(opened);
            var ranked = Inventory.Rank(caller, parsed.GetValue(assessment));
            var chosen = ranked.Items.FirstOrDefault(r => r.Item.Id == parsed.GetValue(item))?.Item
                ?? throw new WorkspaceException(string.Create(CultureInfo.InvariantCulture, $"Assessment {parsed.GetValue(assessment)} has no inventory item '{parsed.GetValue(item)}'."));
            var draft = Draft(chosen, ranked.Agency, parsed.GetValue(contract)!, parsed.GetValue(provider)!, parsed.GetValue(start), parsed.GetValue(end), parsed.GetValue(metric)!, parsed.GetValue(target), DateOnly.FromDateTime(opened.UtcNow));
            ContractRegistry.Save(caller, draft, string.Create(CultureInfo.InvariantCulture, $"promoted from rapid assessment {parsed.GetValue(assessment)}, inventory item {chosen.Id}"));
            Inventory.Promoted(caller, parsed.GetValue(assessment), chosen.Id, draft.Id.Value);
            output.WriteLine($"Draft contract {draft.Id} (stage plan) made from {chosen.Id} {chosen.Name}.");
            return ExitCodes.Ok;
        });
        return run;
    }

    /// <summary>The draft contract an inventory item becomes: its agency, program, value, date and population, at stage plan.</summary>
    private static Contract Draft(InventoryItem item, string agency, string id, string provider, DateOnly? start, DateOnly? end, string metric, decimal target, DateOnly today)
    {
        if (!ContractId.TryParse(id, out var contractId))
        {
            throw new UsageException($"--contract: expected letters, digits, dots, dashes or underscores, found '{id}'.");
        }

        if (!ProviderId.TryParse(provider, out var providerId))
        {
            throw new UsageException($"--provider: expected a provider id, found '{provider}'.");
        }

        var first = start ?? item.KeyDate ?? today;
        var last = end ?? first.AddYears(1).AddDays(-1);
        return new Contract(contractId, agency, providerId, item.Program, first, last, new Money(item.AnnualValue), null, ContractStage.Plan, item.Population,
            [new ContractMetric(metric, MeasureType.Outcome, [new PeriodTarget(first, target, "agency", today, $"set when promoted from the inventory ({item.Name})")], 0m, null)]);
    }

    private static Command OverlapCommand(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var from = new Option<DateOnly?>("--from") { Description = "First day (yyyy-MM-dd): count a person for a source only if they have an event of it from this day." };
        var to = new Option<DateOnly?>("--to") { Description = "Last day (yyyy-MM-dd)." };
        var format = new Option<string>("--format") { Description = $"table, or csv ({OverlapHeader}; with --by, the group then {GroupedHeader}).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var by = new Option<string?>("--by") { Description = "Instead of the combinations, each ZIP code's or group's persons (and by ZIP code, families) in one system and in several: zip, sex or generation." };
        by.AcceptOnlyFromAmong("zip", "sex", "generation");
        var run = new Command("overlap", "How many persons and families each combination of agencies touches, from the linked data.") { from, to, by, format, workspace };
        run.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            if (parsed.GetValue(by) is { } breakdown)
            {
                WriteGrouped(output, ServiceOverlap.By(Caller.Operator(opened), Enum.Parse<OverlapBreakdown>(breakdown, ignoreCase: true), parsed.GetValue(from), parsed.GetValue(to)),
                    parsed.GetValue(format) == "csv");
                return ExitCodes.Ok;
            }

            var overlap = ServiceOverlap.Of(Caller.Operator(opened), parsed.GetValue(from), parsed.GetValue(to));
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row(OverlapHeader.Split(','));
                foreach (var row in overlap.Rows.Where(r => r.Persons != 0))
                {
                    csv.Row(row.Key, row.Persons, row.Families);
                }

                return ExitCodes.Ok;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{overlap.Persons:N0} persons in {overlap.Families:N0} families (link run {overlap.LinkRun}{(overlap.From is null && overlap.To is null ? "" : $", {overlap.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "start"} to {overlap.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "end"}")}); {overlap.FamiliesAcrossSystems:N0} families have members in two or more systems."));
            foreach (var total in overlap.SourceTotals)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {total.Source,-20} {(total.AtLeast ? "at least " : "")}{total.Persons,10:N0} persons {total.Families,10:N0} families"));
            }

            foreach (var row in overlap.Rows)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(row.Persons is { } p ? p.ToString("N0", CultureInfo.InvariantCulture) : "hidden"),10} {(row.Families is { } f ? f.ToString("N0", CultureInfo.InvariantCulture) : "hidden"),10}  {row.Key}"));
            }

            return ExitCodes.Ok;
        });
        return run;
    }

    private static void WriteGrouped(TextWriter output, GroupedOverlap grouped, bool asCsv)
    {
        if (asCsv)
        {
            var csv = new CsvWriter(output);
            csv.Row([ServiceOverlap.Name(grouped.By), .. GroupedHeader.Split(',')]);
            foreach (var row in grouped.Rows)
            {
                csv.Row(row.Group, row.Persons, row.OneSystem, row.SeveralSystems, row.Families, row.FamiliesAcrossSystems);
            }

            return;
        }

        static string Count(long? n) => n is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "hidden";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ServiceOverlap.Name(grouped.By),-22} {"persons",10} {"one system",11} {"several",10}{(grouped.HasFamilies ? $" {"families",10} {"in several",11}" : "")}"));
        foreach (var row in grouped.Rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Group,-22} {Count(row.Persons),10} {Count(row.OneSystem),11} {Count(row.SeveralSystems),10}{(grouped.HasFamilies ? $" {Count(row.Families),10} {Count(row.FamiliesAcrossSystems),11}" : "")}"));
        }
    }

    private static Command UtilisationCommand(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var from = new Option<DateOnly?>("--from") { Description = "A day of the first month (yyyy-MM-dd); without it, two years up to --to." };
        var to = new Option<DateOnly?>("--to") { Description = "A day of the last month (yyyy-MM-dd); without it, the last month the deliveries report on." };
        var by = new Option<string>("--by") { Description = "program (through the registry's provider codes) or source (each agency).", DefaultValueFactory = _ => "program" };
        by.AcceptOnlyFromAmong("program", "source");
        var format = new Option<string>("--format") { Description = $"table, or csv ({UtilisationHeader}; by source month,source,persons).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var run = new Command("utilisation", "How many persons each program (or agency) served in each month, from the linked data.") { from, to, by, format, workspace };
        run.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var table = Utilisation.Of(Caller.Operator(opened), Enum.Parse<UtilisationBy>(parsed.GetValue(by)!, ignoreCase: true), parsed.GetValue(from), parsed.GetValue(to));
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row(table.By == UtilisationBy.Program ? UtilisationHeader.Split(',') : ["month", "source", "persons"]);
                foreach (var row in table.Rows)
                {
                    foreach (var (month, persons) in table.Months.Zip(row.Persons))
                    {
                        if (table.By == UtilisationBy.Program)
                        {
                            csv.Row(month.ToString(), row.Id, row.Name, persons);
                        }
                        else
                        {
                            csv.Row(month.ToString(), row.Id, persons);
                        }
                    }
                }

                return ExitCodes.Ok;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Persons served per month, {table.Months[0]} to {table.Months[^1]} (link run {table.LinkRun}):"));
            output.WriteLine(string.Join(' ', new[] { $"{"month",-8}" }.Concat(table.Rows.Select(r => $"{Short(r.Id),14}"))));
            for (var m = 0; m < table.Months.Count; m++)
            {
                output.WriteLine(string.Join(' ', new[] { $"{table.Months[m],-8}" }.Concat(table.Rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{(r.Persons[m] is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "hidden"),14}")))));
            }

            return ExitCodes.Ok;
        });
        return run;
    }

    private static string Short(string id) => id.Length <= 14 ? id : id[..13] + "…";

    private static Command Trend(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var format = new Option<string>("--format") { Description = $"table, or csv ({TrendHeader}).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var run = new Command("trend", "The service overlap of each calendar year the deliveries cover: how the combinations of agencies change over time.") { format, workspace };
        run.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var years = ServiceOverlap.ByYear(Caller.Operator(opened));
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row(TrendHeader.Split(','));
                foreach (var (year, overlap) in years)
                {
                    foreach (var row in overlap.Rows.Where(r => r.Persons != 0))
                    {
                        csv.Row(year, row.Key, row.Persons, row.Families);
                    }
                }

                return ExitCodes.Ok;
            }

            foreach (var (year, overlap) in years)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{year}: {overlap.Persons:N0} persons in {overlap.Families:N0} families; {overlap.FamiliesAcrossSystems:N0} families in two or more systems; largest: {string.Join(", ", overlap.Rows.Take(3).Select(r => $"{r.Key} {r.Persons:N0}"))}"));
            }

            return ExitCodes.Ok;
        });
        return run;
    }

    private static List<(string, int, string?)> AnswerFile(string path)
    {
        var lines = CsvLines(path);
        if (lines.Count == 0 || !lines[0].Cells.Select(c => c.TrimStart('\uFEFF').ToLowerInvariant()).SequenceEqual(["question", "level", "evidence"]))
        {
            throw new UsageException($"{Path.GetFileName(path)}, line 1: expected the header question,level,evidence.");
        }

        var answers = new List<(string, int, string?)>();
        foreach (var (cells, line) in lines.Skip(1))
        {
            if (cells.Count < 2 || !int.TryParse(cells[1], NumberStyles.None, CultureInfo.InvariantCulture, out var level))
            {
                throw new UsageException($"{Path.GetFileName(path)}, line {line}, level: expected a whole number 1 to 4, found '{(cells.Count > 1 ? cells[1] : "")}'.");
            }

            answers.Add((cells[0], level, cells.Count > 2 && cells[2].Length > 0 ? cells[2] : null));
        }

        return answers;
    }

    private static List<InventoryItem> InventoryFile(string path)
    {
        var lines = CsvLines(path);
        var header = InventoryHeader.Split(',');
        if (lines.Count == 0 || !lines[0].Cells.Select(c => c.TrimStart('\uFEFF').ToLowerInvariant()).SequenceEqual(header))
        {
            throw new UsageException($"{Path.GetFileName(path)}, line 1: expected the header {InventoryHeader}.");
        }

        var items = new List<InventoryItem>();
        foreach (var (cells, line) in lines.Skip(1))
        {
            string Where(string field) => $"{Path.GetFileName(path)}, line {line}, {field}";
            if (cells.Count != header.Length)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}, line {line}: expected {header.Length} fields, found {cells.Count}."));
            }

            var kind = Enum.TryParse<InventoryKind>(cells[2], true, out var k) ? k : throw new UsageException($"{Where("kind")}: expected contract or procurement, found '{cells[2]}'.");
            var value = decimal.TryParse(cells[4], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : throw new UsageException($"{Where("annual_value")}: expected dollars, e.g. 250000, found '{cells[4]}'.");
            DateOnly? date = cells[5].Length == 0 ? null
                : DateOnly.TryParseExact(cells[5], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw new UsageException($"{Where("key_date")}: expected a date written yyyy-MM-dd, found '{cells[5]}'.");
            var ratings = new Dictionary<ReadinessCriterion, int>();
            foreach (var (criterion, column) in Enum.GetValues<ReadinessCriterion>().Select((c, i) => (c, 9 + i)))
            {
                if (cells[column].Length == 0)
                {
                    continue;
                }

                ratings[criterion] = int.TryParse(cells[column], NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is >= 1 and <= 5
                    ? r : throw new UsageException($"{Where(header[column])}: expected a rating 1 to 5 or nothing, found '{cells[column]}'.");
            }

            items.Add(new InventoryItem(cells[0], cells[1], kind, "", cells[3], value, date, Empty(cells[6]), Empty(cells[7]), Empty(cells[8]), ratings));
        }

        return items;
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;

    // The file's rows after the header, as cells, with their line numbers (line 1 is the header); the header's cells first.
    private static List<(List<string> Cells, int Line)> CsvLines(string path)
    {
        using var reader = CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = false, Delimiter = ',' });
        var rows = new List<(List<string>, int)>();
        while (reader.Read())
        {
            var cells = Enumerable.Range(0, reader.RowFieldCount).Select(i => reader.GetString(i).Trim()).ToList();
            if (cells.Any(c => c.Length > 0))
            {
                rows.Add((cells, reader.RowNumber));
            }
        }

        return rows;
    }
}
