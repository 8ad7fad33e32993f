namespace Tessera.Linkage.Blocking;

/// <summary>One block: the records (as positions in <see cref="BlockSet.Members"/>) that share a rule's key.</summary>
internal readonly record struct Block(int Rule, int Start, int Length)
{
    /// <summary>Number of record pairs the block holds.</summary>
    public long Pairs => (long)Length * (Length - 1) / 2;
}
