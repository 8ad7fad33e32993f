using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Payments;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Payments;

/// <summary>
/// One payment statement, line by line with the metric run behind each line, printable, as CSV
/// (the columns of <c>tessera payments statement ID --format csv</c>) and as Excel; a finance
/// officer who did not prepare it approves it here. Another agency's statement is "not found".
/// </summary>
[Requires(Capability.ViewPayments)]
public sealed class StatementModel(RequestAccess request) : PageModel
{
    /// <summary>The statement.</summary>
    public PaymentStatement Statement { get; private set; } = null!;

    /// <summary>The total the approver saw, posted back so what is approved is what was shown.</summary>
    [BindProperty]
    public string? Total { get; set; }

    /// <summary>Why it could not be approved.</summary>
    public string? Problem { get; private set; }

    /// <summary>True when the user may approve this statement: the finance role, not its preparer, not yet approved.</summary>
    public bool MayApprove => AccessPolicy.Permits(request.User, Capability.ApprovePayments) && Statement.Status == PaymentStatement.Prepared && Statement.PreparedBy != request.User.Name;

    /// <summary>Shows the statement.</summary>
    public IActionResult OnGet(long statement) => Load(statement) ? Page() : NotFound();

    /// <summary>The statement as CSV for the finance system.</summary>
    public IActionResult OnGetCsv(long statement) =>
        Load(statement) ? CsvExport.File(FileName("csv"), PaymentStatement.Header, Statement.Rows()) : NotFound();

    /// <summary>The statement as an Excel workbook.</summary>
    public IActionResult OnGetExcel(long statement) =>
        Load(statement) ? SpreadsheetExport.File(FileName("xlsx"), "Statement", PaymentStatement.Header, Statement.Rows()) : NotFound();

    /// <summary>True when the user may download the persons behind the paid outcomes.</summary>
    public bool MaySeePersons => AccessPolicy.Permits(request.User, Capability.ViewMetricPersons);

    /// <summary>The pseudonymous persons behind each paid outcome, as CSV (person-level, audited).</summary>
    [Requires(Capability.ViewMetricPersons)]
    public IActionResult OnGetEvidence(long statement)
    {
        try
        {
            return CsvExport.File(string.Create(CultureInfo.InvariantCulture, $"statement-{statement}-persons.csv"), OutcomeEvidence.Header, PaymentRuns.Persons(request.Caller, statement).Select(e => e.Cells));
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return NotFound();
        }
    }

    /// <summary>Approves the statement, if the total posted is the one it has.</summary>
    [Requires(Capability.ApprovePayments)]
    public IActionResult OnPostApprove(long statement)
    {
        if (!Load(statement))
        {
            return NotFound();
        }

        if (Total != Statement.Total.ToString())
        {
            return Refused("The statement is not the one you saw (its total differs); open it again before approving.", StatusCodes.Status400BadRequest);
        }

        try
        {
            PaymentRuns.Approve(request.Caller, statement);
        }
        catch (AccessDeniedException denied) when (!denied.NotFound)
        {
            return Refused(denied.Message, StatusCodes.Status403Forbidden);
        }
        catch (StatementLockedException locked)
        {
            return Refused(locked.Message, StatusCodes.Status409Conflict);
        }

        return Redirect($"/payments/{statement}");
    }

    private IActionResult Refused(string problem, int status)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }

    private string FileName(string extension) => string.Create(CultureInfo.InvariantCulture, $"{Statement.Contract}-{Statement.Period.Label}-statement-{Statement.Id}.{extension}");

    private bool Load(long statement)
    {
        try
        {
            Statement = PaymentRuns.Show(request.Caller, statement);
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }
}
