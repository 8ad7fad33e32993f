using System.Diagnostics;
using System.Globalization;
using Tessera.Intake.Delivering;

namespace Tessera.Cli.Console;

/// <summary>Shows an ingest's progress on standard error: each stage, and reading in steps of a tenth.</summary>
public sealed class IngestProgressReporter(TextWriter error) : IProgress<IngestProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string? _stage;
    private int _lastTenth = -1;

    /// <inheritdoc />
    public void Report(IngestProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var tenth = (int)(value.Fraction * 10);
        if (value.Stage == _stage && tenth == _lastTenth)
        {
            return;
        }

        _stage = value.Stage;
        _lastTenth = tenth;
        var file = value.File is null ? "" : " " + value.File;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed:mm\\:ss}] {value.Stage}{file}: {tenth * 10,3}% ({value.Rows:N0} rows)"));
    }
}
