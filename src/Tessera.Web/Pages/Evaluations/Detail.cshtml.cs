using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Evaluation;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Evaluations;

/// <summary>
/// One evaluation: what it asked and read (its reproducible record), the picture, the table under
/// the header its command prints, the comparisons, the balance of characteristics, and what the
/// result cannot tell. The table downloads as CSV or Excel — for sharing, with small cells hidden —
/// and the whole record as JSON.
/// </summary>
[Requires(Capability.RunEvaluations)]
public sealed class DetailModel(RequestAccess request) : PageModel
{
    /// <summary>The evaluation.</summary>
    public EvaluationRecord Record { get; private set; } = null!;

    /// <summary>Shows it.</summary>
    public IActionResult OnGet(long id) => Load(id) ? Page() : NotFound();

    /// <summary>The table as CSV or Excel, small cells hidden (for sharing beyond the licence).</summary>
    public IActionResult OnGetExport(long id, string? format)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        return TableDownload.File(format, string.Create(CultureInfo.InvariantCulture, $"evaluation-{id}"), "Evaluation", EvaluationTable.Header(Record),
            EvaluationTable.Rows(Record, shared: true).Select(r => (IReadOnlyList<object?>)r));
    }

    /// <summary>The whole record as JSON.</summary>
    public IActionResult OnGetRecord(long id) =>
        Load(id) ? File(Encoding.UTF8.GetBytes(Storage.Evaluation.Evaluations.ToJson(Record)), "application/json", string.Create(CultureInfo.InvariantCulture, $"evaluation-{id}.json")) : NotFound();

    /// <summary>A number as a chart reads it (invariant; empty when it cannot be computed).</summary>
    public static string Plot(double? value) => EvaluationTable.N(value)?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>A rate as a page shows it.</summary>
    public static string Percent(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("P1", CultureInfo.InvariantCulture) : "—";

    /// <summary>A number as a page shows it.</summary>
    public static string Number(double? value, string format = "0.###") => value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    /// <summary>Points as the chart script reads them.</summary>
    public static string Points(IEnumerable<(double X, double Y)> points) =>
        JsonSerializer.Serialize(points.Select(p => new { x = Math.Round(p.X, 4), y = Math.Round(p.Y, 4) }));

    /// <summary>The chart's series as the chart script reads them.</summary>
    public static string Series(params (string Label, IEnumerable<double?> Values)[] series) =>
        JsonSerializer.Serialize(series.Select(s => new { label = s.Label, values = string.Join("|", s.Values.Select(Plot)) }));

    private bool Load(long id)
    {
        try
        {
            Record = Storage.Evaluation.Evaluations.Find(request.Caller, id);
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }
}
