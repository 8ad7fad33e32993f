using System.Runtime.CompilerServices;
using Tessera.Linkage.Records;
using Tessera.Linkage.Running;

namespace Tessera.Linkage.Blocking;

/// <summary>
/// The blocks of every rule over one set of records, and each record's key per rule so that a
/// pair found by an earlier rule is skipped by later ones. Blocks bigger than the limit, and a
/// rule's largest blocks beyond its budget of pairs, are set aside (a placeholder value, a very
/// common name or a ZIP code shared by a whole town would otherwise ask for billions of pairs)
/// and reported in the <see cref="BlockingAnalysis"/>.
/// </summary>
internal sealed class BlockSet
{
    private readonly PreparedRecords _records;

    /// <summary>Each rule's test a pair must also pass (null: none), so a pair a rule keys together but does not admit is not taken for found.</summary>
    private readonly Func<PreparedRecords, int, int, bool>?[] _admits;

    private BlockSet(PreparedRecords records, IReadOnlyList<BlockingRule> rules, ulong[][] keys, int[][] members, List<Block> blocks, BlockingAnalysis analysis)
    {
        _records = records;
        _admits = rules.Select(rule => rule.Admits).ToArray();
        Rules = rules;
        Keys = keys;
        Members = members;
        Blocks = blocks;
        Analysis = analysis;
    }

    public IReadOnlyList<BlockingRule> Rules { get; }

    /// <summary>Key of record i under rule r: <c>Keys[r][i]</c> (0: none).</summary>
    public ulong[][] Keys { get; }

    /// <summary>Per rule, the record numbers sorted by key; a block is a run of equal keys.</summary>
    public int[][] Members { get; }

    /// <summary>Every block with at least two records, largest first (so parallel work ends evenly).</summary>
    public IReadOnlyList<Block> Blocks { get; }

    public BlockingAnalysis Analysis { get; }

    /// <summary>Builds the blocks of <paramref name="rules"/> over <paramref name="records"/>.</summary>
    public static BlockSet Build(PreparedRecords records, IReadOnlyList<BlockingRule> rules, int maxBlockSize, long pairBudget)
    {
        var keys = new ulong[rules.Count][];
        var members = new int[rules.Count][];
        var blocks = new List<Block>();
        var ruleReports = new List<BlockingRuleReport>();
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            var ruleKeys = new ulong[records.Count];
            Parallel.For(0, records.Count, Workers.PerCore(), i => ruleKeys[i] = rule.Key(records, i));
            keys[r] = ruleKeys;
            var order = Enumerable.Range(0, records.Count).Where(i => ruleKeys[i] != 0).ToArray();
            var sortKeys = order.Select(i => ruleKeys[i]).ToArray();
            Array.Sort(sortKeys, order);
            members[r] = order;

            var ruleBlocks = new List<Block>();
            for (var start = 0; start < order.Length;)
            {
                var end = start + 1;
                while (end < order.Length && sortKeys[end] == sortKeys[start])
                {
                    end++;
                }

                if (end - start > 1)
                {
                    ruleBlocks.Add(new Block(r, start, end - start));
                }

                start = end;
            }

            // Smallest blocks first until the rule's share of pairs is spent: a rule whose blocks
            // are all small costs nothing extra, one keyed on a common value stops at its budget.
            ruleBlocks.Sort((a, b) => a.Length.CompareTo(b.Length));
            long pairs = 0;
            long skippedPairs = 0;
            var skippedBlocks = 0;
            var sizes = new List<int>();
            foreach (var block in ruleBlocks)
            {
                if (!rule.Unlimited && (block.Length > maxBlockSize || pairs + block.Pairs > pairBudget || skippedBlocks > 0))
                {
                    skippedBlocks++;
                    skippedPairs += block.Pairs;

                    // A block set aside is no block: its records lose the key, so later rules do
                    // not take its pairs for compared already (two John Smiths born the same day
                    // must still meet under "family name + birth date").
                    foreach (var member in order.AsSpan(block.Start, block.Length))
                    {
                        ruleKeys[member] = 0;
                    }

                    continue;
                }

                blocks.Add(block);
                pairs += block.Pairs;
                sizes.Add(block.Length);
            }

            sizes.Sort((a, b) => b.CompareTo(a));
            ruleReports.Add(new BlockingRuleReport(rule.Name, order.Length, sizes.Count, pairs, sizes.Take(10).ToArray(), skippedBlocks, skippedPairs));
        }

        blocks.Sort((a, b) => b.Length.CompareTo(a.Length));
        return new BlockSet(records, rules, keys, members, blocks, new BlockingAnalysis(records.Count, maxBlockSize, pairBudget, ruleReports));
    }

    /// <summary>The rules (one bit each) that put records i and j in one block, given that <paramref name="rule"/> does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public uint RulesJoining(int rule, int i, int j)
    {
        var rules = 1u << rule;
        for (var r = rule + 1; r < Keys.Length; r++)
        {
            if (Joins(r, i, j))
            {
                rules |= 1u << r;
            }
        }

        return rules;
    }

    /// <summary>True when an earlier rule than <paramref name="rule"/> already puts records i and j in one block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool FoundEarlier(int rule, int i, int j)
    {
        for (var r = 0; r < rule; r++)
        {
            if (Joins(r, i, j))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when rule <paramref name="r"/> keys records i and j together and admits their pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Joins(int r, int i, int j)
    {
        var key = Keys[r][i];
        return key != 0 && key == Keys[r][j] && _admits[r]?.Invoke(_records, i, j) != false;
    }
}
