using Tessera.Linkage.Blocking;
using Tessera.Linkage.Comparisons;
using Tessera.Linkage.Inference;
using Tessera.Linkage.Records;
using Tessera.Linkage.Running;

namespace Tessera.Linkage.Training;

/// <summary>
/// Trains the model on the input itself. u comes from random pairs. m comes from one EM session
/// per blocking rule, each over the pairs in that rule's blocks and leaving out the comparisons
/// on the rule's own columns: within "same name" blocks every pair agrees on the name, so only
/// the other fields can tell matches from namesakes (the trap that makes EM on all candidates
/// learn "same name" or "same household" as the match class). Sessions whose blocks are
/// households (same phone, same street) or namesakes leave out everything a household shares,
/// for the same reason. Each comparison's m is the mean
/// of the sessions that estimated it, refined over all candidate pairs together. The prior is
/// the share of all pairs that the trained model expects to match.
/// </summary>
internal static class ModelTrainer
{
    private const int MinimumSessionPairs = 10;

    private const int RefinementRounds = 2;

    /// <summary>Weight (bits, before the prior) below which a pair cannot become a match in later rounds: with any prior its probability is under 2^-40.</summary>
    private const double Hopeless = -40;

    /// <summary>Pairs sharing a valid SSN, with birth dates on both sides, from which m of the birth date is counted instead of learned.</summary>
    private const int MinimumAnchored = 1000;

    /// <summary>Labelled matches a comparison needs (with a value on both sides) before its m is taken from them instead of EM.</summary>
    private const int MinimumLabelled = 20;

