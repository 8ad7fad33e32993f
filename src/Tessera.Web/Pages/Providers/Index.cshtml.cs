using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Contracting;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Providers;

/// <summary>The provider registry: each provider with its program and the codes agencies' data name it by.</summary>
[Requires(Capability.ViewContracts)]
public sealed class IndexModel(RequestAccess request) : PageModel
{
    /// <summary>The providers the user may see.</summary>
    public IReadOnlyList<RegisteredProvider> Providers { get; private set; } = [];

    /// <summary>Shows the list.</summary>
    public void OnGet() => Providers = ProviderRegistry.List(request.Caller);

    /// <summary>The list as CSV, as <c>tessera providers list --format csv</c> writes it (<c>format=xlsx</c>: as Excel).</summary>
    public IActionResult OnGetCsv(string? format) =>
        TableDownload.File(format, "tessera-providers", "Providers", ["provider", "name", "type", "program", "agencies", "identifiers", "version"],
            ProviderRegistry.List(request.Caller).Select(p => (IReadOnlyList<object?>)
            [
                p.Provider.Id.Value, p.Provider.Name, p.Provider.Type, p.Provider.Program, string.Join(";", p.Provider.Agencies),
                string.Join(";", p.Provider.Identifiers.Select(c => $"{c.Source}.{c.Field}={c.Value}")), p.Version,
            ]));
}
