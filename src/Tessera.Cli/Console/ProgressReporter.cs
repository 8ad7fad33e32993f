using System.Diagnostics;
using System.Globalization;
using Tessera.Synthetic;

namespace Tessera.Cli.Console;

/// <summary>
/// Shows how far a long job has got: a line per stage and per tenth of the work, on standard
/// error so that standard output stays clean for results. Thread-safe: generators report from
/// several threads.
/// </summary>
public sealed class ProgressReporter(TextWriter error) : IProgress<SynthProgress>
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string? _stage;
    private int _lastTenth = -1;

    /// <inheritdoc />
    public void Report(SynthProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            var tenth = value.Total == 0 ? 10 : value.Done * 10 / value.Total;
            if (value.Stage != _stage)
            {
                _stage = value.Stage;
                _lastTenth = -1;
            }

            if (tenth == _lastTenth)
            {
                return;
            }

            _lastTenth = tenth;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{_clock.Elapsed:mm\\:ss}] {value.Stage}: {tenth * 10,3}% ({value.Done}/{value.Total})"));
        }
    }
}
