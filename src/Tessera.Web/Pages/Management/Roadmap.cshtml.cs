using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Contracts.Management;
using Tessera.Core.Time;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Management;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Management;

/// <summary>
/// A program's 12-month improvement roadmap: a deep-dive topic for each month, edited here, which
/// each month's meetings take as the third part of their agenda; frontline reports suggest topics.
/// </summary>
[Requires(Capability.ViewManagement)]
public sealed class RoadmapModel(RequestAccess request) : PageModel
{
    /// <summary>The program.</summary>
    public string Program { get; private set; } = "";

    /// <summary>The first month shown.</summary>
    public YearMonth From { get; private set; }

    /// <summary>The twelve months from <see cref="From"/>, each with its topic if one is planned.</summary>
    public IReadOnlyList<(YearMonth Month, RoadmapTopic? Topic)> Months { get; private set; } = [];

    /// <summary>Deep dives the frontline reports suggest.</summary>
    public IReadOnlyList<(string Category, int Reports)> Suggestions { get; private set; } = [];

    /// <summary>True when the user edits the roadmap.</summary>
    public bool MayRun => AccessPolicy.Permits(request.User, Capability.RunManagement);

    /// <summary>Shows the roadmap from <paramref name="from"/> (YYYY-MM; default this month).</summary>
    public IActionResult OnGet(string program, string? from) => Load(program, from) ? Page() : NotFound();

    /// <summary>Saves the twelve months' topics and questions.</summary>
    [Requires(Capability.RunManagement)]
    public IActionResult OnPost(string program, string? from, string[] month, string?[] topic, string?[] questions)
    {
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(questions);
        if (month.Length == 0 || topic.Length != month.Length)
        {
            return BadRequest();
        }

        try
        {
            for (var i = 0; i < month.Length && i < topic.Length; i++)
            {
                if (YearMonth.TryParse(month[i], out var m))
                {
                    Roadmaps.Set(request.Caller, program, m, topic[i], i < questions.Length ? questions[i] : null);
                }
            }
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return NotFound();
        }

        return Redirect($"/acm/roadmap/{Uri.EscapeDataString(program)}{(from is null ? "" : $"?from={Uri.EscapeDataString(from)}")}");
    }

    private bool Load(string program, string? from)
    {
        var today = DateOnly.FromDateTime(request.Caller.Workspace.UtcNow);
        From = YearMonth.TryParse(from, out var f) ? f : YearMonth.Of(today);
        Program = program;
        try
        {
            var topics = Roadmaps.Of(request.Caller, program, From);
            Months = [.. Enumerable.Range(0, 12).Select(i => From.AddMonths(i)).Select(m => (m, topics.FirstOrDefault(t => t.Month == m)))];
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }

        if (AccessPolicy.Permits(request.User, Capability.ViewFrontlineReports))
        {
            Suggestions = FrontlineReports.Suggestions(request.Caller, program, today);
        }

        return true;
    }
}
