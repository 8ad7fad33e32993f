using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Intake.Delivering;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Providers;

/// <summary>One delivery a provider sent and the rows held back from it, with the rule each broke — so the provider can fix them in its own system and send the month again.</summary>
[Requires(Capability.DeliverServiceData)]
public sealed class ServiceDeliveryModel(RequestAccess request) : PageModel
{
    /// <summary>The CSV and Excel columns of the held-back rows.</summary>
    public static IReadOnlyList<string> Header { get; } = ["file", "row", "column", "rule", "expected", "value"];

    /// <summary>The provider's id.</summary>
    public string Provider { get; private set; } = "";

    /// <summary>The delivery.</summary>
    public DeliveryLedgerEntry Delivery { get; private set; } = null!;

    /// <summary>Its quarantined rows.</summary>
    public IReadOnlyList<QuarantineEntry> Problems { get; private set; } = [];

    /// <summary>Shows the delivery.</summary>
    public IActionResult OnGet(string provider, long id) => Load(provider, id) ? Page() : NotFound();

    /// <summary>The held-back rows as CSV or Excel.</summary>
    public IActionResult OnGetExport(string provider, long id, string? format) => Load(provider, id)
        ? TableDownload.File(format, string.Create(CultureInfo.InvariantCulture, $"{provider}-delivery-{id}-held-back"), "Held back", Header,
            Problems.Select(p => (IReadOnlyList<object?>)[p.File, p.Row, p.Column, p.Rule.ToString(), p.Expected, p.PlainValue]))
        : NotFound();

    private bool Load(string provider, long id)
    {
        try
        {
            (Delivery, Problems) = ServiceDeliveries.Show(request.Caller, provider, id);
            Provider = provider;
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }
}
