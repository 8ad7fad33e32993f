using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Management;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Management;

/// <summary>
/// The contract dashboard's equity tab: each measure for the provider's clients by race (or
/// another characteristic the metrics record), each group against everyone else, from published
/// figures with small cells hidden.
/// </summary>
[Requires(Capability.ViewManagement)]
public sealed class EquityModel(RequestAccess request) : PageModel
{
    /// <summary>The CSV and Excel columns.</summary>
    public static IReadOnlyList<string> Header { get; } = ["contract", "metric", "from", "to", "group", "persons", "outcomes", "rate", "ratio", "ci_low", "ci_high"];

    /// <summary>The tab.</summary>
    public EquityTab Tab { get; private set; } = null!;

    /// <summary>Shows the tab.</summary>
    public IActionResult OnGet(string contract, string? by) => Load(contract, by) ? Page() : NotFound();

    /// <summary>The tab's figures as CSV or Excel.</summary>
    public IActionResult OnGetExport(string contract, string? by, string? format) => Load(contract, by)
        ? TableDownload.File(format, $"{contract}-equity", "Equity", Header, Tab.Measures.SelectMany(m => m.Rows.Select(r => (IReadOnlyList<object?>)[
            Tab.Contract, m.Metric, m.From, m.To, r.Group, r.Cases, r.Outcomes, Round(r.Rate?.Estimate), Round(r.Ratio?.Estimate), Round(r.Ratio?.Low), Round(r.Ratio?.High)])))
        : NotFound();

    /// <summary>A number as shown.</summary>
    public static string Shown(double? value, string format = "0.###") => value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    private static double? Round(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 6) : null;

    private bool Load(string contract, string? by)
    {
        try
        {
            Tab = EquityView.Of(request.Caller, contract, string.IsNullOrWhiteSpace(by) ? EquityView.DefaultCharacteristic : by.Trim());
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }
}
