using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Contracts.Management;
using Tessera.Governance.Access;
using Tessera.Storage.Management;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Management;

/// <summary>
/// Which contracts get active contract management: each contract's score on the seeds' criteria
/// with its reasons, and improvement sprints — a quarter each — rotating intensive attention over them.
/// </summary>
[Requires(Capability.RunManagement)]
public sealed class PortfolioModel(RequestAccess request) : PageModel
{
    /// <summary>The scores, highest first.</summary>
    public IReadOnlyList<AcmScore> Scores { get; private set; } = [];

    /// <summary>The sprints, one a quarter from the next.</summary>
    public IReadOnlyList<(string Quarter, IReadOnlyList<AcmScore> Contracts)> Sprints { get; private set; } = [];

    /// <summary>Contracts per sprint.</summary>
    [FromQuery(Name = "per")]
    public int PerSprint { get; set; } = 3;

    /// <summary>How many sprints to plan.</summary>
    [FromQuery(Name = "sprints")]
    public int Count { get; set; } = 4;

    /// <summary>Shows the scores and the plan.</summary>
    public IActionResult OnGet()
    {
        Load();
        return Page();
    }

    /// <summary>The scores as CSV or Excel.</summary>
    public IActionResult OnGetExport(string? format)
    {
        Load();
        return TableDownload.File(format, "acm-scores", "ACM scores", ["contract", "points", "reasons"], Scores.Select(s => (IReadOnlyList<object?>)[s.Contract, s.Points, string.Join("; ", s.Reasons)]));
    }

    private void Load()
    {
        (PerSprint, Count) = (Math.Clamp(PerSprint, 1, 20), Math.Clamp(Count, 1, 8));
        Scores = Portfolio.Scores(request.Caller);
        var today = DateOnly.FromDateTime(request.Caller.Workspace.UtcNow);
        var quarter = new DateOnly(today.Year, (((today.Month - 1) / 3) * 3) + 1, 1).AddMonths(3);
        Sprints = [.. AcmScore.Sprints(Scores, PerSprint, Count).Select((s, i) => (Label(quarter.AddMonths(3 * i)), s))];
    }

    private static string Label(DateOnly start) => $"{start.Year}-Q{((start.Month - 1) / 3) + 1}";
}
