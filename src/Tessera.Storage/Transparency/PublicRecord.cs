using Tessera.Governance.Agreements;
using Tessera.Storage.Agreements;
using Tessera.Storage.Operational;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Transparency;

/// <summary>
/// What the public transparency page shows about the use of people's data — the "public licence"
/// of the seeds: every project whose data use licence is active today, in plain language. It holds
/// nothing about any person and needs no sign-in.
/// </summary>
public static class PublicRecord
{
    /// <summary>The enterprise MOU when it is active today: who takes part, what for, and how they decide.</summary>
    public static Emou? Emou(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var set = AgreementRegistry.Set(workspace);
        return set.Emou is { } emou && set.Status(emou.Id, DateOnly.FromDateTime(workspace.UtcNow)) == AgreementStatus.Active ? emou : null;
    }

    /// <summary>Every project with a licence active today, soonest ending first.</summary>
    public static IReadOnlyList<PublicProject> Projects(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var set = AgreementRegistry.Set(workspace);
        var today = DateOnly.FromDateTime(workspace.UtcNow);
        var active = set.Duls.Where(d => set.Status(d.Id, today) == AgreementStatus.Active).ToList();
        if (active.Count == 0)
        {
            return [];
        }

        var sources = workspace.Sources.List().ToDictionary(s => s.Name, StringComparer.Ordinal);
        using var tables = new OperationalTables(workspace, "");
        var approvals = tables.Query($"SELECT p.agreement_id, p.party, p.approved_on, p.approved_by FROM {tables.Table("agreement_approvals")} p JOIN {tables.Table("agreements")} a ON a.id = p.agreement_id AND a.version = p.version ORDER BY p.approved_on, p.party",
            r => (Id: r.GetString(0), Approval: new AgreementApproval(r.GetString(1), OperationalTables.Day(r, 2), r.GetString(3)))).ToLookup(a => a.Id, a => a.Approval, StringComparer.Ordinal);
        return [.. active.OrderBy(d => d.End).ThenBy(d => d.Project, StringComparer.Ordinal).Select(d => new PublicProject(
            d.Id, d.Project, d.Licensee, d.Purpose, d.Questions, d.Level == ReleaseLevel.Deidentified ? "de-identified" : "limited data set",
            [.. d.Sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new PublicDataUse(s.Key, sources.GetValueOrDefault(s.Key)?.Title ?? s.Key,
                sources.TryGetValue(s.Key, out var record) ? workspace.Sources.Dictionaries(record.Name).MaxBy(x => x.Version)?.Agency ?? "" : "", s.Value))],
            d.Start, d.End, d.DestroyOn, [.. approvals[d.Id]], set.State(d.Id).CommunityConsultedOn))];
    }
}
