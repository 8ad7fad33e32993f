using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Planning;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Plan;

/// <summary>
/// How the service overlap changes over time: each calendar year's persons in the largest
/// combinations of agencies as a line chart, and every combination by year in a table (CSV, Excel),
/// suppressed as the overlap is.
/// </summary>
[Requires(Capability.ViewPlanning)]
public sealed class YearsModel(RequestAccess request) : PageModel
{
    /// <summary>The combinations the chart draws.</summary>
    public const int ChartSeries = 6;

    /// <summary>Each year's overlap.</summary>
    public IReadOnlyList<(int Year, Overlap Overlap)> Years { get; private set; } = [];

    /// <summary>Every combination seen in any year, most persons in the last year first.</summary>
    public IReadOnlyList<string> Combinations { get; private set; } = [];

    /// <summary>Why there is nothing to show.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows it.</summary>
    public IActionResult OnGet()
    {
        Load();
        return Page();
    }

    /// <summary>Every year's combinations as CSV (year,sources,persons,families) or Excel; hidden counts are empty.</summary>
    public IActionResult OnGetExport(string? format)
    {
        Load();
        return TableDownload.File(format, "service-overlap-by-year", "By year", ["year", "sources", "persons", "families"],
            Years.SelectMany(y => y.Overlap.Rows.Where(r => r.Persons != 0).Select(r => (IReadOnlyList<object?>)[y.Year, r.Key, r.Persons, r.Families])));
    }

    /// <summary>The persons of <paramref name="combination"/> in <paramref name="overlap"/>: null when hidden, 0 when none.</summary>
    public static long? Persons(Overlap overlap, string combination) =>
        overlap.Rows.FirstOrDefault(r => r.Key == combination) is { } row ? row.Persons : 0;

    /// <summary>The chart's series: the largest combinations, a line each.</summary>
    public string Series() => JsonSerializer.Serialize(Combinations.Take(ChartSeries).Select(c => new
    {
        label = c,
        values = string.Join("|", Years.Select(y => Persons(y.Overlap, c)?.ToString(CultureInfo.InvariantCulture) ?? "")),
    }));

    private void Load()
    {
        try
        {
            Years = ServiceOverlap.ByYear(request.Caller);
            var last = Years[^1].Overlap;
            Combinations = [.. Years.SelectMany(y => y.Overlap.Rows.Where(r => r.Persons != 0).Select(r => r.Key)).Distinct(StringComparer.Ordinal)
                .OrderByDescending(c => Persons(last, c) ?? 0).ThenBy(c => c, StringComparer.Ordinal)];
        }
        catch (WorkspaceException e)
        {
            Problem = e.Message;
        }
    }
}
