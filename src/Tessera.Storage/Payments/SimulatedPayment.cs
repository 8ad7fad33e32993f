using Tessera.Contracts.Payments;
using Tessera.Core.Contracting;

namespace Tessera.Storage.Payments;

/// <summary>What one provider would have been paid for one payment period under a draft rate card, by kind of line.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Period">The payment period.</param>
/// <param name="Lines">The lines the rules give.</param>
public sealed record SimulatedPayment(string Provider, PaymentPeriod Period, IReadOnlyList<StatementLine> Lines)
{
    /// <summary>The CSV header of <c>tessera payments simulate --format csv</c>.</summary>
    public static IReadOnlyList<string> Header { get; } = ["provider", "period", "period_start", "period_end", "base", "withhold", "earn_back", "outcome", "bonus", "cap", "floor", "outcomes", "total"];

    /// <summary>The sum of its lines.</summary>
    public Money Total => StatementLine.Total(Lines);

    /// <summary>The row in <see cref="Header"/>'s order.</summary>
    public IReadOnlyList<object?> Cells =>
    [
        Provider, Period.Label, Period.Start, Period.End, Sum(StatementLineKind.Base), Sum(StatementLineKind.Withhold), Sum(StatementLineKind.EarnBack), Sum(StatementLineKind.Outcome),
        Sum(StatementLineKind.Bonus), Sum(StatementLineKind.Cap), Sum(StatementLineKind.Floor), Lines.Where(l => l.Kind == StatementLineKind.Outcome).Sum(l => l.Count ?? 0), Total.ToString(),
    ];

    private string Sum(StatementLineKind kind) => StatementLine.Total(Lines.Where(l => l.Kind == kind)).ToString();
}
