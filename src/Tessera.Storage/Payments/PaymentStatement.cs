using Tessera.Contracts.Payments;
using Tessera.Core.Contracting;

namespace Tessera.Storage.Payments;

/// <summary>
/// A payment statement: what a contract pays for one payment period, line by line, with the metric
/// runs it was computed from, who prepared it and — once a second person approved it — who
/// approved it. An approved statement is locked: later changes come as adjustments in a later one.
/// </summary>
/// <param name="Id">Its number.</param>
/// <param name="Contract">The contract's id.</param>
/// <param name="ContractVersion">The contract version whose terms it applies.</param>
/// <param name="Period">The payment period.</param>
/// <param name="Status"><c>prepared</c> or <c>approved</c>.</param>
/// <param name="Total">The sum of its lines.</param>
/// <param name="PreparedBy">Who ran it.</param>
/// <param name="PreparedUtc">When.</param>
/// <param name="ApprovedBy">Who approved it, once approved.</param>
/// <param name="ApprovedUtc">When.</param>
/// <param name="Lines">Its lines, in order.</param>
/// <param name="Runs">The metric runs it pins.</param>
public sealed record PaymentStatement(
    long Id, string Contract, int ContractVersion, PaymentPeriod Period, string Status, Money Total, string PreparedBy, DateTime PreparedUtc,
    string? ApprovedBy, DateTime? ApprovedUtc, IReadOnlyList<StatementLine> Lines, IReadOnlyList<PinnedRun> Runs)
{
    /// <summary>The status of a statement not yet approved.</summary>
    public const string Prepared = "prepared";

    /// <summary>The status of an approved, locked statement.</summary>
    public const string Approved = "approved";

    /// <summary>The CSV header of <c>tessera payments statement ID --format csv</c>, exactly as finance systems read it.</summary>
    public static IReadOnlyList<string> Header { get; } = ["statement", "contract", "line", "kind", "metric", "period_start", "period_end", "count", "rate", "amount", "metric_run"];

    /// <summary>The CSV rows: one per line, then the total (<c>kind=total</c>).</summary>
    public IEnumerable<IReadOnlyList<object?>> Rows() =>
        Lines.Select((l, i) => (IReadOnlyList<object?>)[Id, Contract, i + 1, l.KindCode, l.Metric, l.PeriodStart, l.PeriodEnd, l.Count, l.Rate, l.Amount.ToString(), l.MetricRun])
            .Append([Id, Contract, Lines.Count + 1, "total", null, Period.Start, Period.End, null, null, Total.ToString(), null]);
}
