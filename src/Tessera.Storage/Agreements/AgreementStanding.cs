using Tessera.Governance.Agreements;

namespace Tessera.Storage.Agreements;

/// <summary>Where one agreement stands today.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Kind"><c>emou</c>, <c>dsa</c> or <c>dul</c>.</param>
/// <param name="Version">Its version: a changed text is a new version, approved afresh.</param>
/// <param name="Status">Draft, approved, active, expired or revoked.</param>
/// <param name="Approvers">Who must approve it.</param>
/// <param name="Missing">Who has not yet.</param>
/// <param name="Start">Its first day.</param>
/// <param name="End">Its last day.</param>
/// <param name="Summary">What it is, in a line (parties, partner and sources, licensee and project).</param>
public sealed record AgreementStanding(string Id, string Kind, int Version, AgreementStatus Status, IReadOnlyList<string> Approvers, IReadOnlyList<string> Missing, DateOnly Start, DateOnly End, string Summary)
{
    /// <summary>The CSV columns of <c>tessera agreements list --format csv</c>.</summary>
    public static IReadOnlyList<string> Header { get; } = ["agreement", "kind", "version", "status", "start", "end", "approvers", "missing_approvals", "summary"];

    /// <summary>The cells in <see cref="Header"/>'s order.</summary>
    public IReadOnlyList<object?> Cells => [Id, Kind, Version, Status.ToString().ToLowerInvariant(), Start, End, string.Join(";", Approvers), string.Join(";", Missing), Summary];
}
