using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Tessera.Contracts.Agreements;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Contracts;

/// <summary>
/// A target changed in the middle of a contract: the metric, the day the new target applies from,
/// its value, who proposed it, when it was agreed and why. The earlier target keeps applying to
/// the periods before; both stay in the contract's history. Another agency's contract is "not found".
/// </summary>
[Requires(Capability.ManageContracts)]
public sealed class TargetModel(RequestAccess request) : ContractChangeModel(request)
{
    /// <summary>The metric whose target changes.</summary>
    [BindProperty]
    public string? Metric { get; set; }

    /// <summary>First day the new target applies, yyyy-MM-dd.</summary>
    [BindProperty]
    public string? From { get; set; }

    /// <summary>The new target.</summary>
    [BindProperty]
    public string? Value { get; set; }

    /// <summary>Who proposed it: agency or provider.</summary>
    [BindProperty]
    public string? ProposedBy { get; set; } = "agency";

    /// <summary>The day both agreed, yyyy-MM-dd.</summary>
    [BindProperty]
    public string? AgreedOn { get; set; }

    /// <summary>Why the target changes.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>Shows the form.</summary>
    public IActionResult OnGet(string contract, string? metric)
    {
        if (!Load(contract))
        {
            return NotFound();
        }

        Metric = metric ?? Contract.Contract.Metrics.FirstOrDefault()?.Metric;
        AgreedOn = DateOnly.FromDateTime(Caller.Workspace.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    /// <summary>Saves the changed target as a new version of the contract, or shows the form again with its problems.</summary>
    public IActionResult OnPost(string contract)
    {
        if (!Load(contract))
        {
            return NotFound();
        }

        var problems = new List<string>();
        var target = Read(problems);
        Contract? changed = null;
        if (target is not null)
        {
            try
            {
                changed = Contract.Contract.WithTarget(Metric!, target);
            }
            catch (ArgumentException wrong)
            {
                problems.Add((wrong.ParamName == "metric" ? "Metric: " : "Applies from: ") + wrong.Message.Split(" (Parameter", 2)[0]);
            }
        }

        if (changed is null)
        {
            return Refused(problems, StatusCodes.Status400BadRequest);
        }

        return Save(changed, string.Create(CultureInfo.InvariantCulture, $"target of {Metric} from {target!.From:yyyy-MM-dd}: {Reason!.Trim()}"), $"/contracts/{contract}#metric-{Metric}");
    }

    private PeriodTarget? Read(List<string> problems)
    {
        static DateOnly? Day(string? text) => DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

        if (Contract.Contract.Metrics.All(m => m.Metric != Metric))
        {
            problems.Add("Metric: choose one of the contract's metrics.");
        }

        var from = Day(From);
        if (from is null)
        {
            problems.Add($"Applies from: expected a date written yyyy-MM-dd, found '{From?.Trim()}'.");
        }

        decimal? value = decimal.TryParse(Value?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) ? number : null;
        if (value is null)
        {
            problems.Add($"New target: expected a number such as 0.55 for 55%, found '{Value?.Trim()}'.");
        }

        if (ProposedBy is not ("agency" or "provider"))
        {
            problems.Add("Proposed by: agency or provider.");
        }

        DateOnly? agreed = null;
        if (!string.IsNullOrWhiteSpace(AgreedOn) && (agreed = Day(AgreedOn)) is null)
        {
            problems.Add($"Agreed on: expected a date written yyyy-MM-dd, found '{AgreedOn.Trim()}'.");
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            problems.Add("Why: say why the target changes; it is kept in the contract's history.");
        }

        return problems.Count > 0 ? null : new PeriodTarget(from!.Value, value!.Value, ProposedBy, agreed, Reason!.Trim());
    }
}
