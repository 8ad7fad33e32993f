using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tessera.Governance.Access;
using Tessera.Governance.Agreements;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Operational;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Agreements;

/// <summary>
/// The agreements as records (<c>tessera agreements import/list/approve/revoke</c>): the eMOU, each
/// data partner's data sharing agreement and each data use licence, with who approved which
/// version when, the community advisory team's consultations and revocations. A changed text is a
/// new version that everyone approves afresh; the earlier approvals stay on record.
/// </summary>
public static class AgreementRegistry
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) } };

    /// <summary>Records the agreements of <paramref name="file"/>: all of them, or none when anything is wrong.</summary>
    /// <exception cref="AccessDeniedException">The caller may not manage agreements.</exception>
    /// <exception cref="WorkspaceException">An agreement names a source the workspace does not have, or a second eMOU.</exception>
    public static AgreementImport Import(Caller caller, AgreementsFile file)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(file);
        caller.Permit(Capability.ManageAgreements, AuditAction.Configure, $"agreements file {file.Name}");
        var sources = caller.Workspace.Sources.List().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var existing = Read(caller.Workspace);
        var problems = new List<string>();
        problems.AddRange(file.Dsas.SelectMany(d => d.Sources.Where(s => !sources.Contains(s)).Select(s => $"{d.Id}: source '{s}' is not a source of this workspace.")));
        problems.AddRange(file.Duls.SelectMany(d => d.Sources.Keys.Where(s => !sources.Contains(s)).Select(s => $"{d.Id}: source '{s}' is not a source of this workspace.")));
        if (file.Emou is { } emou && existing.Values.FirstOrDefault(e => e.Kind == "emou" && e.Id != emou.Id) is { } other)
        {
            problems.Add($"{emou.Id}: the workspace has an enterprise MOU already ({other.Id}); change that one instead.");
        }

        if (problems.Count > 0)
        {
            throw new WorkspaceException($"The agreements file {file.Name} was not imported:\n" + string.Join("\n", problems.Select(p => "  - " + p)));
        }

        var incoming = new List<(string Id, string Kind, string Definition)>();
        if (file.Emou is { } e)
        {
            incoming.Add((e.Id, "emou", JsonSerializer.Serialize(e, Json)));
        }

        incoming.AddRange(file.Dsas.Select(d => (d.Id, "dsa", JsonSerializer.Serialize(d, Json))));
        incoming.AddRange(file.Duls.Select(d => (d.Id, "dul", JsonSerializer.Serialize(d, Json))));
        List<string> added = [], changed = [], unchanged = [];
        using var tables = new OperationalTables(caller.Workspace, "");
        tables.Begin();
        foreach (var (id, kind, definition) in incoming)
        {
            if (!existing.TryGetValue(id, out var row))
            {
                tables.Execute($"INSERT INTO {tables.Table("agreements")} (id, kind, version, definition, imported_by, imported_utc) VALUES (@p0, @p1, 1, @p2, @p3, @p4)",
                    id, kind, definition, caller.User.Name, tables.Now.ToString("O", CultureInfo.InvariantCulture));
                added.Add(id);
            }
            else if (row.Kind != kind)
            {
                throw new WorkspaceException($"{id} is a {row.Kind} already; give the {kind} another id.");
            }
            else if (row.Definition != definition)
            {
                tables.Execute($"UPDATE {tables.Table("agreements")} SET version = @p0, definition = @p1, imported_by = @p2, imported_utc = @p3 WHERE id = @p4",
                    row.Version + 1, definition, caller.User.Name, tables.Now.ToString("O", CultureInfo.InvariantCulture), id);
                changed.Add(id);
            }
            else
            {
                unchanged.Add(id);
            }
        }

        tables.Commit();
        return new AgreementImport(added, changed, unchanged);
    }

    /// <summary>The agreements the caller sees, where each stands today: administrators all; data partners those their sources are party to; analysts their own licences.</summary>
    /// <exception cref="AccessDeniedException">The caller's role does not read agreements.</exception>
    public static IReadOnlyList<AgreementStanding> List(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.ViewAgreements, AuditAction.Read, "agreements");
        var (rows, set) = Load(caller.Workspace);
        var today = DateOnly.FromDateTime(caller.Workspace.UtcNow);
        return [.. Ids(set).Where(id => Sees(caller.User, set, id)).Select(id => Standing(rows[id], set, today))];
    }

    /// <summary>Agreement <paramref name="id"/> in full, for those who see it.</summary>
    /// <exception cref="AccessDeniedException">Not found: no such agreement, or not one the caller sees.</exception>
    public static AgreementDetail Detail(Caller caller, string id)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (rows, set) = Load(caller.Workspace);
        caller.Permit(Capability.ViewAgreements, AuditAction.Read, $"agreement {id}", inScope: set.Has(id) && Sees(caller.User, set, id));
        var row = rows[id];
        List<AgreementApproval> approvals;
        using (var tables = new OperationalTables(caller.Workspace, ""))
        {
            approvals = tables.Query($"SELECT party, approved_on, approved_by FROM {tables.Table("agreement_approvals")} WHERE agreement_id = @p0 AND version = @p1 ORDER BY approved_on, party",
                r => new AgreementApproval(r.GetString(0), OperationalTables.Day(r, 1), r.GetString(2)), id, row.Version);
        }

        var today = DateOnly.FromDateTime(caller.Workspace.UtcNow);
        var dul = set.Duls.FirstOrDefault(d => d.Id == id);
        return new AgreementDetail(Standing(row, set, today), set.Emou?.Id == id ? set.Emou : null, set.Dsas.FirstOrDefault(d => d.Id == id), dul, approvals,
            row.ConsultedOn, dul is not null && set.Emou is { CommunityReview: true }, row.RevokedOn, [.. set.DependentLicences(id).Select(d => d.Id)]);
    }

    /// <summary>Records a new data use licence (or a changed one, as a new version to approve afresh), as entered in a form.</summary>
    /// <exception cref="AccessDeniedException">The caller may not manage agreements.</exception>
    /// <exception cref="WorkspaceException">It names a source the workspace does not have, or an id another kind of agreement has.</exception>
    public static AgreementImport Draft(Caller caller, DataUseLicence licence) => Import(caller, AgreementsFile.Of("the form", licence));

    /// <summary>The parties <paramref name="user"/> may approve the agreement of <paramref name="detail"/> as, among those whose approval it still needs.</summary>
    public static IReadOnlyList<string> ApprovableBy(AccessUser user, AgreementDetail detail)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(detail);
        return detail.Standing.Status is AgreementStatus.Revoked or AgreementStatus.Expired ? [] : [.. detail.Standing.Missing.Where(p => AccessPolicy.ApprovesAs(user, p))];
    }

    /// <summary>Records <paramref name="party"/>'s approval of the current version of agreement <paramref name="id"/>.</summary>
    /// <exception cref="AccessDeniedException">Not found: no such agreement, or the caller may not approve as that party.</exception>
    /// <exception cref="WorkspaceException">The party is not one who approves this agreement, or approved this version already.</exception>
    public static AgreementStanding Approve(Caller caller, string id, string party)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (rows, set) = Load(caller.Workspace);
        caller.Permit(Capability.ApproveAgreements, AuditAction.Decide, $"agreement {id}: approval as {party}",
            inScope: set.Has(id) && AccessPolicy.ApprovesAs(caller.User, party) && (caller.User.Role == Role.Administrator || Sees(caller.User, set, id)));
        if (!set.Approvers(id).Contains(party, StringComparer.Ordinal))
        {
            throw new WorkspaceException($"{party} does not approve {id}; its approvers are {string.Join(", ", set.Approvers(id))}.");
        }

        if (set.State(id).Approvals.TryGetValue(party, out var when))
        {
            throw new WorkspaceException(string.Create(CultureInfo.InvariantCulture, $"{party} approved this version of {id} on {when:yyyy-MM-dd}."));
        }

        var today = DateOnly.FromDateTime(caller.Workspace.UtcNow);
        using (var tables = new OperationalTables(caller.Workspace, ""))
        {
            tables.Execute($"INSERT INTO {tables.Table("agreement_approvals")} (agreement_id, version, party, approved_on, approved_by) VALUES (@p0, @p1, @p2, @p3, @p4)",
                id, rows[id].Version, party, OperationalTables.Day(today), caller.User.Name);
        }

        return Standing(rows[id], Set(caller.Workspace), today);
    }

    /// <summary>Revokes agreement <paramref name="id"/> from today: for a data sharing agreement, every licence using its sources stops at once.</summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not manage agreements.</exception>
    /// <exception cref="WorkspaceException">It was revoked already.</exception>
    public static AgreementStanding Revoke(Caller caller, string id) => Mark(caller, id, "revoked", "revocation");

    /// <summary>Records that the community advisory team was consulted on agreement <paramref name="id"/> (a licence, where the eMOU asks for it).</summary>
    /// <exception cref="AccessDeniedException">Not found, or the caller may not manage agreements.</exception>
    /// <exception cref="WorkspaceException">The consultation was recorded already.</exception>
    public static AgreementStanding RecordConsultation(Caller caller, string id) => Mark(caller, id, "consulted", "community consultation");

    /// <summary>
    /// The sources whose data sharing agreement's destruction day has come (today or before) and
    /// whose keys still exist: what <c>tessera keys destroy --due</c> shreds.
    /// </summary>
    public static IReadOnlyList<(string Source, string Dsa, DateOnly DestroyOn)> DueForDestruction(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var set = Set(workspace);
        var today = DateOnly.FromDateTime(workspace.UtcNow);
        return [.. workspace.Sources.List().Where(s => s.KeysDestroyedUtc is null)
            .Select(s => (Source: s.Name, Dsa: set.DsaFor(s.Name)))
            .Where(x => x.Dsa?.DestroyOn is { } day && day <= today)
            .Select(x => (x.Source, x.Dsa!.Id, x.Dsa.DestroyOn!.Value))];
    }

    /// <summary>Every agreement with what has happened to it (approvals of the current version only), without a permission check.</summary>
    internal static AgreementSet Set(Workspace workspace) => Load(workspace).Set;

    /// <summary>The current version of agreement <paramref name="id"/> (0 when there is none), without a permission check.</summary>
    internal static int VersionOf(Workspace workspace, string id) => Read(workspace).TryGetValue(id, out var row) ? row.Version : 0;

    private static (Dictionary<string, Row> Rows, AgreementSet Set) Load(Workspace workspace)
    {
        var rows = Read(workspace);
        var approvals = new Dictionary<string, Dictionary<string, DateOnly>>(StringComparer.Ordinal);
        using (var tables = new OperationalTables(workspace, ""))
        {
            foreach (var (id, version, party, on) in tables.Query($"SELECT agreement_id, version, party, approved_on FROM {tables.Table("agreement_approvals")}",
                r => (r.GetString(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture), r.GetString(2), OperationalTables.Day(r, 3))))
            {
                if (rows.TryGetValue(id, out var row) && row.Version == version)
                {
                    (approvals.TryGetValue(id, out var given) ? given : approvals[id] = new(StringComparer.Ordinal))[party] = on;
                }
            }
        }

        var states = rows.Values.ToDictionary(r => r.Id, r => new AgreementState(approvals.GetValueOrDefault(r.Id) ?? [], r.ConsultedOn, r.RevokedOn), StringComparer.Ordinal);
        return (rows, new AgreementSet(
            rows.Values.Where(r => r.Kind == "emou").Select(r => JsonSerializer.Deserialize<Emou>(r.Definition, Json)).FirstOrDefault(),
            [.. rows.Values.Where(r => r.Kind == "dsa").Select(r => JsonSerializer.Deserialize<DataSharingAgreement>(r.Definition, Json)!)],
            [.. rows.Values.Where(r => r.Kind == "dul").Select(r => JsonSerializer.Deserialize<DataUseLicence>(r.Definition, Json)!)],
            states));
    }

    private static AgreementStanding Mark(Caller caller, string id, string column, string what)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var rows = Read(caller.Workspace);
        caller.Permit(Capability.ManageAgreements, AuditAction.Decide, $"agreement {id}: {what}", inScope: rows.ContainsKey(id));
        var today = DateOnly.FromDateTime(caller.Workspace.UtcNow);
        using (var tables = new OperationalTables(caller.Workspace, ""))
        {
            if (tables.Execute($"UPDATE {tables.Table("agreements")} SET {column}_on = @p0, {column}_by = @p1 WHERE id = @p2 AND {column}_on IS NULL", OperationalTables.Day(today), caller.User.Name, id) == 0)
            {
                throw new WorkspaceException($"The {what} of {id} is on record already.");
            }
        }

        var (after, set) = Load(caller.Workspace);
        return Standing(after[id], set, today);
    }

    private static IEnumerable<string> Ids(AgreementSet set) =>
        new[] { set.Emou?.Id }.OfType<string>().Concat(set.Dsas.Select(d => d.Id)).Concat(set.Duls.Select(d => d.Id));

    private static bool Sees(AccessUser user, AgreementSet set, string id) => user.Role switch
    {
        Role.Administrator => true,
        Role.DataPartner => set.Approvers(id).Any(user.Scope.Sources.Contains),
        Role.Analyst => set.Duls.Any(d => d.Id == id && d.Licensee == user.Name),
        _ => false,
    };

    private static AgreementStanding Standing(Row row, AgreementSet set, DateOnly today)
    {
        var id = row.Id;
        var (start, end) = set.Period(id);
        var summary = row.Kind switch
        {
            "emou" => $"enterprise MOU of {string.Join(", ", set.Emou!.Parties)}; projects reviewed by {set.Emou.ReviewBody}",
            "dsa" => set.Dsas.First(d => d.Id == id) is var d ? $"data sharing agreement with {d.Partner} for {string.Join(", ", d.Sources)} ({d.Transfer.ToString().ToLowerInvariant()})" : "",
            _ => set.Duls.First(d => d.Id == id) is var l ? $"data use licence of {l.Licensee} for project {l.Project} ({l.Level.ToString().ToLowerInvariant()}): {string.Join(", ", l.Sources.Keys)}" : "",
        };
        return new AgreementStanding(id, row.Kind, row.Version, set.Status(id, today), set.Approvers(id), set.MissingApprovals(id), start, end, summary);
    }

    private static Dictionary<string, Row> Read(Workspace workspace)
    {
        using var tables = new OperationalTables(workspace, "");
        return tables.Query($"SELECT id, kind, version, definition, consulted_on, revoked_on FROM {tables.Table("agreements")} ORDER BY id", Row.Of).ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    private sealed record Row(string Id, string Kind, int Version, string Definition, DateOnly? ConsultedOn, DateOnly? RevokedOn)
    {
        public static Row Of(DbDataReader r) => new(r.GetString(0), r.GetString(1), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture), r.GetString(3),
            OperationalTables.DayOrNull(r, 4), OperationalTables.DayOrNull(r, 5));
    }
}
