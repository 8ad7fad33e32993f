using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Contracts.Agreements;
using Tessera.Contracts.Files;
using Tessera.Core.Contracting;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Metrics;
using Tessera.Storage.Planning;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Contracts;

/// <summary>
/// A contract entered through a form: its terms and up to three outcome metrics, each with a
/// target, a watch band and a best-practice benchmark. Saved through the same checks as an
/// imported file; every problem is listed with its field.
/// </summary>
[Requires(Capability.ManageContracts)]
public sealed class NewModel(RequestAccess request) : PageModel
{
    /// <summary>How many metric rows the form offers.</summary>
    public const int MetricRows = 3;

    /// <summary>The contract's id, e.g. WF01-2025.</summary>
    [BindProperty]
    public string? Id { get; set; }

    /// <summary>The purchasing agency.</summary>
    [BindProperty]
    public string? Agency { get; set; }

    /// <summary>The provider's id.</summary>
    [BindProperty]
    public string? Provider { get; set; }

    /// <summary>The program's id.</summary>
    [BindProperty]
    public string? Program { get; set; }

    /// <summary>First day, yyyy-MM-dd.</summary>
    [BindProperty]
    public string? Start { get; set; }

    /// <summary>Last day, yyyy-MM-dd.</summary>
    [BindProperty]
    public string? End { get; set; }

    /// <summary>The value in dollars.</summary>
    [BindProperty]
    public string? Value { get; set; }

    /// <summary>Where the targets came from (kept with the contract's version).</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>Where it is in the cycle: plan, procure, manage (the default) or evaluate.</summary>
    [BindProperty]
    public string? Stage { get; set; }

    /// <summary>Whom it serves, in words (optional).</summary>
    [BindProperty]
    public string? Population { get; set; }

    /// <summary>The rapid assessment whose inventory item this contract drafts, if it does.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Assessment { get; set; }

    /// <summary>The inventory item this contract drafts, if it does.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Item { get; set; }

    /// <summary>The inventory item's name, when drafting one.</summary>
    public string? ItemName { get; private set; }

    /// <summary>The metric rows.</summary>
    [BindProperty]
    public List<MetricRow> Metrics { get; set; } = [.. Enumerable.Range(0, MetricRows).Select(_ => new MetricRow())];

    /// <summary>Agencies the user may contract for.</summary>
    public IReadOnlyList<string> Agencies { get; private set; } = [];

    /// <summary>Registered providers.</summary>
    public IReadOnlyList<RegisteredProvider> Providers { get; private set; } = [];

    /// <summary>Metrics that can be computed here: id and title.</summary>
    public IReadOnlyList<(string Id, string Title)> Catalog { get; private set; } = [];

