namespace Tessera.Intake.Delivering;

/// <summary>What to ingest: the source, the files or folders of one delivery, and the period if it cannot be read from the folder name.</summary>
public sealed record DeliveryRequest
{
    /// <summary>Registered source name, e.g. "benefits".</summary>
    public required string Source { get; init; }

    /// <summary>Files, a month's folder, or an HMIS export (zip or folder).</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>Files already opened by the caller (a browser upload); used instead of <see cref="Paths"/> when given.</summary>
    public IReadOnlyList<Reading.DeliveryFile>? Files { get; init; }

    /// <summary>
    /// The provider sending the delivery, for a source providers deliver themselves (its
    /// dictionary has a <c>provider_field</c>): every row must name it, and the delivery replaces
    /// only this provider's earlier one for the period. Null for an agency's source.
    /// </summary>
    public string? Provider { get; init; }

    /// <summary>Month covered ("YYYY-MM"); taken from a YYYY-MM folder name when omitted. HMIS exports carry their own period.</summary>
    public string? Period { get; init; }

    /// <summary>
    /// Messages name files relative to this folder instead of by their full path: an upload's files
    /// sit in a private folder on the server, whose path is nobody else's business.
    /// </summary>
    public string? DisplayRoot { get; init; }

    /// <summary>Overrides the dictionary's share of invalid rows above which the delivery is rejected.</summary>
    public double? MaxErrorShare { get; init; }
}