    public static TrainingResult Train(PreparedRecords records, Comparison[] comparisons, BlockSet blocks, CandidatePair[] candidates, RandomPairSampler sampler, IReadOnlyList<(int Left, int Right)>? labelledMatches = null)
    {
        var labelled = FromLabels(records, comparisons, labelledMatches ?? []);
        AnchorBirthDate(comparisons, candidates, labelled);
        var estimate = sampler.Estimate();
        var modelled = comparisons.Select(c => c.ModelledU(records, 17)).ToArray();
        var u = Modelled(estimate.U, modelled);
        var sums = comparisons.Select(c => new double[c.Levels.Length]).ToArray();
        var sessions = new int[comparisons.Length];
        var iterations = 0;
        var sessionRules = 0u;
        for (var r = 0; r < blocks.Rules.Count; r++)
        {
            sessionRules |= blocks.Rules[r].Trains ? 1u << r : 0;
        }

        var combinations = Combinations(candidates, sessionRules);
        for (var r = 0; r < blocks.Rules.Count; r++)
        {
            // Comparing all pairs of a small input finds candidates, but as a training session it
            // would let EM take "same household" for the match class: every household's pairs agree
            // on name, address and phone.
            if ((sessionRules & (1u << r)) == 0)
            {
                continue;
            }

            var rule = blocks.Rules[r];
            var excluded = comparisons.Select(c => c.Columns.Intersect(rule.Columns).Any() || (HouseholdMatters(rule) && c.SharedByHousehold)).ToArray();
            if (excluded.All(e => e))
            {
                continue;
            }

            ulong mask = 0;
            for (var k = 0; k < comparisons.Length; k++)
            {
                if (excluded[k])
                {
                    mask |= 0xFUL << (4 * k);
                }
            }

            var patterns = new Dictionary<ulong, long>();
            long pairs = 0;
            var bit = 1u << r;
            foreach (var ((rules, vector), count) in combinations)
            {
                if ((rules & bit) != 0)
                {
                    patterns[vector | mask] = patterns.GetValueOrDefault(vector | mask) + count;
                    pairs += count;
                }
            }

            if (pairs < MinimumSessionPairs)
            {
                continue;
            }

            var em = ExpectationMaximisation.Train(patterns, StartingM(comparisons), u, 0.3);
            iterations += em.Iterations;
            if (em.MatchShare is < 1e-6 or > 1 - 1e-6)
            {
                continue;
            }

            for (var k = 0; k < comparisons.Length; k++)
            {
                if (!excluded[k])
                {
                    sessions[k]++;
                    for (var l = 0; l < sums[k].Length; l++)
                    {
                        sums[k][l] += em.M[k][l];
                    }
                }
            }
        }

        var start = StartingM(comparisons);
        var m = sums.Select((levels, k) => labelled[k] ?? (sessions[k] == 0 ? start[k] : levels.Select(x => x / sessions[k]).ToArray())).ToArray();
        var evidence = new double[candidates.Length];
        var settled = new bool[candidates.Length];
        for (var round = 0; ; round++)
        {
            // Household overlap first: without it, siblings' shared name, address and phone would
            // pass for weak matches in the M-step and teach m that birth dates often differ.
            var model = Score(records, comparisons, m, u, null, candidates, evidence, settled);
            var prior = EstimatePrior(evidence, blocks.Analysis.AllPairs);
            var overlap = HouseholdOverlap(records, model, estimate.Present, candidates, evidence, prior, blocks.Analysis.AllPairs);
            if (overlap.Any(levels => levels.Any(o => o > 0)))
            {
                model = Score(records, comparisons, m, u, overlap, candidates, evidence, settled);
                prior = EstimatePrior(evidence, blocks.Analysis.AllPairs);
            }

            if (round == RefinementRounds)
            {
                if (ExactMatchU(comparisons, blocks, candidates, evidence, prior, estimate.Present, u) is { } counted)
                {
                    model = Score(records, comparisons, m, counted, overlap, candidates, evidence, settled);
                    prior = EstimatePrior(evidence, blocks.Analysis.AllPairs);
                    u = counted;
                }

                return new TrainingResult(new FellegiSunterModel(comparisons, m, u, prior, MinimumFrequency(records), overlap), evidence, iterations);
            }

            m = Refine(comparisons, evidence, Math.Log2(prior / (1 - prior)), candidates).Select((refined, k) => labelled[k] ?? refined).ToArray();
            Parallel.For(0, candidates.Length, Workers.PerCore(), n => settled[n] |= evidence[n] < Hopeless);
            estimate = sampler.Reweigh(new FellegiSunterModel(comparisons, m, u, prior, MinimumFrequency(records), overlap), records, candidates, evidence);
            u = Modelled(estimate.U, modelled);
        }
    }

    /// <summary>
    /// Each candidate's weight without the prior under m, u and the overlap, into <paramref name="evidence"/>.
    /// Pairs already hopeless (<see cref="Hopeless"/>: no training round moves them near a match —
    /// most pairs of a small input compared exhaustively) keep their weight.
    /// </summary>
    private static FellegiSunterModel Score(PreparedRecords records, Comparison[] comparisons, double[][] m, double[][] u, double[][]? overlap, CandidatePair[] candidates, double[] evidence, bool[] settled)
    {
        var model = new FellegiSunterModel(comparisons, m, u, 0.5, MinimumFrequency(records), overlap);
        Parallel.For(0, candidates.Length, Workers.PerCore(), n =>
        {
            if (!settled[n])
            {
                evidence[n] = model.Weight(candidates[n].Vector, records, candidates[n].Left, candidates[n].Right);
            }
        });
        return model;
    }