    /// <summary>What is wrong with what was entered.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>
    /// Shows the empty form — or, for a short-listed inventory item (<c>?assessment=&amp;item=</c>),
    /// the form filled with the item's agency, program, value, date and population, at stage plan.
    /// </summary>
    public IActionResult OnGet()
    {
        Choices();
        if (Assessment is { } assessment && !string.IsNullOrEmpty(Item))
        {
            try
            {
                var ranked = Inventory.Rank(request.Caller, assessment);
                var item = ranked.Items.FirstOrDefault(r => r.Item.Id == Item)?.Item;
                if (item is null)
                {
                    return NotFound();
                }

                ItemName = item.Name;
                Agency = ranked.Agency;
                Program = item.Program;
                Value = item.AnnualValue.ToString("0.00", CultureInfo.InvariantCulture);
                var start = item.KeyDate ?? DateOnly.FromDateTime(request.Caller.Workspace.UtcNow);
                Start = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                End = start.AddYears(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                Population = item.Population;
                Stage = "plan";
                Reason = $"drafted from rapid assessment {assessment}, inventory item {item.Id} ({item.Name})";
            }
            catch (AccessDeniedException denied) when (denied.NotFound)
            {
                return NotFound();
            }
        }

        return Page();
    }

    /// <summary>Saves the contract, or shows the form again with its problems.</summary>
    public IActionResult OnPost()
    {
        Choices();
        var problems = new List<string>();
        var contract = Read(problems);
        if (contract is null)
        {
            Problems = problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            ContractRegistry.Save(request.Caller, contract, string.IsNullOrWhiteSpace(Reason) ? "entered in the form" : Reason.Trim());
            if (Assessment is { } assessment && !string.IsNullOrEmpty(Item))
            {
                Inventory.Promoted(request.Caller, assessment, Item, contract.Id.Value);
            }
        }
        catch (ContractingFileException invalid)
        {
            Problems = invalid.Problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        catch (AccessDeniedException)
        {
            Problems = [$"You may not add a contract for {Agency}: your role manages other agencies' contracts."];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        return Redirect("/contracts/" + contract.Id.Value);
    }

    private void Choices()
    {
        var user = request.User;
        Agencies = [.. request.Caller.Workspace.Sources.List().Select(s => s.Name).Where(s => user.Role == Role.Administrator || user.Scope.Sources.Contains(s))];
        Providers = ProviderRegistry.List(request.Caller);
        Catalog = [.. MetricCatalog.Load(request.Caller.Workspace).Where(e => e.Available).Select(e => (e.Definition.Id, e.Definition.Title)).OrderBy(m => m.Title, StringComparer.Ordinal)];
    }

    private Contract? Read(List<string> problems)
    {
        T? Field<T>(string? text, string field, Func<string, T?> parse, string expected)
            where T : struct
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add($"{field}: required.");
                return null;
            }

            var value = parse(text.Trim());
            if (value is null)
            {
                problems.Add($"{field}: expected {expected}, found '{text.Trim()}'.");
            }

            return value;
        }

        static DateOnly? Day(string text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
        static decimal? Number(string text) => decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n : null;

        var id = Field(Id, "Contract id", t => ContractId.TryParse(t, out var v) ? v : (ContractId?)null, "letters, digits, dots, dashes or underscores");
        var provider = Field(Provider, "Provider", t => ProviderId.TryParse(t, out var v) ? v : (ProviderId?)null, "a registered provider");
        var start = Field(Start, "Start", Day, "a date written yyyy-MM-dd");
        var end = Field(End, "End", Day, "a date written yyyy-MM-dd");
        Money? value = null;
        if (!string.IsNullOrWhiteSpace(Value))
        {
            value = Money.TryParse(Value.Trim(), out var money) ? money : null;
            if (value is null)
            {
                problems.Add($"Value: expected dollars with at most two decimals, e.g. 250000.00, found '{Value.Trim()}'.");
            }
        }

        if (string.IsNullOrWhiteSpace(Agency))
        {
            problems.Add("Agency: required.");
        }

        if (string.IsNullOrWhiteSpace(Program))
        {
            problems.Add("Program: required.");
        }

        var metrics = new List<ContractMetric>();
        for (var i = 0; i < Metrics.Count; i++)
        {
            var row = Metrics[i];
            if (string.IsNullOrWhiteSpace(row.Metric))
            {
                continue;
            }

            var label = $"Metric {i + 1}";
            var type = Field(row.Type, label + " kind", t => Enum.TryParse<MeasureType>(t, true, out var k) ? k : (MeasureType?)null, "input, activity or outcome");
            var target = Field(row.Target, label + " target", Number, "a number, e.g. 0.50 for 50%");
            var watch = string.IsNullOrWhiteSpace(row.Watch) ? 0m : Field(row.Watch, label + " watch band", Number, "a number of 0 or more");
            BestPractice? best = null;
            if (!string.IsNullOrWhiteSpace(row.BestPractice))
            {
                var bestValue = Field(row.BestPractice, label + " best practice", Number, "a number");
                if (string.IsNullOrWhiteSpace(row.Citation))
                {
                    problems.Add($"{label} best practice: say where the benchmark comes from (citation).");
                }
                else if (bestValue is { } b)
                {
                    best = new BestPractice(b, row.Citation.Trim());
                }
            }

            if (type is { } kind && target is { } t && watch is { } w && start is { } from)
            {
                metrics.Add(new ContractMetric(row.Metric.Trim(), kind, [new PeriodTarget(from, t, "agency", DateOnly.FromDateTime(request.Caller.Workspace.UtcNow), string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim())], w, best));
            }
        }

        if (metrics.Count == 0 && problems.Count == 0)
        {
            problems.Add("Metrics: choose at least one metric, with a kind and a target.");
        }

        var stage = ContractStage.Manage;
        if (!string.IsNullOrWhiteSpace(Stage) && !Enum.TryParse(Stage.Trim(), true, out stage))
        {
            problems.Add($"Stage: expected plan, procure, manage or evaluate, found '{Stage.Trim()}'.");
        }

        if (start is { } s && end is { } e && e < s)
        {
            problems.Add("End: the contract ends before it starts.");
        }

        return problems.Count > 0 || id is not { } contractId || provider is not { } providerId || start is not { } first || end is not { } last
            ? null
            : new Contract(contractId, Agency!.Trim(), providerId, Program!.Trim(), first, last, value, null, stage, string.IsNullOrWhiteSpace(Population) ? null : Population.Trim(), metrics);
    }

    /// <summary>One metric row of the form.</summary>
    public sealed class MetricRow
    {
        /// <summary>The metric's id.</summary>
        public string? Metric { get; set; }

        /// <summary>input, activity or outcome.</summary>
        public string? Type { get; set; } = "outcome";

        /// <summary>The target.</summary>
        public string? Target { get; set; }

        /// <summary>The watch band.</summary>
        public string? Watch { get; set; }

        /// <summary>A best-practice benchmark.</summary>
        public string? BestPractice { get; set; }

        /// <summary>Where it comes from.</summary>
        public string? Citation { get; set; }
    }
}
