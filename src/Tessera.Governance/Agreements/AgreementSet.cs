using System.Globalization;

namespace Tessera.Governance.Agreements;

/// <summary>
/// The legal chain every person-level use of the data resolves through: a data use licence (DUL)
/// rests on the data sharing agreements (DSAs) of the sources it uses, and they on the enterprise
/// MOU. A release is allowed only when every link is active on the day — approved by everyone who
/// must approve it, in its dates, not revoked — and asks only for fields the licence names. The
/// answer is the list of reasons it is not allowed, in words an administrator can act on.
/// </summary>
public sealed class AgreementSet
{
    private readonly IReadOnlyDictionary<string, AgreementState> _states;

    /// <summary>Creates the set from the agreements and what has happened to them (missing states are fresh drafts).</summary>
    public AgreementSet(Emou? emou, IReadOnlyList<DataSharingAgreement> dsas, IReadOnlyList<DataUseLicence> duls, IReadOnlyDictionary<string, AgreementState>? states = null)
    {
        ArgumentNullException.ThrowIfNull(dsas);
        ArgumentNullException.ThrowIfNull(duls);
        Emou = emou;
        Dsas = dsas;
        Duls = duls;
        _states = states ?? new Dictionary<string, AgreementState>();
    }

    /// <summary>The enterprise MOU, if one is recorded.</summary>
    public Emou? Emou { get; }

    /// <summary>The data sharing agreements.</summary>
    public IReadOnlyList<DataSharingAgreement> Dsas { get; }

    /// <summary>The data use licences.</summary>
    public IReadOnlyList<DataUseLicence> Duls { get; }

    /// <summary>True when an agreement has this id.</summary>
    public bool Has(string id) => (Emou?.Id == id) || Dsas.Any(d => d.Id == id) || Duls.Any(d => d.Id == id);

    /// <summary>What has happened to agreement <paramref name="id"/>.</summary>
    public AgreementState State(string id) => _states.GetValueOrDefault(id) ?? AgreementState.New;

    /// <summary>The data sharing agreement covering <paramref name="source"/>, if any (the latest-starting when several do).</summary>
    public DataSharingAgreement? DsaFor(string source) => Dsas.Where(d => d.Sources.Contains(source, StringComparer.Ordinal)).MaxBy(d => StartOf(d));

    /// <summary>
    /// Who must approve agreement <paramref name="id"/>: for the eMOU every party and the review
    /// body; for a DSA its partner and the review body; for a DUL the partner of every source it
    /// uses and the review body.
    /// </summary>
    public IReadOnlyList<string> Approvers(string id)
    {
        var review = Emou?.ReviewBody is { Length: > 0 } body ? [body] : Array.Empty<string>();
        if (Emou?.Id == id)
        {
            return [.. Emou.Parties.Concat(review).Distinct(StringComparer.Ordinal)];
        }

        if (Dsas.FirstOrDefault(d => d.Id == id) is { } dsa)
        {
            return [dsa.Partner, .. review];
        }

        if (Duls.FirstOrDefault(d => d.Id == id) is { } dul)
        {
            return [.. dul.Sources.Keys.Select(s => DsaFor(s)?.Partner ?? s).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Concat(review)];
        }

        return [];
    }

    /// <summary>Those who must approve <paramref name="id"/> and have not.</summary>
    public IReadOnlyList<string> MissingApprovals(string id) => [.. Approvers(id).Where(a => !State(id).Approvals.ContainsKey(a))];

    /// <summary>Where agreement <paramref name="id"/> stands on <paramref name="day"/>.</summary>
    /// <exception cref="KeyNotFoundException">No agreement has this id.</exception>
    public AgreementStatus Status(string id, DateOnly day)
    {
        var (start, end) = Period(id);
        var state = State(id);
        return state.RevokedOn is { } revoked && revoked <= day ? AgreementStatus.Revoked
            : day > end ? AgreementStatus.Expired
            : MissingApprovals(id).Count > 0 || NeedsConsultation(id) ? AgreementStatus.Draft
            : day < start ? AgreementStatus.Approved
            : AgreementStatus.Active;
    }

    /// <summary>The licences that use a source of data sharing agreement <paramref name="dsaId"/>: what its expiry or revocation cuts off.</summary>
    public IReadOnlyList<DataUseLicence> DependentLicences(string dsaId) =>
        Dsas.FirstOrDefault(d => d.Id == dsaId) is { } dsa ? [.. Duls.Where(l => l.Sources.Keys.Any(s => DsaFor(s) == dsa))] : [];