    /// <summary>
    /// How many candidates share each (rules, comparison vector) among the rules that train (the
    /// all-pairs rule of a small input does not): a few thousand combinations stand for millions of
    /// pairs in every session.
    /// </summary>
    private static Dictionary<(uint Rules, ulong Vector), long> Combinations(CandidatePair[] candidates, uint sessionRules)
    {
        var parts = new Dictionary<(uint, ulong), long>[Workers.Parts];
        Parallel.For(0, parts.Length, Workers.PerCore(), part =>
        {
            var counts = new Dictionary<(uint, ulong), long>();
            for (var n = (int)((long)candidates.Length * part / parts.Length); n < (int)((long)candidates.Length * (part + 1) / parts.Length); n++)
            {
                var rules = candidates[n].Rules & sessionRules;
                if (rules != 0)
                {
                    var key = (rules, candidates[n].Vector);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }

            parts[part] = counts;
        });
        var all = new Dictionary<(uint Rules, ulong Vector), long>();
        foreach (var part in parts)
        {
            foreach (var (key, count) in part)
            {
                all[key] = all.GetValueOrDefault(key) + count;
            }
        }

        return all;
    }

    /// <summary>
    /// One M-step over all candidate pairs together, weighted by the current model. Each session
    /// sees only the matches its own rule catches (within "same family name and birth date"
    /// blocks the matches are those whose error is in the given name), so their m is biased
    /// towards disagreement; the union of all rules catches nearly every match, so its weighted
    /// level shares are not.
    /// </summary>
    /// <summary>
    /// m from labelled matches (pairs known to be one person, e.g. from an earlier clerical
    /// linkage): for each comparison with at least <see cref="MinimumLabelled"/> labelled pairs
    /// that have a value on both sides, the share of them at each level; null for the others,
    /// which EM estimates as usual. Labels beat EM where they exist: they need no assumption about
    /// which class is which.
    /// </summary>
    private static double[]?[] FromLabels(PreparedRecords records, Comparison[] comparisons, IReadOnlyList<(int Left, int Right)> labelledMatches)
    {
        var counts = new LevelCounts(comparisons.Select(c => c.Levels.Length).ToArray());
        foreach (var (left, right) in labelledMatches)
        {
            counts.Add(ComparisonVector.Compute(comparisons, records, left, right), 1);
        }

        var probabilities = counts.Probabilities(1e-4);
        return comparisons.Select((_, k) => counts.Counts[k].Sum() >= MinimumLabelled ? probabilities[k] : null).ToArray();
    }

    /// <summary>
    /// m of the birth date from pairs that share a valid SSN, when at least
    /// <see cref="MinimumAnchored"/> of them have a birth date on both sides and no label set it.
    /// EM cannot learn it: a mother and a daughter both called Jennifer Lopez share name and
    /// address, so the refinement counts them as one person whose birth dates differ, and on a
    /// county m of "more than ten years apart" came out at 0.12 (at 1M records) where the truth
    /// has almost none — a mere −2.5 bits against a household's namesakes. No household shares an
    /// SSN, so pairs agreeing on one show how one person's birth dates really differ.
    /// </summary>
    private static void AnchorBirthDate(Comparison[] comparisons, CandidatePair[] candidates, double[]?[] labelled)
    {
        var ssn = Array.FindIndex(comparisons, c => c is SsnComparison);
        var birth = Array.FindIndex(comparisons, c => c is BirthDateComparison);
        if (ssn < 0 || birth < 0 || labelled[birth] is not null)
        {
            return;
        }

        var counts = new double[comparisons[birth].Levels.Length];
        foreach (var pair in candidates)
        {
            var level = ComparisonVector.Level(pair.Vector, birth);
            if (ComparisonVector.Level(pair.Vector, ssn) == 0 && level != Comparison.Null)
            {
                counts[level]++;
            }
        }

        var total = counts.Sum();
        if (total >= MinimumAnchored)
        {
            var floored = counts.Select(c => Math.Max(c / total, 1e-4)).ToArray();
            labelled[birth] = floored.Select(p => p / floored.Sum()).ToArray();
        }
    }

    private static double[][] Refine(Comparison[] comparisons, double[] evidence, double priorWeight, CandidatePair[] candidates)
    {
        var levels = comparisons.Select(c => c.Levels.Length).ToArray();
        var parts = new LevelCounts[Workers.Parts];
        Parallel.For(0, parts.Length, Workers.PerCore(), part =>
        {
            var counts = new LevelCounts(levels);
            for (var n = (int)((long)candidates.Length * part / parts.Length); n < (int)((long)candidates.Length * (part + 1) / parts.Length); n++)
            {
                var p = FellegiSunterModel.Probability(evidence[n] + priorWeight);
                if (p > 1e-6)
                {
                    counts.Add(candidates[n].Vector, p);
                }
            }

            parts[part] = counts;
        });
        var total = new LevelCounts(levels);
        foreach (var part in parts)
        {
            total.Add(part);
        }

        return total.Probabilities(1e-6);
    }

    /// <summary>
    /// For family name and birth date: how much more often non-matches agree on it together with
    /// the household (address or phone) than they would if the two were independent, in bits. In
    /// a county, household members share a family name (hundreds of times the independent rate)
    /// and twins a birth date; in FEBRL, where addresses are drawn independently, neither (0).
    /// Non-matches are counted as each pair's probability of not matching under the model
    /// without the correction and without the comparison's own agreement.
    /// </summary>
    private static double[][] HouseholdOverlap(PreparedRecords records, FellegiSunterModel model, double[] present, CandidatePair[] candidates, double[] evidence, double prior, long allPairs)
    {
        var overlap = model.Comparisons.Select(c => new double[c.Levels.Length]).ToArray();
        var household = Enumerable.Range(0, model.Comparisons.Length).Where(k => model.Comparisons[k].Levels.Any(l => l.Household)).ToArray();
        if (household.Length == 0)
        {
            return overlap;
        }

        var householdShare = household.Sum(k => present[k] * model.U[k].Where((_, l) => model.Comparisons[k].Levels[l].Household).Sum());
        var priorWeight = Math.Log2(prior / (1 - prior));
        for (var k = 0; k < model.Comparisons.Length; k++)
        {
            if (model.Comparisons[k] is not (FamilyNameComparison or BirthDateComparison or BloomFilterComparison { Plain: StandardColumn.FamilyName or StandardColumn.BirthDate }))
            {
                continue;
            }

            var observed = new double[model.Comparisons[k].Levels.Length];
            for (var n = 0; n < candidates.Length; n++)
            {
                var vector = candidates[n].Vector;
                var level = ComparisonVector.Level(vector, k);
                if (level != Comparison.Null && model.LevelWeight(k, level) > 0 && HouseholdAgrees(model.Comparisons, household, vector))
                {
                    // Judged without this comparison's own agreement: twins look like one person
                    // exactly because they share the birth date whose overlap is measured here.
                    var own = model.LevelWeight(k, level, records, candidates[n].Left, candidates[n].Right);
                    observed[level] += 1 - FellegiSunterModel.Probability(evidence[n] - own + priorWeight);
                }
            }

            for (var level = 0; level < observed.Length; level++)
            {
                var expected = allPairs * present[k] * model.U[k][level] * householdShare;
                overlap[k][level] = expected > 0 && observed[level] > 1 ? Math.Max(0, Math.Log2(observed[level] / expected)) : 0;
            }
        }

        return overlap;
    }

    /// <summary>
    /// u of the exact level of identifiers whose exact matches a blocking rule compares in full
    /// (<see cref="Comparison.ExactMatchRule"/>), counted over all those pairs as each one's
    /// chance of not matching; null when no comparison qualifies. Floored at one pair in all.
    /// </summary>
    private static double[][]? ExactMatchU(Comparison[] comparisons, BlockSet blocks, CandidatePair[] candidates, double[] evidence, double prior, double[] present, double[][] u)
    {
        double[][]? counted = null;
        var priorWeight = Math.Log2(prior / (1 - prior));
        for (var k = 0; k < comparisons.Length; k++)
        {
            var rule = blocks.Analysis.Rules.FirstOrDefault(r => r.Rule == comparisons[k].ExactMatchRule);
            if (rule is null || rule.BlocksOverLimit > 0 || present[k] <= 0)
            {
                continue;
            }

            double nonMatches = 0;
            for (var n = 0; n < candidates.Length; n++)
            {
                if (ComparisonVector.Level(candidates[n].Vector, k) == 0)
                {
                    nonMatches += 1 - FellegiSunterModel.Probability(evidence[n] + priorWeight);
                }
            }

            var pairsWithValues = blocks.Analysis.AllPairs * present[k];
            var exact = Math.Max(nonMatches, 1) / Math.Max(1, pairsWithValues);
            if (exact < u[k][0])
            {
                counted ??= u.Select(levels => (double[])levels.Clone()).ToArray();
                var rest = 1 - counted[k][0];
                counted[k][0] = exact;
                for (var l = 1; l < counted[k].Length; l++)
                {
                    counted[k][l] *= (1 - exact) / rest;
                }
            }
        }

        return counted;
    }

    private static bool HouseholdAgrees(Comparison[] comparisons, int[] household, ulong vector)
    {
        foreach (var h in household)
        {
            var level = ComparisonVector.Level(vector, h);
            if (level != Comparison.Null && comparisons[h].Levels[level].Household)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>u as sampled, with the comparisons that model their own (<see cref="Comparison.ModelledU"/>) replaced.</summary>
    private static double[][] Modelled(double[][] sampled, double[]?[] modelled) =>
        sampled.Select((levels, k) => modelled[k] ?? levels).ToArray();

    private static double MinimumFrequency(PreparedRecords records) => 1.0 / Math.Max(2, records.Count);

    /// <summary>
    /// True when the household's shared fields would mislead a session of this rule: its blocks are
    /// households, or namesakes (a Jr and a Sr share name, address and phone, not birth date).
    /// </summary>
    private static bool HouseholdMatters(BlockingRule rule) =>
        rule.KeysOnHousehold || rule.Keys(StandardColumn.GivenName) || rule.Keys(StandardColumn.FamilyName);

    private static double[][] StartingM(Comparison[] comparisons) =>
        comparisons.Select(c => c.PriorM ?? Enumerable.Range(0, c.Levels.Length)
            .Select(l => l == 0 ? 0.9 : 0.1 / (c.Levels.Length - 1)).ToArray()).ToArray();

    /// <summary>
    /// Finds the prior λ with λ = (expected matches among candidates) / (all pairs), pairs outside
    /// every block counting as non-matches. <paramref name="evidence"/> holds each candidate's
    /// weight without the prior; weights are binned to 0.01 so the fixed point costs little
    /// however many pairs there are.
    /// </summary>
    private static double EstimatePrior(double[] evidence, long allPairs)
    {
        if (allPairs <= 0 || evidence.Length == 0)
        {
            return 1e-9;
        }

        // Weights beyond ±400 bits are certain either way; they share the outermost bins.
        const int range = 40_000;
        var counts = new long[(2 * range) + 1];
        foreach (var weight in evidence)
        {
            counts[(int)Math.Clamp(Math.Round(weight * 100), -range, range) + range]++;
        }

        var bins = new List<(int Bin, long Count)>();
        for (var b = 0; b < counts.Length; b++)
        {
            if (counts[b] > 0)
            {
                bins.Add((b - range, counts[b]));
            }
        }

        var lambda = Math.Min(0.5, evidence.Length / (double)allPairs / 10);
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var logOdds = Math.Log2(lambda / (1 - lambda));
            double expected = 0;
            foreach (var (bin, count) in bins)
            {
                expected += count * FellegiSunterModel.Probability((bin / 100.0) + logOdds);
            }

            var next = Math.Clamp(expected / allPairs, 1e-12, 0.5);
            if (Math.Abs(next - lambda) < lambda * 1e-6)
            {
                return next;
            }

            lambda = next;
        }

        return lambda;
    }
}
