namespace Tessera.Metrics.Compilation;

/// <summary>What one computation covers.</summary>
/// <param name="AsOf">The last day the data cover: rows whose outcome window closes after it are left out (censored).</param>
/// <param name="From">First anchor date included, or null for all.</param>
/// <param name="To">Last anchor date included, or null for all.</param>
/// <param name="Characteristics">The names of the metric's <c>adjust_for</c> characteristics to work out (those whose files have rows); null or empty for none.</param>
/// <param name="Carry">Fields of the population (or its joined files) whose values each member row also carries, as text columns <c>v1</c>, <c>v2</c> … after the usual ones: what an evaluation varies (a dose, a score). Null or empty for none.</param>
public sealed record MetricQueryOptions(DateOnly AsOf, DateOnly? From = null, DateOnly? To = null, IReadOnlyCollection<string>? Characteristics = null, IReadOnlyList<string>? Carry = null);
