namespace Tessera.Contracts.Agreements;

/// <summary>
/// Where a period's value stands against its target: <b>on track</b> at or beyond the target,
/// <b>watch</b> short of it by no more than the watch band, <b>off track</b> further short, and
/// <b>no data</b> when there is no value. "Beyond" follows the metric's polarity: above for a rate
/// where higher is better, below for days to enrolment where lower is better.
/// </summary>
public enum TargetBand
{
    /// <summary>"on_track".</summary>
    OnTrack,

    /// <summary>"watch".</summary>
    Watch,

    /// <summary>"off_track".</summary>
    OffTrack,

    /// <summary>"no_data".</summary>
    NoData,
}

/// <summary>Classifies values into <see cref="TargetBand"/>s and names them as files and screens do.</summary>
public static class TargetBands
{
    /// <summary>The band of <paramref name="value"/> against <paramref name="target"/> with a watch band of <paramref name="watch"/>.</summary>
    public static TargetBand Classify(double? value, decimal target, decimal watch, bool higherIsBetter)
    {
        if (value is not { } v || double.IsNaN(v))
        {
            return TargetBand.NoData;
        }

        // Compared in decimal, so 0.45 against a target of 0.50 with a watch of 0.05 is "watch", not a hair off.
        var actual = (decimal)v;
        var shortfall = higherIsBetter ? target - actual : actual - target;
        return shortfall <= 0 ? TargetBand.OnTrack : shortfall <= watch ? TargetBand.Watch : TargetBand.OffTrack;
    }

    /// <summary>The band's name in files: <c>on_track</c>, <c>watch</c>, <c>off_track</c>, <c>no_data</c>.</summary>
    public static string Code(this TargetBand band) => band switch
    {
        TargetBand.OnTrack => "on_track",
        TargetBand.Watch => "watch",
        TargetBand.OffTrack => "off_track",
        _ => "no_data",
    };

    /// <summary>The band in words: "on track", "watch", "off track", "no data".</summary>
    public static string Words(this TargetBand band) => band.Code().Replace('_', ' ');
}
