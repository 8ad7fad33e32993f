namespace Tessera.Web.Pages.Shared;

/// <summary>
/// The capabilities the navigation announces before they ship, so users see where the product is
/// going; each moves to a real link when its pages land.
/// </summary>
public static class Capabilities
{
    /// <summary>Capabilities not yet available, in the order of the data flow.</summary>
    public static IReadOnlyList<(string Name, string Description)> Coming { get; } =
    [
        ("Governance", "Agreements, releases and the audit trail"),
    ];
}
