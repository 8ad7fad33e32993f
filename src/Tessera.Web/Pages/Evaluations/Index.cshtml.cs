using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Metrics.Definitions;
using Tessera.Storage.Access;
using Tessera.Storage.Evaluation;
using Tessera.Storage.Metrics;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Evaluations;

/// <summary>
/// Evaluations: forms to run a dose-response analysis, a comparison of participants with similar
/// non-participants, a disparity comparison, a regression discontinuity or a before-and-after view
/// of any metric, and the evaluations run so far. An
/// analyst needs an active data use licence covering the sources the evaluation reads; a refusal
/// says so.
/// </summary>
[Requires(Capability.RunEvaluations)]
public sealed class IndexModel(RequestAccess request) : PageModel
{
    /// <summary>The CSV and Excel columns of the list.</summary>
    public static IReadOnlyList<string> Header { get; } = ["id", "kind", "title", "metric", "metric_version", "persons", "licence", "run_by", "run_utc"];

    /// <summary>The metrics one may evaluate (rates), with their population's fields and characteristics.</summary>
    public IReadOnlyList<MetricChoice> Metrics { get; private set; } = [];

    /// <summary>The evaluations the user may read.</summary>
    public IReadOnlyList<EvaluationRecord> Evaluations { get; private set; } = [];

    /// <summary>Why the last request was refused.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the page.</summary>
    public void OnGet() => Load();

    /// <summary>The list as CSV or Excel.</summary>
    public IActionResult OnGetExport(string? format)
    {
        Load();
        return TableDownload.File(format, "evaluations", "Evaluations", Header,
            Evaluations.Select(e => (IReadOnlyList<object?>)[e.Id, e.Kind, e.Title, e.MetricId, e.MetricVersion, e.Persons, e.Licence, e.RunBy, e.RunUtc.ToString("O", CultureInfo.InvariantCulture)]));
    }

    /// <summary>Runs a dose-response analysis.</summary>
    public IActionResult OnPostDoseResponse(string? metric, string? dose, string? bands, string[]? adjust, DateOnly? from, DateOnly? to) =>
        Run(() => Storage.Evaluation.Evaluations.DoseResponse(request.Caller, Required(metric, "the metric"), Required(dose, "the dose field"), Required(bands, "the bands"), adjust ?? [], new Anchors(from, to)));

    /// <summary>Runs a comparison of participants with similar non-participants.</summary>
    public IActionResult OnPostCompare(string? choice, DateOnly? from, DateOnly? to) =>
        Run(() =>
        {
            var parts = Required(choice, "the metric and service").Split('|', 2);
            return Storage.Evaluation.Evaluations.Compare(request.Caller, parts[0], parts.Length == 2 ? parts[1] : Required(null, "the service taken part in"), null, new Anchors(from, to));
        });

    /// <summary>Runs a disparity comparison.</summary>
    public IActionResult OnPostDisparity(string? metric, string? by, string? reference, DateOnly? from, DateOnly? to) =>
        Run(() => Storage.Evaluation.Evaluations.Disparity(request.Caller, Required(metric, "the metric"), Required(by, "the characteristic"), Required(reference, "the reference group"), new Anchors(from, to)));

    /// <summary>Runs a regression discontinuity.</summary>
    public IActionResult OnPostRdd(string? metric, string? score, string? cutoff, string? bandwidth, DateOnly? from, DateOnly? to) =>
        Run(() => Storage.Evaluation.Evaluations.Rdd(request.Caller, Required(metric, "the metric"), Required(score, "the score field"), Number(cutoff, "the cut-off")!.Value,
            string.IsNullOrWhiteSpace(bandwidth) ? null : Number(bandwidth, "the bandwidth"), new Anchors(from, to)));

    /// <summary>Runs a before-and-after view.</summary>
    public IActionResult OnPostBeforeAfter(string? metric, int? quarters, DateOnly? from, DateOnly? to) =>
        Run(() => Storage.Evaluation.Evaluations.BeforeAfter(request.Caller, Required(metric, "the metric"), quarters ?? 8, new Anchors(from, to)));

    private IActionResult Run(Func<EvaluationRecord> evaluate)
    {
        try
        {
            return Redirect(string.Create(CultureInfo.InvariantCulture, $"/evaluations/{evaluate().Id}"));
        }
        catch (AccessDeniedException)
        {
            Problem = "You may not run this evaluation: an analyst needs an active data use licence that covers every source it reads (the metric's and the characteristics chosen). Ask the IDS administrator.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        catch (WorkspaceException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Load();
        return Page();
    }

    private static string Required(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new WorkspaceException($"Give {what}.") : value.Trim();

    private static double? Number(string? value, string what) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : throw new WorkspaceException($"Give {what} as a number, e.g. 45 or 0.5.");

    private void Load()
    {
        var workspace = request.Caller.Workspace;
        var schema = new WorkspaceMetricSchema(workspace);
        Metrics = [.. MetricCatalog.Load(workspace).Where(e => e.Available && e.Definition.ValueKind == MetricValue.Rate)
            .OrderBy(e => e.Definition.Title, StringComparer.Ordinal)
            .Select(e => new MetricChoice(e.Definition.Id, e.Definition.Title,
                [.. schema.File(e.Definition.Population.Source, e.Definition.Population.File).SelectMany(f => f.Fields).Select(f => f.Name).Distinct(StringComparer.Ordinal)],
                [.. e.Definition.AdjustFor.Select(t => t.Name)], [.. e.Definition.AdjustFor.Where(t => !t.IsAttribute).Select(t => t.Name)]))];
        Evaluations = Storage.Evaluation.Evaluations.List(request.Caller);
    }

    /// <summary>A metric as the forms offer it.</summary>
    public sealed record MetricChoice(string Id, string Title, IReadOnlyList<string> Fields, IReadOnlyList<string> Characteristics, IReadOnlyList<string> Services);
}
