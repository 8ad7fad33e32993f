namespace Tessera.Intake.Delivering;

/// <summary>Progress of an ingest: the stage, the file being read and the share of the delivery done.</summary>
/// <param name="Stage">e.g. "Checking", "Reading", "Checking references", "Committing".</param>
/// <param name="File">File being read, if any.</param>
/// <param name="Fraction">Share done, 0–1.</param>
/// <param name="Rows">Rows read so far.</param>
public sealed record IngestProgress(string Stage, string? File, double Fraction, long Rows);
