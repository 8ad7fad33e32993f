using System.Diagnostics;

namespace Tessera.Linkage.Running;

/// <summary>Measures a run stage by stage, so users and benchmarks see where the time goes.</summary>
internal sealed class StageTimings
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Stage, TimeSpan Took)> _stages = [];
    private TimeSpan _last;

    public IReadOnlyList<(string Stage, TimeSpan Took)> Stages => _stages;

    public void Finished(string stage)
    {
        var now = _clock.Elapsed;
        _stages.Add((stage, now - _last));
        _last = now;
    }
}
