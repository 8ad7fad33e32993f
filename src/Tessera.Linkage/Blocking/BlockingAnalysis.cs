namespace Tessera.Linkage.Blocking;

/// <summary>
/// The blocking analysis shown to the user: per rule how many pairs it asked for and how many it
/// added, the largest blocks, and what the block-size limit set aside. Sizes only: a block's key
/// (a name, an SSN) is never shown.
/// </summary>
public sealed record BlockingAnalysis(int Records, int MaxBlockSize, long PairBudgetPerRule, IReadOnlyList<BlockingRuleReport> Rules)
{
    /// <summary>Pairs compared over all rules.</summary>
    public long ComparedPairs => Rules.Sum(r => r.NewPairs);

    /// <summary>Pairs a comparison of every record with every other would take.</summary>
    public long AllPairs => (long)Records * (Records - 1) / 2;
}
