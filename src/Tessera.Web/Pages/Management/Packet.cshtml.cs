using Microsoft.AspNetCore.Mvc;
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
/// browser (the print stylesheet drops the site's navigation), or saved as PDF the same way.
/// </summary>
[Requires(Capability.ViewManagement)]
public sealed class PacketModel(RequestAccess request) : PageModel
{
    /// <summary>The meeting and its agenda.</summary>
    public MeetingView View { get; private set; } = null!;

    /// <summary>Each contract's performance rows up to the meeting, by contract and measure.</summary>
    public IReadOnlyList<(string Contract, string Metric, IReadOnlyList<PerformanceRow> Rows)> Charts { get; private set; } = [];

    /// <summary>Shows the packet.</summary>
    public IActionResult OnGet(long id)
    {
        try
        {
            View = Meetings.Show(request.Caller, id);
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return NotFound();
        }

        var day = View.Meeting.Day;
        Charts = [.. View.Agenda.Measures.Select(m => m.Contract).Distinct(StringComparer.Ordinal)
            .SelectMany(c => ContractRegistry.Performance(request.Caller, c).Where(r => r.PeriodEnd < day).GroupBy(r => r.Metric, StringComparer.Ordinal)
                .Select(g => (c, g.Key, (IReadOnlyList<PerformanceRow>)[.. g])))];
        return Page();
    }
}
