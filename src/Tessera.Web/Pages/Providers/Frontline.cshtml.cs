using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Contracts.Management;
using Tessera.Core.Time;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Management;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Providers;

/// <summary>
/// What caseworkers reported about a provider, as the provider sees it: reports by category and
/// month — no text, no day, no caseworker — charted and tabled, CSV and Excel.
/// </summary>
[Requires(Capability.ViewManagement)]
public sealed class FrontlineModel(RequestAccess request) : PageModel
{
    /// <summary>The CSV and Excel columns.</summary>
    public static IReadOnlyList<string> Header { get; } = ["provider", "month", "category", "reports"];

    /// <summary>The provider's id.</summary>
    public string Provider { get; private set; } = "";

    /// <summary>Every month from the first report to this one, oldest first.</summary>
    public IReadOnlyList<YearMonth> Months { get; private set; } = [];

    /// <summary>Reports by month and category.</summary>
    public IReadOnlyDictionary<(YearMonth Month, string Category), int> Counts { get; private set; } = new Dictionary<(YearMonth, string), int>();

    /// <summary>The categories, in the order reports are filed under them.</summary>
    public static IReadOnlyList<string> Categories => FrontlineReport.Categories;

    /// <summary>Shows the page.</summary>
    public IActionResult OnGet(string provider) => Load(provider) ? Page() : NotFound();

    /// <summary>Every month and category as CSV or Excel (months without reports as zeros).</summary>
    public IActionResult OnGetExport(string provider, string? format) => Load(provider)
        ? TableDownload.File(format, $"{provider}-frontline-reports", "Frontline reports", Header,
            Months.SelectMany(m => Categories.Select(c => (IReadOnlyList<object?>)[provider, m.ToString(), c, Count(m, c)])))
        : NotFound();

    /// <summary>How many reports in <paramref name="category"/> in <paramref name="month"/>.</summary>
    public int Count(YearMonth month, string category) => Counts.GetValueOrDefault((month, category));

    /// <summary>The chart's series: one per category.</summary>
    public string Series() => JsonSerializer.Serialize(Categories.Select(c => new
    {
        label = FrontlineReport.CategoryWords(c),
        values = string.Join("|", Months.Select(m => Count(m, c).ToString(CultureInfo.InvariantCulture))),
    }));

    private bool Load(string provider)
    {
        try
        {
            var trends = FrontlineReports.About(request.Caller, provider);
            Provider = provider;
            Counts = trends.ToDictionary(t => (t.Month, t.Category), t => t.Reports);
            var now = YearMonth.Of(DateOnly.FromDateTime(request.Caller.Workspace.UtcNow));
            var first = trends.Count == 0 ? now : trends.Min(t => t.Month);
            var last = trends.Count == 0 ? now : trends.Max(t => t.Month) > now ? trends.Max(t => t.Month) : now;
            Months = [.. Enumerable.Range(first.Ordinal, last.Ordinal - first.Ordinal + 1).Select(YearMonth.FromOrdinal)];
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }
}