    /// <summary>
    /// Why licence <paramref name="dulId"/> does not allow a release of <paramref name="fields"/>
    /// on <paramref name="day"/>: empty when every link of the chain is active and every field is
    /// one the licence names.
    /// </summary>
    public IReadOnlyList<string> ReleaseRefusals(string dulId, IEnumerable<(string Source, string File, string Field)> fields, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var reasons = new List<string>();
        if (Duls.FirstOrDefault(d => d.Id == dulId) is not { } dul)
        {
            return [$"There is no data use licence '{dulId}'."];
        }

        reasons.AddRange(Inactive(dul.Id, "data use licence", day));
        if (Emou is null)
        {
            reasons.Add("No enterprise MOU is recorded: every licence rests on one.");
        }
        else
        {
            reasons.AddRange(Inactive(Emou.Id, "enterprise MOU", day));
        }

        foreach (var source in dul.Sources.Keys.Order(StringComparer.Ordinal))
        {
            if (DsaFor(source) is not { } dsa)
            {
                reasons.Add($"Source {source}: no data sharing agreement covers it.");
                continue;
            }

            reasons.AddRange(Inactive(dsa.Id, $"data sharing agreement of source {source}", day));
            if (Emou is not null && !Emou.Parties.Contains(dsa.Partner, StringComparer.Ordinal))
            {
                reasons.Add($"Source {source}: its partner {dsa.Partner} is not a party to the enterprise MOU {Emou.Id}.");
            }
        }

        reasons.AddRange(fields.Where(f => !dul.Covers(f.Source, f.File, f.Field)).Select(f => $"{f.Source}.{f.File}.{f.Field} is not among the fields licence {dul.Id} names.").Distinct(StringComparer.Ordinal));
        return reasons;
    }

    private IEnumerable<string> Inactive(string id, string what, DateOnly day)
    {
        var (start, end) = Period(id);
        var state = State(id);
        switch (Status(id, day))
        {
            case AgreementStatus.Active:
                yield break;
            case AgreementStatus.Revoked:
                yield return string.Create(CultureInfo.InvariantCulture, $"The {what} {id} was revoked on {state.RevokedOn:yyyy-MM-dd}.");
                break;
            case AgreementStatus.Expired:
                yield return string.Create(CultureInfo.InvariantCulture, $"The {what} {id} ended on {end:yyyy-MM-dd}.");
                break;
            case AgreementStatus.Approved:
                yield return string.Create(CultureInfo.InvariantCulture, $"The {what} {id} starts on {start:yyyy-MM-dd}.");
                break;
            default:
                if (MissingApprovals(id) is { Count: > 0 } missing)
                {
                    yield return $"The {what} {id} is not approved by {string.Join(", ", missing)}.";
                }

                if (NeedsConsultation(id))
                {
                    yield return $"The {what} {id} has no record of the community advisory team's consultation, which the enterprise MOU requires.";
                }

                break;
        }
    }

    // A licence needs the community advisory team's consultation on record when the eMOU asks for it.
    private bool NeedsConsultation(string id) =>
        Emou is { CommunityReview: true } && Duls.Any(d => d.Id == id) && State(id).CommunityConsultedOn is null;

    private DateOnly StartOf(DataSharingAgreement dsa) => dsa.Start ?? Emou?.Start ?? DateOnly.MinValue;

    /// <summary>The first and last day of agreement <paramref name="id"/> (a DSA without dates: the eMOU's start, and its destruction day or the eMOU's end).</summary>
    /// <exception cref="KeyNotFoundException">No agreement has this id.</exception>
    public (DateOnly Start, DateOnly End) Period(string id)
    {
        if (Emou?.Id == id)
        {
            return (Emou.Start, Emou.End);
        }

        if (Dsas.FirstOrDefault(d => d.Id == id) is { } dsa)
        {
            return (StartOf(dsa), dsa.End ?? dsa.DestroyOn ?? Emou?.End ?? DateOnly.MaxValue);
        }

        return Duls.FirstOrDefault(d => d.Id == id) is { } dul ? (dul.Start, dul.End) : throw new KeyNotFoundException($"There is no agreement '{id}'.");
    }
}
