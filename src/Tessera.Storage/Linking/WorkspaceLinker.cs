using System.Text.Json;
using Tessera.Linkage.Assignment;
using Tessera.Linkage.Clustering;
using Tessera.Linkage.Families;
using Tessera.Linkage.Persons;
using Tessera.Linkage.Running;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Linking;

/// <summary>
/// <c>tessera link</c>: links every person record in the workspace and updates the master person
/// index. Linkage runs over all current records each time (a million records take under a
/// minute), reviewers' decisions are applied as constraints, and person ids carry over from the
/// previous run (<see cref="PersonIdAssigner"/>) — so a monthly run keeps the ids of everyone
/// whose records did not change and records every merge and split with its reason.
/// </summary>
public static class WorkspaceLinker
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Links the workspace and saves the result in one transaction.</summary>
    public static LinkReport Run(Workspace workspace, string actor, WorkspaceLinkOptions options, IProgress<LinkageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(options);
        var started = workspace.UtcNow;
        using var running = RunLock(workspace);
        var index = new PersonIndex(workspace.Vault);
        string deliveries;
        WorkspaceRecords gathered;
        List<LinkDecision> decisions;
        Dictionary<string, string> previous;
        HashSet<string> everIssued;
        long runId;
        progress?.Report(new("reading records", 0, 1));
        using (workspace.Vault.KeepOpen())
        {
            deliveries = string.Join(",", workspace.Vault.Deliveries().Where(d => d.Status == "current").OrderBy(d => d.Id).Select(d => $"{d.Source}#{d.Id}"));
            gathered = WorkspaceRecords.Read(workspace);
            decisions = index.Decisions();
            previous = index.Current();
            everIssued = index.EverIssued();
            runId = index.NextRunId();
        }

        progress?.Report(new("reading records", 1, 1));
        if (options.Linkage.OneToOne == OneToOne.Optimal && gathered.Records.Select(r => r.Source).Distinct().Count() != 2)
        {
            throw new WorkspaceException("one_to_one: optimal pairs the records of exactly two sources; this workspace links a different number. Use one_to_one: greedy.");
        }

        var constraints = Constraints(decisions, gathered);
        var result = LinkageEngine.Run(gathered.Records, options.Linkage, constraints, progress, cancellationToken);

        var keys = gathered.Origins.Select(o => o.Key).ToList();
        var assignment = PersonIdAssigner.Assign(keys, result.Cluster, previous, everIssued);
        var records = gathered.Origins.Select((o, i) => o with { PersonId = assignment.PersonIds[i] }).ToList();
        var decided = decisions.SelectMany(d => new[] { (d.LeftRecord, d.Decision), (d.RightRecord, d.Decision) }).ToLookup(d => d.Item1, d => d.Item2, StringComparer.Ordinal);
        var changes = assignment.Changes.Select(c => (c, Reason(c, decided))).ToList();
        var review = ReviewQueue(result, options, gathered, assignment, decisions);
        var family = FamilyGraph.Build(result.Cluster, gathered.Memberships, gathered.Relations)
            .Select(e => (assignment.PersonIds[e.From], assignment.PersonIds[e.To], e.Relation, e.Evidence)).ToList();

        var run = new LinkRun
        {
            Id = runId, StartedUtc = started, FinishedUtc = workspace.UtcNow, Operator = actor,
            Records = records.Count, Persons = assignment.PersonIds.Distinct(StringComparer.Ordinal).Count(), Issued = assignment.Issued.Count,
            Merged = changes.Count(c => c.c.Kind == PersonChangeKind.Merged), Split = changes.Count(c => c.c.Kind == PersonChangeKind.Split),
            Retired = changes.Count(c => c.c.Kind == PersonChangeKind.Retired), Review = review.Count, FamilyLinks = family.Count,
            Deliveries = deliveries, SummaryJson = Summary(result, assignment),
        };
        progress?.Report(new("saving", 0, 1));
        index.Save(run, records, assignment.Issued, changes, review, family);
        progress?.Report(new("saving", 1, 1));
        return new LinkReport(run, gathered.Unreadable, decisions.Count);
    }

    /// <summary>
    /// Holds <c>link.lock</c> in the workspace folder for the run, so two <c>tessera link</c> runs
    /// never interleave (each would carry ids over from an index the other is replacing).
    /// </summary>
    private static FileStream RunLock(Workspace workspace)
    {
        try
        {
            return new FileStream(Path.Combine(workspace.Folder, "link.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException ex)
        {
            throw new WorkspaceException($"Another linkage run is going on in {workspace.Folder}; wait for it to finish and run 'tessera link' again. ({ex.Message})");
        }
    }

    /// <summary>
    /// The identity values (standard column → value) of one record, by key (source/file/id), with
    /// its household's address; null when the record is no longer in the workspace. Person-level:
    /// callers authorise and audit the read first.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? IdentityOf(Workspace workspace, string recordKey) => WorkspaceRecords.ReadOne(workspace, recordKey);

    private static LinkConstraints Constraints(List<LinkDecision> decisions, WorkspaceRecords gathered)
    {
        var confirmed = new List<(int, int)>(gathered.SamePerson);
        var apart = new List<(int, int)>();
        foreach (var decision in decisions)
        {
            var (left, right) = (gathered.PositionOf(decision.LeftRecord), gathered.PositionOf(decision.RightRecord));
            if (left >= 0 && right >= 0)
            {
                (decision.Decision == LinkDecision.Match ? confirmed : apart).Add((left, right));
            }
        }

        // Two members of one household the source lists each person once in are two people — unless a reviewer said they are one.
        var joined = confirmed.SelectMany(p => new[] { p, (p.Item2, p.Item1) }).ToHashSet();
        apart.AddRange(gathered.DistinctPeople.Where(p => !joined.Contains(p)));
        return new LinkConstraints { Confirmed = confirmed, KeptApart = apart };
    }

    private static string Reason(PersonChange change, ILookup<string, string> decided) => change.Kind switch
    {
        PersonChangeKind.Retired => "none of its records remain in the current deliveries",
        PersonChangeKind.Merged when change.RecordKeys.Any(k => decided[k].Contains(LinkDecision.Match)) => "a reviewer confirmed the records as one person",
        PersonChangeKind.Merged => "new or corrected records link the two persons",
        _ when change.RecordKeys.Any(k => decided[k].Contains(LinkDecision.NonMatch)) => "a reviewer separated the records",
        _ => "corrected or withdrawn records no longer link them",
    };

    /// <summary>
    /// Pairs a reviewer should look at: records kept apart although they link with a probability in
    /// the review band, and records joined to their person only by links in the band (their best
    /// such link). A pair in the band whose records are also joined by a stronger path is settled
    /// by that path and not queued.
    /// </summary>
    private static List<ReviewItem> ReviewQueue(LinkageResult result, WorkspaceLinkOptions options, WorkspaceRecords gathered, PersonIdAssignment assignment, List<LinkDecision> decisions)
    {
        var ids = assignment.PersonIds;
        var best = new double[result.Count];
        foreach (var pair in result.Pairs.Where(p => ids[p.Left] == ids[p.Right]))
        {
            best[pair.Left] = Math.Max(best[pair.Left], pair.MatchProbability);
            best[pair.Right] = Math.Max(best[pair.Right], pair.MatchProbability);
        }

        bool Uncertain(LinkedPair pair) => ids[pair.Left] != ids[pair.Right]
            ? pair.MatchProbability >= options.ReviewFrom
            : pair.MatchProbability < options.ReviewTo && (best[pair.Left] == pair.MatchProbability || best[pair.Right] == pair.MatchProbability)
              && Math.Min(best[pair.Left], best[pair.Right]) < options.ReviewTo;

        // Two members of one household that the source lists each person once in are not a question.
        var distinct = gathered.DistinctPeople.SelectMany(p => new[] { p, (p.Right, p.Left) }).ToHashSet();

        // One question per pair of persons (a worker's twelve wage records against one benefits record are one decision): the strongest pair asks it.
        var candidates = result.Pairs.Where(p => p.MatchProbability >= options.ReviewFrom && p.MatchProbability < options.ReviewTo && Uncertain(p) && !distinct.Contains((p.Left, p.Right)))
            .GroupBy(p => string.CompareOrdinal(ids[p.Left], ids[p.Right]) <= 0 ? (ids[p.Left], ids[p.Right], ids[p.Left] == ids[p.Right] ? Math.Min(p.Left, p.Right) : -1) : (ids[p.Right], ids[p.Left], -1))
            .Select(g => g.MaxBy(p => p.MatchProbability))
            .OrderByDescending(p => p.MatchProbability).ThenBy(p => p.Left).ThenBy(p => p.Right);
        var decidedPairs = decisions.Select(d => (d.LeftRecord, d.RightRecord)).ToHashSet();
        var queue = new List<ReviewItem>();
        foreach (var pair in candidates)
        {
            var (l, r) = string.CompareOrdinal(gathered.Origins[pair.Left].Key, gathered.Origins[pair.Right].Key) <= 0 ? (pair.Left, pair.Right) : (pair.Right, pair.Left);
            var (left, right) = (gathered.Origins[l].Key, gathered.Origins[r].Key);
            if (decidedPairs.Contains((left, right)))
            {
                continue;
            }

            var steps = result.Explain(l, r).Select(s => new { s.Comparison, s.Level, s.Weight });
            queue.Add(new ReviewItem(queue.Count + 1, 0, left, right, ids[l], ids[r], pair.MatchWeight, pair.MatchProbability, JsonSerializer.Serialize(steps, Json)));
        }

        return queue;
    }

    /// <summary>What the linkage pages chart: the model, blocking, the match-weight distribution and person sizes.</summary>
    private static string Summary(LinkageResult result, PersonIdAssignment assignment) => new LinkRunSummary(
        result.Prior,
        result.Model,
        result.Blocking,
        [.. result.Pairs.GroupBy(p => (int)Math.Floor(p.MatchWeight)).OrderBy(g => g.Key).Select(g => new WeightBin(g.Key, g.Count()))],
        [.. assignment.PersonIds.GroupBy(id => id, StringComparer.Ordinal).GroupBy(g => g.Count()).OrderBy(g => g.Key).Select(g => new SizeBin(g.Key, g.Count()))],
        [.. result.Timings.Select(t => new StageTime(t.Stage, t.Took.TotalSeconds))]).ToJson();
}
