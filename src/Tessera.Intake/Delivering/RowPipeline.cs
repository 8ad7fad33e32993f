using System.Collections.Concurrent;
using Tessera.Intake.Validation;

namespace Tessera.Intake.Delivering;

/// <summary>
/// Overlaps reading with storing: the caller parses and validates rows into batches while one
/// or more storing threads (one per sink the store allows at once) encrypt and append the
/// previous batches. On a two-core machine this roughly halves an ingest, because parsing and
/// appending each take about half the time.
/// </summary>
internal sealed class RowPipeline : IDisposable
{
    private const int InFlight = 4;
    private readonly int _fieldCount;
    private readonly BlockingCollection<RowBatch> _full = new(InFlight);
    private readonly ConcurrentBag<RowBatch> _free = [];
    private readonly Task[] _storing;
    private RowBatch _current;
    private bool _completed;

    public RowPipeline(int fieldCount, IReadOnlyList<Action<RowBatch>> stores)
    {
        _fieldCount = fieldCount;
        _current = new RowBatch(fieldCount);
        _storing = stores.Select(store => Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var batch in _full.GetConsumingEnumerable())
                {
                    store(batch);
                    batch.Count = 0;
                    _free.Add(batch);
                }
            }
            catch
            {
                // Unblock the reading side, which then rethrows this exception.
                _full.CompleteAdding();
                throw;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
    }

    /// <summary>Space for the next row's parsed fields; keep it with <see cref="DropRow"/> not called.</summary>
    public Span<StoredValue> NextRow(long row)
    {
        if (_current.Count == RowBatch.Capacity)
        {
            Hand();
        }

        _current.Rows[_current.Count] = row;
        return _current.Slot(_current.Count++);
    }

    /// <summary>Attaches the sealed identifiers of the row last returned by <see cref="NextRow"/>.</summary>
    public void SealLastRow(byte[]? envelope) => _current.Sealed[_current.Count - 1] = envelope;

    /// <summary>Discards the row last returned by <see cref="NextRow"/> (it was quarantined).</summary>
    public void DropRow() => _current.Count--;

    /// <summary>Stores the remaining rows and waits until everything is appended.</summary>
    public void Complete()
    {
        if (_current.Count > 0)
        {
            Hand();
        }

        _completed = true;
        _full.CompleteAdding();
        WaitForStoring();
    }

    private void WaitForStoring()
    {
        foreach (var task in _storing)
        {
            task.GetAwaiter().GetResult();
        }
    }

    private bool StoringFailed => _storing.Any(t => t.IsFaulted);

    private void Hand()
    {
        if (StoringFailed)
        {
            WaitForStoring();
        }

        try
        {
            _full.Add(_current);
        }
        catch (InvalidOperationException) when (StoringFailed)
        {
            WaitForStoring();
        }

        _current = _free.TryTake(out var batch) ? batch : new RowBatch(_fieldCount);
    }

    public void Dispose()
    {
        if (!_completed)
        {
            _full.CompleteAdding();
            try
            {
                Task.WaitAll(_storing);
            }
            catch (AggregateException)
            {
                // The reading side is already failing; its exception is the one reported.
            }
        }

        _full.Dispose();
    }
}
