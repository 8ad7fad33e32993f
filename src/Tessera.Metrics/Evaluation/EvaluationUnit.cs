namespace Tessera.Metrics.Evaluation;

/// <summary>
/// One person in an evaluation: their first row of a metric's population (a person counts once,
/// so observations are independent), whether the outcome followed, the value of the field the
/// evaluation varies (a dose, a score, a group) and the characteristics the metric's
/// <c>adjust_for</c> gives them.
/// </summary>
/// <param name="PersonId">The linkage index's pseudonymous id.</param>
/// <param name="Anchor">The row's anchor date.</param>
/// <param name="Outcome">True when the row counts in the metric's numerator.</param>
/// <param name="Value">The field's value as text (null when missing).</param>
/// <param name="Traits">Characteristic name → category (e.g. race → "Black").</param>
public sealed record EvaluationUnit(string PersonId, DateOnly Anchor, bool Outcome, string? Value, IReadOnlyDictionary<string, string> Traits);
