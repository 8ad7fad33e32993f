using Tessera.Core.Time;

namespace Tessera.Synthetic.Output;

/// <summary>
/// The rows one chunk of households contributes to each delivery file. A record created on a
/// date goes to that month's delivery, or a later one when the agency sends it late.
/// </summary>
internal sealed class DeliverySink(SynthOptions options)
{
    private readonly Dictionary<(string Source, int Month, string File), CsvBuffer> _files = [];

    public IReadOnlyDictionary<(string Source, int Month, string File), CsvBuffer> Files => _files;

    /// <summary>Month offset (0-based) of the delivery that carries a record created on <paramref name="created"/>.</summary>
    public int MonthOf(DateOnly created, int lagMonths = 0)
    {
        var offset = YearMonth.Of(created).Ordinal - options.Start.Ordinal + lagMonths;
        return Math.Clamp(offset, 0, options.Months - 1);
    }

    public CsvBuffer Row(string source, int month, string file)
    {
        if (!_files.TryGetValue((source, month, file), out var buffer))
        {
            buffer = new CsvBuffer();
            _files[(source, month, file)] = buffer;
        }

        return buffer;
    }
}
