using System.Diagnostics;
using System.Globalization;
using Tessera.Linkage.Running;
using Tessera.Synthetic;

namespace Tessera.Cli.Console;

/// <summary>
/// Shows how far a long job has got: a line per stage and per tenth of the work, on standard
/// error so that standard output stays clean for results. Thread-safe: generators report from
/// several threads.
/// </summary>
public sealed class ProgressReporter(TextWriter error) : IProgress<SynthProgress>, IProgress<LinkageProgress>
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string? _stage;
    private int _lastTenth = -1;

    /// <inheritdoc />
    public void Report(SynthProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Report(value.Stage, value.Done, value.Total);
    }

    /// <inheritdoc />
    public void Report(LinkageProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Report(value.Stage, value.Done, value.Total);
    }

    private void Report(string stage, long done, long total)
    {
        lock (_gate)
        {
            var tenth = total == 0 ? 10 : (int)(done * 10 / total);
            if (stage != _stage)
            {
                _stage = stage;
                _lastTenth = -1;
            }

            if (tenth == _lastTenth)
            {
                return;
            }

            _lastTenth = tenth;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{_clock.Elapsed:mm\\:ss}] {stage}: {tenth * 10,3}% ({done}/{total})"));
        }
    }
}
