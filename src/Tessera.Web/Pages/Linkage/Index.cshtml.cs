using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Linking;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Linkage;

/// <summary>
/// How linkage went: the last run's counts, the match-weight distribution, m and u of every
/// comparison level, person sizes, blocking analysis, and the runs before it with their merges
/// and splits. Aggregates only; no person appears.
/// </summary>
[Requires(Capability.ViewLinkage)]
public sealed class IndexModel(WorkspaceAccess access, RequestAccess request) : PageModel
{
    /// <summary>Runs, newest first.</summary>
    public IReadOnlyList<LinkRun> Runs { get; private set; } = [];

    /// <summary>The last run's summary (null before the first run).</summary>
    public LinkRunSummary? Summary { get; private set; }

    /// <summary>Whether the user may open the review queue.</summary>
    public bool MayReview { get; private set; }

    /// <summary>Shows the page.</summary>
    public IActionResult OnGet()
    {
        if (!Load())
        {
            return NotFound();
        }

        request.Record(AuditAction.Read, "linkage runs and model");
        return Page();
    }

    /// <summary>The runs as CSV.</summary>
    public IActionResult OnGetCsv()
    {
        if (!Load())
        {
            return NotFound();
        }

        request.Record(AuditAction.Export, "linkage runs");
        return CsvExport.File("linkage-runs.csv", ["run", "started_utc", "finished_utc", "operator", "records", "persons", "new_ids", "merged", "split", "retired", "review", "family_links"],
            Runs.Select(r => (IReadOnlyList<object?>)[r.Id, r.StartedUtc.ToString("s", CultureInfo.InvariantCulture), r.FinishedUtc.ToString("s", CultureInfo.InvariantCulture), r.Operator, r.Records, r.Persons, r.Issued, r.Merged, r.Split, r.Retired, r.Review, r.FamilyLinks]));
    }

    /// <summary>m, u and weight of every comparison level of the last run's model as CSV.</summary>
    public IActionResult OnGetModelCsv()
    {
        if (!Load() || Summary is null)
        {
            return NotFound();
        }

        request.Record(AuditAction.Export, "linkage model");
        return CsvExport.File("linkage-model.csv", ["comparison", "level", "m", "u", "weight", "term_frequency_adjusted"],
            Summary.Model.SelectMany(c => c.Levels.Select(l => (IReadOnlyList<object?>)[c.Name, l.Label, Number(l.M), Number(l.U), Number(l.Weight), l.TermFrequencyAdjusted ? "yes" : "no"])));
    }

    /// <summary>The last run's blocking analysis as CSV.</summary>
    public IActionResult OnGetBlockingCsv()
    {
        if (!Load() || Summary is null)
        {
            return NotFound();
        }

        request.Record(AuditAction.Export, "linkage blocking analysis");
        return CsvExport.File("linkage-blocking.csv", ["rule", "records_with_key", "blocks", "pairs_in_blocks", "pairs_compared", "largest_block", "blocks_over_limit", "pairs_over_limit"],
            Summary.Blocking.Rules.Select(r => (IReadOnlyList<object?>)[r.Rule, r.RecordsWithKey, r.Blocks, r.Pairs, r.NewPairs, r.LargestBlocks.Count > 0 ? r.LargestBlocks[0] : 0, r.BlocksOverLimit, r.PairsOverLimit]));
    }

    /// <summary>"a|b|c" for a chart's data attribute.</summary>
    public static string Joined<T>(IEnumerable<T> values, Func<T, object> pick) =>
        string.Join("|", values.Select(v => Convert.ToString(pick(v), CultureInfo.InvariantCulture)));

    /// <summary>A number for charts and CSV: four decimals, invariant.</summary>
    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private bool Load()
    {
        if (access.Current is not { } workspace)
        {
            return false;
        }

        var index = new PersonIndex(workspace.Vault);
        Runs = index.Runs();
        Summary = Runs.Count > 0 ? LinkRunSummary.FromJson(Runs[0].SummaryJson) : null;
        MayReview = AccessPolicy.Permits(request.User, Capability.ReviewLinks);
        return true;
    }
}
