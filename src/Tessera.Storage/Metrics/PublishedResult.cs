using Tessera.Governance.Disclosure;
using Tessera.Metrics.Results;

namespace Tessera.Storage.Metrics;

/// <summary>A result as it may be shown to a user: the figure, or why it is hidden.</summary>
/// <param name="Result">The stored figure (shown only when <see cref="Hidden"/> is <see cref="Suppression.None"/>).</param>
/// <param name="Hidden">Whether and why the figure is suppressed for this user.</param>
public sealed record PublishedResult(MetricResult Result, Suppression Hidden)
{
    /// <summary>The numerator, or null when hidden.</summary>
    public long? Numerator => Hidden == Suppression.None ? Result.Numerator : null;

    /// <summary>The denominator, or null when hidden.</summary>
    public long? Denominator => Hidden == Suppression.None ? Result.Denominator : null;

    /// <summary>The value, or null when hidden.</summary>
    public double? Value => Hidden == Suppression.None ? Result.Value : null;
}
