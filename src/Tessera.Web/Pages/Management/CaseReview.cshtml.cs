using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Management;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Management;

/// <summary>
/// The case-file review sampler: a few cases with good and poor outcomes of a contract's measure,
/// drawn with a seed anyone can repeat, pseudonymous; person-level, so authorised and audited.
/// </summary>
[Requires(Capability.ReviewCaseFiles)]
public sealed class CaseReviewModel(RequestAccess request) : PageModel
{
    /// <summary>The contracts the user manages.</summary>
    public IReadOnlyList<RegisteredContract> Contracts { get; private set; } = [];

    /// <summary>The contract.</summary>
    [FromQuery(Name = "contract")]
    public string? Contract { get; set; }

    /// <summary>The metric.</summary>
    [FromQuery(Name = "metric")]
    public string? Metric { get; set; }

    /// <summary>Cases per outcome.</summary>
    [FromQuery(Name = "per")]
    public int PerOutcome { get; set; } = 3;

    /// <summary>The seed: the same seed draws the same cases.</summary>
    [FromQuery(Name = "seed")]
    public int? Seed { get; set; }

    /// <summary>The sample, once drawn.</summary>
    public IReadOnlyList<CaseSample>? Sample { get; private set; }

    /// <summary>Why the sample was not drawn.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the form and, when a contract and metric are chosen, the sample.</summary>
    public IActionResult OnGet() => Draw() ? Page() : NotFound();

    /// <summary>The sample as CSV.</summary>
    public IActionResult OnGetCsv() => !Draw() ? NotFound()
        : Sample is null ? BadRequest(Problem ?? "Choose the contract and the measure to sample.")
        : CsvExport.File($"{Contract}-{Metric}-sample-{Seed}.csv", CaseSample.Header, Sample.Select(s => s.Cells));

    private bool Draw()
    {
        Contracts = ContractRegistry.List(request.Caller);
        Seed ??= DateOnly.FromDateTime(request.Caller.Workspace.UtcNow).DayNumber;
        if (string.IsNullOrEmpty(Contract) || string.IsNullOrEmpty(Metric))
        {
            return true;
        }

        try
        {
            Sample = CaseReview.Sample(request.Caller, Contract, Metric, PerOutcome, Seed.Value);
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
        catch (WorkspaceException wrong)
        {
            Problem = wrong.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return true;
    }
}
