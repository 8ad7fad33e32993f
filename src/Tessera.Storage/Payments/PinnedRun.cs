namespace Tessera.Storage.Payments;

/// <summary>A metric run a statement was computed from, with the deliveries behind it.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Run">The run's id.</param>
/// <param name="Version">The metric definition's version.</param>
/// <param name="Deliveries">The deliveries it read, as <c>source#id</c>.</param>
public sealed record PinnedRun(string Metric, long Run, int Version, IReadOnlyList<string> Deliveries);
