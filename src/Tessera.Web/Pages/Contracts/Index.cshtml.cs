using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Contracting;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Contracts;

/// <summary>The contracts the user may see: their agency's, their provider's, or all for an administrator.</summary>
[Requires(Capability.ViewContracts)]
public sealed class IndexModel(RequestAccess request) : PageModel
{
    /// <summary>The contracts shown.</summary>
    public IReadOnlyList<RegisteredContract> Contracts { get; private set; } = [];

    /// <summary>True when the user may add and change contracts.</summary>
    public bool MayManage => AccessPolicy.Permits(request.User, Capability.ManageContracts);

    /// <summary>Shows the list.</summary>
    public void OnGet() => Contracts = ContractRegistry.List(request.Caller);

    /// <summary>The list as CSV, as <c>tessera contracts list --format csv</c> writes it (<c>format=xlsx</c>: as Excel).</summary>
    public IActionResult OnGetCsv(string? format) =>
        TableDownload.File(format, "tessera-contracts", "Contracts", ["contract", "agency", "provider", "program", "start", "end", "value", "stage", "metrics", "version"],
            ContractRegistry.List(request.Caller).Select(r => (IReadOnlyList<object?>)
            [
                r.Contract.Id.Value, r.Contract.Agency, r.Contract.Provider.Value, r.Contract.Program, r.Contract.Start, r.Contract.End, r.Contract.Value?.ToString(),
                r.Contract.Stage.ToString().ToLowerInvariant(), string.Join(";", r.Contract.Metrics.Select(m => m.Metric)), r.Version,
            ]));
}
