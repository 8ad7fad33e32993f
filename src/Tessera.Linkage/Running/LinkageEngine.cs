using Tessera.Linkage.Blocking;
using Tessera.Linkage.Clustering;
using Tessera.Linkage.Comparisons;
using Tessera.Linkage.Inference;
using Tessera.Linkage.Records;
using Tessera.Linkage.Training;

namespace Tessera.Linkage.Running;

/// <summary>
/// Runs linkage end to end on records in memory: standardise, block, compare, estimate u from
/// random pairs and m by EM, score, and cluster into persons. Blocks are independent partitions
/// and training works on summed pattern counts, so the same steps spread over machines.
/// </summary>
public static class LinkageEngine
{
    /// <summary>Links <paramref name="records"/> within and across sources with the default model trained on them.</summary>
    public static LinkageResult Run(IReadOnlyList<IdentityRecord> records, LinkageOptions options, IProgress<LinkageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        var timings = new StageTimings();
        progress?.Report(new("standardising", 0, records.Count));
        var prepared = PreparedRecords.From(records);
        progress?.Report(new("standardising", records.Count, records.Count));
        timings.Finished("standardise");
        cancellationToken.ThrowIfCancellationRequested();

        var comparisons = DefaultModel.Comparisons(prepared);
        var blocks = BlockSet.Build(prepared, DefaultModel.BlockingRules(prepared, options.CompareAllUpTo), options.MaxBlockSize);
        timings.Finished("block");
        var candidates = Compare(prepared, comparisons, blocks, progress, cancellationToken);
        timings.Finished("compare");

        progress?.Report(new("training", 0, 2));
        var u = blocks.Rules[0] == BlockingRule.Everything
            ? RandomPairSampler.FromAllPairs(comparisons, candidates)
            : RandomPairSampler.EstimateU(prepared, comparisons, options.RandomPairs, options.Seed);
        var training = ModelTrainer.Train(prepared, comparisons, blocks, candidates, u);
        var model = training.Model;
        progress?.Report(new("training", 2, 2));
        timings.Finished("train");
        cancellationToken.ThrowIfCancellationRequested();

        var scored = Score(prepared, model, candidates);
        timings.Finished("score");
        var cluster = ClusterBuilder.Build(prepared, scored, options.MatchThreshold);
        timings.Finished("cluster");
        var reported = scored.Where(p => p.Probability >= options.ReportThreshold)
            .Select(p => new LinkedPair(p.Left, p.Right, p.Weight, p.Probability))
            .ToArray();
        return new LinkageResult(prepared, model, cluster, reported, blocks.Analysis, training.EmIterations, timings.Stages);
    }

    private static CandidatePair[] Compare(PreparedRecords records, Comparison[] comparisons, BlockSet blocks, IProgress<LinkageProgress>? progress, CancellationToken cancellationToken)
    {
        var total = blocks.Blocks.Sum(b => b.Pairs);
        var work = WorkItems(blocks.Blocks);
        long done = 0;
        var newPairs = new long[blocks.Rules.Count];
        var parts = new List<List<CandidatePair>>();
        var gate = new Lock();
        Parallel.For(
            0,
            work.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => (Pairs: new List<CandidatePair>(), Counted: new long[blocks.Rules.Count]),
            (w, _, local) =>
            {
                var (block, from, to) = work[w];
                var members = blocks.Members[block.Rule].AsSpan(block.Start, block.Length);
                long pairs = 0;
                for (var x = from; x < to; x++)
                {
                    pairs += members.Length - x - 1;
                    for (var y = x + 1; y < members.Length; y++)
                    {
                        var (i, j) = members[x] < members[y] ? (members[x], members[y]) : (members[y], members[x]);
                        if (!blocks.FoundEarlier(block.Rule, i, j))
                        {
                            local.Pairs.Add(new CandidatePair(i, j, ComparisonVector.Compute(comparisons, records, i, j), blocks.RulesJoining(block.Rule, i, j)));
                            local.Counted[block.Rule]++;
                        }
                    }
                }

                var now = Interlocked.Add(ref done, pairs);
                if (progress is not null && (now - pairs) * 20 / Math.Max(1, total) != now * 20 / Math.Max(1, total))
                {
                    progress.Report(new("comparing pairs", now, total));
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    parts.Add(local.Pairs);
                    for (var r = 0; r < newPairs.Length; r++)
                    {
                        newPairs[r] += local.Counted[r];
                    }
                }
            });

        for (var r = 0; r < newPairs.Length; r++)
        {
            blocks.Analysis.Rules[r].NewPairs = newPairs[r];
        }

        var all = new CandidatePair[parts.Sum(p => p.Count)];
        var at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(all, at);
            at += part.Count;
        }

        // Parallel work finishes in any order; sorting makes every later step repeatable.
        var order = new ulong[all.Length];
        for (var n = 0; n < all.Length; n++)
        {
            order[n] = ((ulong)(uint)all[n].Left << 32) | (uint)all[n].Right;
        }

        Array.Sort(order, all);
        return all;
    }

    /// <summary>Blocks cut into pieces of about 64k pairs (rows of a big block), so both cores stay busy to the end.</summary>
    private static List<(Block Block, int From, int To)> WorkItems(IReadOnlyList<Block> blocks)
    {
        const long piece = 1 << 16;
        var work = new List<(Block, int, int)>();
        foreach (var block in blocks)
        {
            if (block.Pairs <= piece)
            {
                work.Add((block, 0, block.Length));
                continue;
            }

            var from = 0;
            long pairs = 0;
            for (var x = 0; x < block.Length; x++)
            {
                pairs += block.Length - x - 1;
                if (pairs >= piece || x == block.Length - 1)
                {
                    work.Add((block, from, x + 1));
                    from = x + 1;
                    pairs = 0;
                }
            }
        }

        return work;
    }

    private static ScoredLink[] Score(PreparedRecords records, FellegiSunterModel model, CandidatePair[] candidates)
    {
        var scored = new ScoredLink[candidates.Length];
        Parallel.For(0, candidates.Length, n =>
        {
            var pair = candidates[n];
            var weight = model.Weight(pair.Vector, records, pair.Left, pair.Right);
            scored[n] = new ScoredLink(pair.Left, pair.Right, weight, FellegiSunterModel.Probability(weight));
        });
        return scored;
    }
}
