using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Governance.Agreements;
using Tessera.Storage.Transparency;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Transparency;

/// <summary>
/// The public transparency page, open to anyone without signing in: who shares data and why, every
/// project with an active data use licence in plain language (who, what data, why, until when, who
/// approved), the data dictionaries and glossary, and results published with differential privacy
/// with each data set's privacy budget.
/// </summary>
[Requires(Capability.ReadReference)]
public sealed class IndexModel(WorkspaceAccess access) : PageModel
{
    /// <summary>The CSV and Excel columns of the published results.</summary>
    public static IReadOnlyList<string> Header { get; } = PrivateAnswer.Header.Split(',');

    /// <summary>The enterprise MOU, when one is active.</summary>
    public Emou? Emou { get; private set; }

    /// <summary>Projects with an active licence.</summary>
    public IReadOnlyList<PublicProject> Projects { get; private set; } = [];

    /// <summary>Results published with differential privacy, newest first.</summary>
    public IReadOnlyList<PrivateAnswer> Results { get; private set; } = [];

    /// <summary>Each data set's privacy budget.</summary>
    public IReadOnlyList<PrivacyBudget> Budgets { get; private set; } = [];

    /// <summary>Shows the page.</summary>
    public void OnGet()
    {
        if (access.Current is { } workspace)
        {
            Emou = PublicRecord.Emou(workspace);
            Projects = PublicRecord.Projects(workspace);
            Results = PrivateResults.Answers(workspace);
            Budgets = PrivateResults.Budgets(workspace);
        }
    }

    /// <summary>The published results as CSV or Excel.</summary>
    public IActionResult OnGetExport(string? format)
    {
        OnGet();
        return TableDownload.File(format, "published-results", "Results", Header, Results.Select(a => (IReadOnlyList<object?>)[
            a.DataSet, a.MetricId, a.MetricTitle, a.From, a.To, a.Epsilon, a.People, a.PeopleWithOutcome, a.Rate, a.Margin95, a.AnsweredUtc.ToString("O", CultureInfo.InvariantCulture)]));
    }
}
