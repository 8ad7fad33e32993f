using System.Runtime.CompilerServices;
using Tessera.Linkage.Assignment;
using Tessera.Linkage.Blocking;
using Tessera.Linkage.Clustering;
using Tessera.Linkage.Comparisons;
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
    /// <summary>
    /// Links <paramref name="records"/> within and across sources with the default model trained
    /// on them; <paramref name="constraints"/> (reviewers' decisions, by record position) are
    /// respected by clustering.
    /// </summary>
    public static LinkageResult Run(IReadOnlyList<IdentityRecord> records, LinkageOptions options, LinkConstraints? constraints = null, IProgress<LinkageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        if (options.OneToOne == OneToOne.Optimal && records.Select(r => r.Source).Distinct().Count() != 2)
        {
            throw new ArgumentException("Optimal one-to-one assignment pairs the records of exactly two sources; for three or more use greedy.", nameof(options));
        }

        var timings = new StageTimings();
        progress?.Report(new("standardising", 0, records.Count));
        var prepared = PreparedRecords.From(records, options.TwoDigitYearMax);
        progress?.Report(new("standardising", records.Count, records.Count));
        timings.Finished("standardise");
        cancellationToken.ThrowIfCancellationRequested();

        var comparisons = DefaultModel.Comparisons(prepared, options.LeftOut);
        var blocks = BlockSet.Build(prepared, DefaultModel.BlockingRules(prepared, options.CompareAllUpTo, options.FilterJoinUpTo, options.LeftOut), options.MaxBlockSize, Math.Max(1_000_000, (long)options.PairsPerRecordPerRule * prepared.Count));
        timings.Finished("block");
        var candidates = Compare(prepared, comparisons, blocks, progress, cancellationToken);
        timings.Finished("compare");

        progress?.Report(new("training", 0, 2));
        var sampler = blocks.Rules[0] == BlockingRule.Everything
            ? RandomPairSampler.FromAllPairs(comparisons, candidates)
            : RandomPairSampler.Draw(prepared, comparisons, options.RandomPairs, options.Seed);
        var training = ModelTrainer.Train(prepared, comparisons, blocks, candidates, sampler, constraints?.LabelledMatches);
        var model = training.Model;
        progress?.Report(new("training", 2, 2));
        timings.Finished("train");
        cancellationToken.ThrowIfCancellationRequested();

        var scored = new ScoredPairs(candidates, training.Evidence, model.PriorWeight, comparisons.Length);
        timings.Finished("score");
        if (options.DeterministicRules.Count > 0)
        {
            var given = constraints ?? new LinkConstraints();
            constraints = given with { Confirmed = [.. DeterministicKeys.Pairs(prepared, options.DeterministicRules), .. given.Confirmed] };
        }

        var cluster = ClusterBuilder.Build(prepared, scored, options.MatchThreshold, constraints, options.OneToOne);
        timings.Finished("cluster");
        var reported = scored.AtLeast(options.ReportThreshold)
            .Select(n => scored[n])
            .OrderBy(p => p.Left).ThenBy(p => p.Right)
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
        var results = new CandidatePair[work.Count][];
        var gate = new Lock();
        Parallel.For(
            0,
            work.Count,
            Workers.PerCore(cancellationToken),
            () => (Buffer: new List<CandidatePair>(1 << 12), Counted: new long[blocks.Rules.Count]),
            (w, _, local) =>
            {
                var (block, from, to) = work[w];
                local.Buffer.Clear();
                var pairs = CompareRows(records, comparisons, blocks, block, from, to, local.Buffer, local.Counted);
                results[w] = [.. local.Buffer];
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

        // Joined in the order of the work, not of finishing, so every later step is repeatable.
        var all = new CandidatePair[results.Sum(p => p.Length)];
        var at = 0;
        foreach (var part in results)
        {
            part.CopyTo(all, at);
            at += part.Length;
        }

        return all;
    }

    /// <summary>Compares rows <paramref name="from"/>–<paramref name="to"/> of a block with the rows after them; returns the pairs looked at.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long CompareRows(PreparedRecords records, Comparison[] comparisons, BlockSet blocks, Block block, int from, int to, List<CandidatePair> found, long[] counted)
    {
        var members = blocks.Members[block.Rule].AsSpan(block.Start, block.Length);
        var admits = blocks.Rules[block.Rule].Admits;
        long pairs = 0;
        for (var x = from; x < to; x++)
        {
            pairs += members.Length - x - 1;
            for (var y = x + 1; y < members.Length; y++)
            {
                var (i, j) = members[x] < members[y] ? (members[x], members[y]) : (members[y], members[x]);
                if ((admits is null || admits(records, i, j)) && !blocks.FoundEarlier(block.Rule, i, j))
                {
                    found.Add(new CandidatePair(i, j, ComparisonVector.Compute(comparisons, records, i, j), blocks.RulesJoining(block.Rule, i, j)));
                    counted[block.Rule]++;
                }
            }
        }

        return pairs;
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

}
