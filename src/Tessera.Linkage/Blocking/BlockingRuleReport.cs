namespace Tessera.Linkage.Blocking;

/// <summary>
/// What one blocking rule did: records that had its key, blocks of two or more, pairs in those
/// blocks (before removing pairs an earlier rule already found), the largest block sizes, and the
/// blocks set aside because they exceeded the limit.
/// </summary>
public sealed record BlockingRuleReport(
    string Rule,
    int RecordsWithKey,
    int Blocks,
    long Pairs,
    IReadOnlyList<int> LargestBlocks,
    int BlocksOverLimit,
    long PairsOverLimit)
{
    /// <summary>Pairs compared under this rule (found by no earlier rule); set after comparing.</summary>
    public long NewPairs { get; set; }
}
