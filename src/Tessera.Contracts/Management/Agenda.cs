namespace Tessera.Contracts.Management;

/// <summary>
/// A meeting's agenda in the three parts the seeds prescribe: (1) open action items and lessons
/// learned, (2) progress on the high-priority measures — off-track ones and their alerts first —
/// and (3) the improvement roadmap's deep-dive topic for the month. Generated, so nobody spends a
/// week building slides; the same for every kind of meeting, over the contracts it covers.
/// </summary>
/// <param name="Day">The meeting's day.</param>
/// <param name="OpenItems">Open action items, overdue first, then by due day.</param>
/// <param name="Lessons">Items closed since the previous meeting (on its day included), with what they taught.</param>
/// <param name="Measures">The measures, alerts and off-track first.</param>
/// <param name="DeepDive">The roadmap's topic for the meeting's month, if one is planned.</param>
public sealed record Agenda(DateOnly Day, IReadOnlyList<ActionItem> OpenItems, IReadOnlyList<ActionItem> Lessons, IReadOnlyList<AgendaMeasure> Measures, RoadmapTopic? DeepDive)
{
    /// <summary>
    /// The agenda of a meeting on <paramref name="day"/>: open <paramref name="items"/>, those closed
    /// after <paramref name="previous"/> (the previous meeting of the same series) as lessons, the
    /// <paramref name="measures"/> by priority, and the topic of <paramref name="roadmap"/> for the month.
    /// </summary>
    public static Agenda For(DateOnly day, DateOnly? previous, IEnumerable<ActionItem> items, IEnumerable<AgendaMeasure> measures, IEnumerable<RoadmapTopic> roadmap)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(roadmap);
        var all = items.ToList();
        var open = all.Where(i => i.IsOpen && i.Created <= day).OrderByDescending(i => i.IsOverdueOn(day)).ThenBy(i => i.Due).ThenBy(i => i.Id).ToList();
        var lessons = all.Where(i => i.Closed is { } closed && closed <= day && (previous is null || closed >= previous)).OrderBy(i => i.Closed).ThenBy(i => i.Id).ToList();
        var ordered = measures.OrderBy(m => m.Priority).ThenBy(m => m.Contract, StringComparer.Ordinal).ThenBy(m => m.Metric, StringComparer.Ordinal).ToList();
        var month = Core.Time.YearMonth.Of(day);
        return new Agenda(day, open, lessons, ordered, roadmap.FirstOrDefault(t => t.Month == month));
    }
}
