using Tessera.Contracts.Agreements;
using Tessera.Contracts.Management;
using Tessera.Contracts.Monitoring;
using Tessera.Core.Time;

namespace Tessera.Contracts.Tests;

/// <summary>The three-part agenda: open items (overdue first) and lessons, measures (alerts and off-track first), the month's deep dive.</summary>
public class AgendaTests
{
    private static readonly DateOnly Day = new(2025, 3, 12);

    private static ActionItem Item(long id, DateOnly due, DateOnly? closed = null, string? lesson = null) =>
        new(id, $"item {id}", "Ana", due, "job-training", "WF03-2024", null, null, null, null, new DateOnly(2025, 1, 5), closed, lesson);

    private static AgendaMeasure Measure(string metric, TargetBand band, int alerts = 0) =>
        new("WF03-2024", "WF03", metric, metric, new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28), 0.5, 0.6m, band,
            [.. Enumerable.Range(0, alerts).Select(_ => new Alert("WF03-2024", "WF03", metric, new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28), "beyond_3_sigma", 0.2, 0.7, 0.4, 1))]);

    [Fact]
    public void Open_items_come_first_overdue_and_closed_ones_since_the_last_meeting_are_lessons()
    {
        var items = new[]
        {
            Item(1, new DateOnly(2025, 4, 1)),
            Item(2, new DateOnly(2025, 3, 1)),
            Item(3, new DateOnly(2025, 2, 1), closed: new DateOnly(2025, 3, 1), lesson: "the bus route changed"),
            Item(4, new DateOnly(2025, 1, 20), closed: new DateOnly(2025, 2, 1), lesson: "already discussed"),
        };

        var agenda = Agenda.For(Day, previous: new DateOnly(2025, 2, 12), items, [], []);

        Assert.Equal([2L, 1L], agenda.OpenItems.Select(i => i.Id));
        Assert.True(agenda.OpenItems[0].IsOverdueOn(Day));
        Assert.False(agenda.OpenItems[1].IsOverdueOn(Day));
        Assert.Equal("the bus route changed", Assert.Single(agenda.Lessons).Lesson);
    }

    [Fact]
    public void Measures_with_alerts_come_first_then_off_track_watch_on_track_and_no_data()
    {
        var agenda = Agenda.For(Day, null, [],
            [Measure("a-on-track", TargetBand.OnTrack), Measure("b-no-data", TargetBand.NoData), Measure("c-watch", TargetBand.Watch),
             Measure("d-off-track", TargetBand.OffTrack), Measure("e-alert-on-track", TargetBand.OnTrack, alerts: 1)], []);

        Assert.Equal(["e-alert-on-track", "d-off-track", "c-watch", "a-on-track", "b-no-data"], agenda.Measures.Select(m => m.Metric));
    }

    [Fact]
    public void The_deep_dive_is_the_roadmaps_topic_for_the_meetings_month()
    {
        RoadmapTopic[] roadmap = [new("job-training", new YearMonth(2025, 2), "referral matching", null), new("job-training", new YearMonth(2025, 3), "family risk factors", "which risks predict no-shows?")];

        Assert.Equal("family risk factors", Agenda.For(Day, null, [], [], roadmap).DeepDive?.Topic);
        Assert.Null(Agenda.For(new DateOnly(2025, 5, 2), null, [], [], roadmap).DeepDive);
    }

    [Fact]
    public void A_frontline_report_without_identifiers_passes_and_one_with_them_is_refused()
    {
        Assert.Empty(FrontlineReport.Problems("transportation", "Families cannot reach the east site since the bus route changed."));
        Assert.Contains(FrontlineReport.Problems("other", "Client 123-45-6789 was turned away"), p => p.StartsWith("text:", StringComparison.Ordinal));
        Assert.Contains(FrontlineReport.Problems("other", "Born 3/14/1990, turned away"), p => p.StartsWith("text:", StringComparison.Ordinal));
        Assert.Contains(FrontlineReport.Problems("other", "write to jo@example.org"), p => p.StartsWith("text:", StringComparison.Ordinal));
        Assert.Contains(FrontlineReport.Problems("weather", "late"), p => p.StartsWith("category:", StringComparison.Ordinal));
        Assert.Contains(FrontlineReport.Problems("waitlist", " "), p => p.StartsWith("text:", StringComparison.Ordinal));
    }
}
