namespace Tessera.Intake.Delivering;

/// <summary>
/// Collects quarantined rows and hands them to the store in batches; keeps at most
/// <see cref="MaxStored"/> entries per delivery (the rest are counted), so a file that is wrong
/// on every row cannot exhaust memory or the quarantine table.
/// </summary>
public sealed class QuarantineBuffer(Action<IReadOnlyList<QuarantineEntry>> flush)
{
    /// <summary>Most entries stored per delivery.</summary>
    public const int MaxStored = 100_000;

    private const int BatchSize = 5_000;
    private readonly List<QuarantineEntry> _batch = [];

    /// <summary>The first entries, for messages.</summary>
    public List<QuarantineEntry> First { get; } = [];

    /// <summary>Entries added (stored or not).</summary>
    public long Count { get; private set; }

    /// <summary>Adds an entry.</summary>
    public void Add(QuarantineEntry entry)
    {
        Count++;
        if (First.Count < 1_000)
        {
            First.Add(entry);
        }

        if (Count > MaxStored)
        {
            return;
        }

        _batch.Add(entry);
        if (_batch.Count >= BatchSize)
        {
            Flush();
        }
    }

    /// <summary>Hands buffered entries to the store.</summary>
    public void Flush()
    {
        if (_batch.Count > 0)
        {
            flush(_batch.ToList());
            _batch.Clear();
        }
    }
}
