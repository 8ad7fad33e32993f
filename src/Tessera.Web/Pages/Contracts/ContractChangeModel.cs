using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Contracts.Agreements;
using Tessera.Contracts.Files;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Contracts;

/// <summary>
/// What the forms that change one contract share (a target, the payment terms): the contract
/// ("not found" when it is not the user's), saving a changed version through the same checks as an
/// imported file, and showing the form again with every problem.
/// </summary>
public abstract class ContractChangeModel(RequestAccess request) : PageModel
{
    /// <summary>The contract.</summary>
    public RegisteredContract Contract { get; private set; } = null!;

    /// <summary>What is wrong with what was entered.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The request's caller.</summary>
    protected Caller Caller => request.Caller;

    /// <summary>Reads the contract; false when there is none the user may see.</summary>
    protected bool Load(string contract)
    {
        try
        {
            Contract = ContractRegistry.Show(request.Caller, contract).Contract;
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }

    /// <summary>Saves <paramref name="changed"/> as a new version and goes to <paramref name="then"/>, or shows the form with the problems.</summary>
    protected IActionResult Save(Contract changed, string reason, string then)
    {
        try
        {
            ContractRegistry.Save(request.Caller, changed, reason);
        }
        catch (ContractingFileException invalid)
        {
            return Refused(invalid.Problems, StatusCodes.Status400BadRequest);
        }
        catch (AccessDeniedException denied) when (!denied.NotFound)
        {
            return Refused([$"You may not change contracts of {Contract.Contract.Agency}."], StatusCodes.Status403Forbidden);
        }

        return Redirect(then);
    }

    /// <summary>The form again, with <paramref name="problems"/> and <paramref name="status"/>.</summary>
    protected IActionResult Refused(IReadOnlyList<string> problems, int status)
    {
        Problems = problems;
        Response.StatusCode = status;
        return Page();
    }
}
