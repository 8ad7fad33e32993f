using Tessera.Contracts.Agreements;
using Tessera.Core.Contracting;

namespace Tessera.Contracts.Payments;

/// <summary>
/// A draft of payment terms to try on history before signing: the metrics with the targets the
/// terms pay against, the terms themselves, and the budget they should fit.
/// </summary>
/// <param name="Metrics">The metrics and targets (earn-back and cohort outcomes pay against them).</param>
/// <param name="Payments">The draft terms.</param>
/// <param name="Budget">What the program can spend over the simulated time, if given.</param>
public sealed record RateCard(IReadOnlyList<ContractMetric> Metrics, PaymentTerms Payments, Money? Budget);
