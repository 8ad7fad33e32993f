using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Providers;

/// <summary>
/// What happened to a provider's clients afterwards: for each post-exit measure, the clients who
/// left in each period and how many of them the linked data show with the outcome — a family back
/// in child welfare, a household back in a shelter, a graduate with wages or an arrest. Aggregated
/// and suppressed; a chart and a table per measure, CSV and Excel.
/// </summary>
[Requires(Capability.ViewContracts)]
public sealed class PostExitModel(RequestAccess request) : PageModel
{
    /// <summary>The CSV and Excel columns.</summary>
    public static IReadOnlyList<string> Header { get; } = ["provider", "metric", "period_start", "period_end", "numerator", "denominator", "value", "hidden"];

    /// <summary>The provider's id.</summary>
    public string Provider { get; private set; } = "";

    /// <summary>The post-exit measures with figures for the provider.</summary>
    public IReadOnlyList<PostExitOutcome> Outcomes { get; private set; } = [];

    /// <summary>Shows the page.</summary>
    public IActionResult OnGet(string provider) => Load(provider) ? Page() : NotFound();

    /// <summary>Every cohort of every measure as CSV or Excel.</summary>
    public IActionResult OnGetExport(string provider, string? format) => Load(provider)
        ? TableDownload.File(format, $"{provider}-post-exit", "Post-exit outcomes", Header, Outcomes.SelectMany(o => o.Cohorts.Select(c => (IReadOnlyList<object?>)[
            provider, o.Metric, c.PeriodStart, c.PeriodEnd, c.Numerator, c.Denominator, c.Value, c.Hidden])))
        : NotFound();

    /// <summary>A figure as shown: a rate as a percentage; a dash when hidden or missing.</summary>
    public static string Shown(double? value, bool isRate) =>
        value is not { } v ? "—" : isRate ? v.ToString("P1", CultureInfo.InvariantCulture) : v.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>The chart's one series (hidden cohorts are gaps), as the site's charts read it.</summary>
    public static string Series(PostExitOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return JsonSerializer.Serialize(new[]
        {
            new { label = outcome.Title, values = string.Join("|", outcome.Cohorts.Select(c => c.Value?.ToString("R", CultureInfo.InvariantCulture) ?? "")) },
        });
    }

    private bool Load(string provider)
    {
        try
        {
            Outcomes = PostExitOutcomes.Of(request.Caller, provider);
            Provider = provider;
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }
}
