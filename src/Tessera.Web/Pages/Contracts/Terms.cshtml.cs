using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Tessera.Contracts.Payments;
using Tessera.Core.Contracting;
using Tessera.Governance.Access;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Contracts;

/// <summary>
/// A contract's payment terms entered through a form — base, period, withhold and earn-back,
/// outcome rates, bonus tiers, cap, floor and contract cap — saved as a new version of the
/// contract with the same checks as a file; every problem named by field.
/// </summary>
[Requires(Capability.ManageContracts)]
public sealed class TermsModel(RequestAccess request) : ContractChangeModel(request)
{
    /// <summary>How many outcome rates and bonus tiers the form offers.</summary>
    public const int Rows = 3;

    /// <summary>month, quarter or year.</summary>
    [BindProperty]
    public string? Period { get; set; } = "quarter";

    /// <summary>The base for the whole contract, in dollars.</summary>
    [BindProperty]
    public string? Base { get; set; }

    /// <summary>The share withheld, e.g. 0.10.</summary>
    [BindProperty]
    public string? WithholdShare { get; set; }

    /// <summary>The metric the withhold is earned back on.</summary>
    [BindProperty]
    public string? EarnBackMetric { get; set; }

    /// <summary>Outcome rates.</summary>
    [BindProperty]
    public List<RateRow> Outcomes { get; set; } = [.. Enumerable.Range(0, Rows).Select(_ => new RateRow())];

    /// <summary>Bonus tiers.</summary>
    [BindProperty]
    public List<TierRow> Bonuses { get; set; } = [.. Enumerable.Range(0, Rows).Select(_ => new TierRow())];

    /// <summary>The cap per payment period.</summary>
    [BindProperty]
    public string? Cap { get; set; }

    /// <summary>The floor per payment period.</summary>
    [BindProperty]
    public string? Floor { get; set; }

    /// <summary>The cap over the whole contract.</summary>
    [BindProperty]
    public string? ContractCap { get; set; }

    /// <summary>Why the terms change (kept with the contract's version).</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>Shows the form with the contract's terms, if any.</summary>
    public IActionResult OnGet(string contract)
    {
        if (!Load(contract))
        {
            return NotFound();
        }

        if (Contract.Contract.Payments is { } terms)
        {
            static string? Text(Money? money) => money?.ToString();
            (Period, Base, Cap, Floor, ContractCap) = (terms.Period.ToString().ToLowerInvariant(), Text(terms.Base), Text(terms.Cap), Text(terms.Floor), Text(terms.ContractCap));
            (WithholdShare, EarnBackMetric) = (terms.Withhold?.Share.ToString(CultureInfo.InvariantCulture), terms.Withhold?.EarnBackMetric);
            for (var i = 0; i < Math.Min(Rows, terms.Outcomes.Count); i++)
            {
                Outcomes[i] = new RateRow { Metric = terms.Outcomes[i].Metric, Rate = terms.Outcomes[i].Rate.ToString(), Per = terms.Outcomes[i].Per.ToString().ToLowerInvariant() };
            }

            for (var i = 0; i < Math.Min(Rows, terms.Bonuses.Count); i++)
            {
                Bonuses[i] = new TierRow { Metric = terms.Bonuses[i].Metric, Threshold = terms.Bonuses[i].Threshold.ToString(CultureInfo.InvariantCulture), Amount = terms.Bonuses[i].Amount.ToString() };
            }
        }

        return Page();
    }

    /// <summary>Saves the terms as a new version of the contract, or shows the form again with its problems.</summary>
    public IActionResult OnPost(string contract)
    {
        if (!Load(contract))
        {
            return NotFound();
        }

        var problems = new List<string>();
        var terms = Read(problems);
        if (terms is null)
        {
            return Refused(problems, StatusCodes.Status400BadRequest);
        }

        return Save(Contract.Contract with { Payments = terms }, string.IsNullOrWhiteSpace(Reason) ? "payment terms entered in the form" : Reason.Trim(), $"/contracts/{contract}#payment-terms");
    }

    private PaymentTerms? Read(List<string> problems)
    {
        Money? Dollars(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (Money.TryParse(text.Trim(), out var money))
            {
                return money;
            }

            problems.Add($"{field}: expected dollars with at most two decimals, e.g. 1500.00, found '{text.Trim()}'.");
            return null;
        }

        decimal? Number(string? text, string field)
        {
            if (decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add($"{field}: expected a number, e.g. 0.10, found '{text?.Trim()}'.");
            return null;
        }

        if (!Enum.TryParse<PaymentPeriodKind>(Period, ignoreCase: true, out var period) || int.TryParse(Period, out _))
        {
            problems.Add("Paid by: month, quarter or year.");
        }

        Withhold? withhold = null;
        if (!string.IsNullOrWhiteSpace(WithholdShare) && Number(WithholdShare, "Withhold share") is { } share)
        {
            withhold = new Withhold(share, EarnBackMetric ?? "");
        }

        var outcomes = new List<OutcomeRate>();
        foreach (var (row, i) in Outcomes.Select((r, i) => (r, i + 1)).Where(r => !string.IsNullOrWhiteSpace(r.r.Metric)))
        {
            var per = row.Per == "cohort" ? OutcomeUnit.Cohort : OutcomeUnit.Person;
            if (Dollars(row.Rate, $"Outcome {i} rate") is { } rate)
            {
                outcomes.Add(new OutcomeRate(row.Metric!, rate, per));
            }
            else if (string.IsNullOrWhiteSpace(row.Rate))
            {
                problems.Add($"Outcome {i} rate: required.");
            }
        }

        var bonuses = new List<BonusTier>();
        foreach (var (row, i) in Bonuses.Select((r, i) => (r, i + 1)).Where(r => !string.IsNullOrWhiteSpace(r.r.Metric)))
        {
            var threshold = Number(row.Threshold, $"Bonus {i} threshold");
            var amount = Dollars(row.Amount, $"Bonus {i} amount");
            if (threshold is { } t && amount is { } a)
            {
                bonuses.Add(new BonusTier(row.Metric!, t, a));
            }
            else if (string.IsNullOrWhiteSpace(row.Amount))
            {
                problems.Add($"Bonus {i} amount: required.");
            }
        }

        var terms = new PaymentTerms(period, Dollars(Base, "Base"), withhold, outcomes, bonuses, Dollars(Cap, "Cap"), Dollars(Floor, "Floor"), Dollars(ContractCap, "Contract cap"));
        return problems.Count > 0 ? null : terms;
    }

    /// <summary>One outcome rate of the form.</summary>
    public sealed class RateRow
    {
        /// <summary>The metric.</summary>
        public string? Metric { get; set; }

        /// <summary>The price in dollars.</summary>
        public string? Rate { get; set; }

        /// <summary>person or cohort.</summary>
        public string? Per { get; set; } = "person";
    }

    /// <summary>One bonus tier of the form.</summary>
    public sealed class TierRow
    {
        /// <summary>The metric.</summary>
        public string? Metric { get; set; }

        /// <summary>The figure to reach.</summary>
        public string? Threshold { get; set; }

        /// <summary>What the tier pays, in dollars.</summary>
        public string? Amount { get; set; }
    }
}
