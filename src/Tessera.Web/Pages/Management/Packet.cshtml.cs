using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Tessera.Contracts.Agreements;
using Tessera.Contracts.Management;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Management;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Management;

/// <summary>
/// A meeting's packet, laid out for paper: the agenda, each measure's chart against target and
/// benchmarks up to the meeting, the analysis notes and what was recorded. Printed from the
/// browser (the print stylesheet drops the site's navigation), or downloaded as a PDF laid out by
/// the server with the same contents and charts.
/// </summary>
[Requires(Capability.ViewManagement)]
public sealed class PacketModel(RequestAccess request) : PageModel
{
    /// <summary>The meeting and its agenda.</summary>
    public MeetingView View { get; private set; } = null!;

    /// <summary>Each contract's performance rows up to the meeting, by contract and measure.</summary>
    public IReadOnlyList<(string Contract, string Metric, IReadOnlyList<PerformanceRow> Rows)> Charts { get; private set; } = [];

    /// <summary>Shows the packet.</summary>
    public IActionResult OnGet(long id) => Load(id) ? Page() : NotFound();

    /// <summary>The packet as a PDF: agenda, charts, analysis notes and minutes.</summary>
    public IActionResult OnGetPdf(long id) =>
        Load(id) ? File(Pdf(View, Charts, request.Caller.Workspace.UtcNow), "application/pdf", $"meeting-{id}-packet.pdf") : NotFound();

    /// <summary>The packet of <paramref name="view"/> as PDF bytes, printed at <paramref name="printedUtc"/>.</summary>
    public static byte[] Pdf(MeetingView view, IReadOnlyList<(string Contract, string Metric, IReadOnlyList<PerformanceRow> Rows)> charts, DateTime printedUtc)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(charts);
        var (m, agenda) = (view.Meeting, view.Agenda);
        static string Shown(double? v) => v is { } x ? x.ToString("0.###", CultureInfo.InvariantCulture) : "—";
        var document = new PrintedDocument($"Packet: {m.Title}", $"{m.Title} · printed {printedUtc:yyyy-MM-dd HH:mm} UTC · Tessera")
            .Heading(m.Title, 1)
            .Paragraph($"{m.Kind.Words()}, {m.Day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)}. {(m.Contract is { } c ? $"Contract {c}." : $"Program {m.Program}.")}")
            .Heading("1. Action items and lessons learned", 2)
            .Bullets(agenda.OpenItems.Count == 0 ? ["No open action items."] : agenda.OpenItems.Select(i =>
                $"{(i.IsOverdueOn(agenda.Day) ? "OVERDUE: " : "")}{i.Title} — {i.Owner}, due {i.Due:yyyy-MM-dd}{(i.Metric is { } metric ? $" ({metric})" : "")}"));
        if (agenda.Lessons.Count > 0)
        {
            document.Heading("Lessons learned since the last meeting", 3).Bullets(agenda.Lessons.Select(i => $"{i.Title}: {i.Lesson}"));
        }

        document.Heading("2. Progress on the measures", 2)
            .Paragraph("Measures with alerts first, then those off track, on watch, on track. The figure is the latest period's before the meeting.")
            .Table(["Contract", "Measure", "Period", "Figure", "Target", "Standing", "Alerts"],
                agenda.Measures.Select(x => (IReadOnlyList<string>)[x.Contract, x.Title, x.PeriodStart.ToString("yyyy-MM", CultureInfo.InvariantCulture), Shown(x.Value),
                    x.Target.ToString(CultureInfo.InvariantCulture), x.Band.Words(),
                    string.Join("\n", x.Alerts.Select(a => $"{a.PeriodStart:yyyy-MM}: {a.RuleWords} ({Shown(a.Value)} against {Shown(a.Expected)})"))]),
                [1.1, 2.2, 0.8, 0.8, 0.8, 0.9, 2.6])
            .Heading("3. Deep dive", 2)
            .Paragraph(agenda.DeepDive is { } topic ? $"{topic.Topic}{(topic.Questions is { } q ? $": {q}" : "")}" : $"No deep dive is on the roadmap for {agenda.Day.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}.")
            .Heading("Charts", 2, newPage: true)
            .Paragraph("Each measure period by period up to the meeting, against its target, the program's peer median and the provider's own year before.");
        foreach (var (contract, metric, rows) in charts)
        {
            List<ChartLine> lines =
            [
                new("Provider", [.. rows.Select(r => r.Value)]),
                new("Target", [.. rows.Select(r => (double?)(double)r.Target)], Dashed: true),
                new("Peer median", [.. rows.Select(r => r.PeerMedian)], Dashed: true),
                new("Own year before", [.. rows.Select(r => r.Historical)], Dashed: true),
            ];
            if (rows.Any(r => r.BestPractice is not null))
            {
                lines.Add(new("Best practice", [.. rows.Select(r => r.BestPractice is { } b ? (double?)(double)b : null)], Dashed: true));
            }

            document.LineChart($"{contract}: {metric}", [.. rows.Select(r => r.PeriodStart.ToString("yyyy-MM", CultureInfo.InvariantCulture))], lines);
        }

        return document.Heading("Analysis notes", 2)
            .Bullets(m.Notes.Count == 0 ? ["None."] : m.Notes.Select(n => $"{n.Subject}: {n.Note} ({n.Author})"))
            .Heading("Minutes", 2)
            .Paragraph($"Attendees: {m.Attendees}")
            .Paragraph(m.Minutes)
            .Paragraph($"Decisions: {m.Decisions}")
            .ToArray();
    }

    private bool Load(long id)
    {
        try
        {
            View = Meetings.Show(request.Caller, id);
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }

        var day = View.Meeting.Day;
        Charts = [.. View.Agenda.Measures.Select(m => m.Contract).Distinct(StringComparer.Ordinal)
            .SelectMany(c => ContractRegistry.Performance(request.Caller, c).Where(r => r.PeriodEnd < day).GroupBy(r => r.Metric, StringComparer.Ordinal)
                .Select(g => (c, g.Key, (IReadOnlyList<PerformanceRow>)[.. g])))];
        return true;
    }
}
