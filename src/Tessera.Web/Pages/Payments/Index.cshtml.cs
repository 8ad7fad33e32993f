using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Contracts.Payments;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Payments;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Payments;

/// <summary>
/// A contract's payment statements — period, total, status, who prepared and approved each — and,
/// for contract managers, the form that prepares the statement of a payment period. Another
/// agency's contract is "not found".
/// </summary>
[Requires(Capability.ViewPayments)]
public sealed class IndexModel(RequestAccess request) : PageModel
{
    /// <summary>The contract.</summary>
    public RegisteredContract Contract { get; private set; } = null!;

    /// <summary>Its statements, newest first.</summary>
    public IReadOnlyList<PaymentStatement> Statements { get; private set; } = [];

    /// <summary>Its payment periods.</summary>
    public IReadOnlyList<PaymentPeriod> Periods { get; private set; } = [];

    /// <summary>True when the user may prepare statements.</summary>
    public bool MayPrepare => AccessPolicy.Permits(request.User, Capability.PreparePayments);

    /// <summary>The period to prepare, e.g. 2024-Q1.</summary>
    [BindProperty]
    public string? Period { get; set; }

    /// <summary>Why the statement could not be prepared.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the statements.</summary>
    public IActionResult OnGet(string contract) => Load(contract) ? Page() : NotFound();

    /// <summary>The statements as CSV (<c>format=xlsx</c>: as Excel).</summary>
    public IActionResult OnGetCsv(string contract, string? format) => Load(contract)
        ? TableDownload.File(format, $"{contract}-statements", "Statements", ["statement", "contract", "period", "total", "status", "prepared_by", "approved_by"],
            Statements.Select(s => (IReadOnlyList<object?>)[s.Id, s.Contract, s.Period.Label, s.Total.ToString(), s.Status, s.PreparedBy, s.ApprovedBy]))
        : NotFound();

    /// <summary>Prepares the statement of <see cref="Period"/> and opens it.</summary>
    [Requires(Capability.PreparePayments)]
    public IActionResult OnPost(string contract)
    {
        if (!Load(contract))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Period))
        {
            return Refused("Choose the payment period to prepare.");
        }

        try
        {
            var statement = PaymentRuns.Run(request.Caller, contract, Period.Trim());
            return Redirect($"/payments/{statement.Id}");
        }
        catch (WorkspaceException wrong)
        {
            return Refused(wrong.Message);
        }
        catch (StatementLockedException locked)
        {
            return Refused(locked.Message);
        }
    }

    private IActionResult Refused(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private bool Load(string contract)
    {
        try
        {
            Contract = ContractRegistry.Show(request.Caller, contract).Contract;
            Statements = PaymentRuns.List(request.Caller, contract);
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }

        var c = Contract.Contract;
        Periods = c.Payments is { } terms ? PaymentPeriod.Covering(terms.Period, c.Start, c.End) : [];
        return true;
    }
}
