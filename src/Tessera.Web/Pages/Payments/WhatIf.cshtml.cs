using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Contracts.Benchmarks;
using Tessera.Contracts.Files;
using Tessera.Contracts.Payments;
using Tessera.Core.Contracting;
using Tessera.Governance.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Payments;
using Tessera.Storage.Workspaces;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Payments;

/// <summary>
/// Price-setting: a draft rate card tried on a program's past results — what each provider would
/// have been paid, the total against the budget and the spread — as <c>tessera payments simulate</c>
/// gives it, with the table as CSV.
/// </summary>
[Requires(Capability.PreparePayments)]
public sealed class WhatIfModel(RequestAccess request) : PageModel
{
    /// <summary>An example card to start from.</summary>
    public const string Example = """
        metrics:
          - { metric: acm-training-completion, type: outcome, target: 0.50 }
        payments:
          base: 200000.00
          period: quarter
          withhold: { share: 0.10, earn_back_metric: acm-training-completion }
          outcomes: [{ metric: acm-training-completion, rate: 800.00, per: person }]
          cap: 40000.00
        budget: 2000000.00
        """;

    /// <summary>The program to try the card on.</summary>
    [BindProperty]
    public string? Program { get; set; } = "job-training";

    /// <summary>First day, yyyy-MM-dd.</summary>
    [BindProperty]
    public string? From { get; set; }

    /// <summary>Last day, yyyy-MM-dd.</summary>
    [BindProperty]
    public string? To { get; set; }

    /// <summary>The rate card, as YAML.</summary>
    [BindProperty]
    public string? Card { get; set; } = Example;

    /// <summary>The programs to choose from: id and name.</summary>
    public IReadOnlyList<(string Id, string Name)> Programs { get; private set; } = [];

    /// <summary>What is wrong with what was entered.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The simulated payments, once run.</summary>
    public IReadOnlyList<SimulatedPayment> Payments { get; private set; } = [];

    /// <summary>The card that was run.</summary>
    public RateCard? Ran { get; private set; }

    /// <summary>Each provider's total, in order of provider.</summary>
    public IReadOnlyList<(string Provider, Money Total, long Outcomes)> Totals =>
        [.. Payments.GroupBy(p => p.Provider).Select(g => (g.Key, g.Aggregate(Money.Zero, (sum, p) => sum + p.Total), g.Sum(p => p.Lines.Where(l => l.Kind == StatementLineKind.Outcome).Sum(l => l.Count ?? 0))))];

    /// <summary>The median provider's total.</summary>
    public decimal? Median => PeerBenchmark.Of(Totals.Select(t => (double)t.Total.Amount))?.Median is { } median ? (decimal)median : null;

    /// <summary>Shows the form with an example card.</summary>
    public void OnGet()
    {
        Choices();
        var today = DateOnly.FromDateTime(request.Caller.Workspace.UtcNow);
        From = new DateOnly(today.Year - 2, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To = new DateOnly(today.Year - 1, 12, 31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>Tries the card and shows what it would have paid.</summary>
    public IActionResult OnPost() => Simulate() ? Page() : Refused();

    /// <summary>Tries the card and downloads the table as CSV.</summary>
    public IActionResult OnPostCsv() => Simulate()
        ? CsvExport.File($"what-if-{Program}.csv", SimulatedPayment.Header, Payments.Select(p => p.Cells))
        : Refused();

    private IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private bool Simulate()
    {
        Choices();
        var problems = new List<string>();
        static DateOnly? Day(string? text) => DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
        var from = Day(From);
        var to = Day(To);
        if (from is null)
        {
            problems.Add($"From: expected a date written yyyy-MM-dd, found '{From}'.");
        }

        if (to is null)
        {
            problems.Add($"To: expected a date written yyyy-MM-dd, found '{To}'.");
        }

        RateCard? card = null;
        try
        {
            card = RateCardFile.Read("The rate card", Card ?? "");
        }
        catch (ContractingFileException invalid)
        {
            problems.AddRange(invalid.Problems.Select(p => "Rate card " + p));
        }

        if (problems.Count == 0)
        {
            try
            {
                Payments = PaymentSimulation.Run(request.Caller, Program ?? "", card!, from!.Value, to!.Value);
                Ran = card;
            }
            catch (WorkspaceException wrong)
            {
                problems.Add(wrong.Message);
            }
        }

        Problems = problems;
        return problems.Count == 0;
    }

    private void Choices() =>
        Programs = [.. ProviderRegistry.List(request.Caller).Select(p => (p.Provider.Program, p.ProgramName)).Distinct().OrderBy(p => p.ProgramName, StringComparer.Ordinal)];
}
