namespace Tessera.Web.Infrastructure;

/// <summary>One line of a <see cref="PrintedDocument.LineChart"/>.</summary>
/// <param name="Label">Its legend.</param>
/// <param name="Values">One value per label; null leaves a gap.</param>
/// <param name="Dashed">Drawn dashed and without markers (targets, benchmarks).</param>
public sealed record ChartLine(string Label, IReadOnlyList<double?> Values, bool Dashed = false);
