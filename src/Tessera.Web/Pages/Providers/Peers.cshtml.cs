using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Management;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Providers;

/// <summary>
/// A provider against its peers on one of its contracts' measures over the latest year: its own
/// figure and rank, each peer under a label that names nobody with its figure, size band and place
/// on the funnel plot, the smaller providers only together. CSV and Excel.
/// </summary>
[Requires(Capability.ViewContracts)]
public sealed class PeersModel(RequestAccess request) : PageModel
{
    /// <summary>The CSV and Excel columns.</summary>
    public static IReadOnlyList<string> Header { get; } = ["provider", "metric", "from", "to", "peer", "value", "size", "funnel_position"];

    /// <summary>The comparison.</summary>
    public PeerView View { get; private set; } = null!;

    /// <summary>Shows the comparison on <paramref name="metric"/> (default: the first measure of the provider's first contract).</summary>
    public IActionResult OnGet(string provider, string? metric) => Load(provider, metric) ? Page() : NotFound();

    /// <summary>The rows as CSV or Excel: the provider itself, each peer, the group.</summary>
    public IActionResult OnGetExport(string provider, string? metric, string? format) => Load(provider, metric)
        ? TableDownload.File(format, $"{provider}-peers-{View.Metric}", "Peers", Header, Rows())
        : NotFound();

    /// <summary>A figure as shown: a rate as a percentage.</summary>
    public string Shown(double? value) => value is not { } v ? "—" : View.IsRate ? v.ToString("P1", CultureInfo.InvariantCulture) : v.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>The chart's bars: the provider, each peer, the group.</summary>
    public IReadOnlyList<(string Label, double? Value)> Bars =>
        [("You", View.Value), .. View.Peers.Select(p => (p.Label, p.Value)), .. View.Group is { } g ? [($"Smaller providers ({g.Providers})", g.Value)] : Array.Empty<(string, double?)>()];

    private IEnumerable<IReadOnlyList<object?>> Rows()
    {
        IReadOnlyList<object?> Row(string peer, double? value, string? size, string? position) => [View.Provider, View.Metric, View.From, View.To, peer, value, size, position];
        yield return Row("you", View.Value, View.Denominator is { } d ? d.ToString(CultureInfo.InvariantCulture) : null, View.Position);
        foreach (var p in View.Peers)
        {
            yield return Row(p.Label, p.Value, p.Size, p.Position);
        }

        if (View.Group is { } g)
        {
            yield return Row($"smaller providers ({g.Providers})", g.Value, g.Size, null);
        }
    }

    private bool Load(string provider, string? metric)
    {
        try
        {
            View = PeerComparison.Of(request.Caller, provider, metric);
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }
}
