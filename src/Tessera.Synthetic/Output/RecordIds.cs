using System.Globalization;
using Tessera.Synthetic.Randomness;

namespace Tessera.Synthetic.Output;

/// <summary>
/// Agency record numbers: opaque, unique per kind, computed from (owner, sequence within owner)
/// so each household can number its records without a global counter.
/// </summary>
internal sealed class RecordIds
{
    private readonly Dictionary<IdKind, IdScrambler> _scramblers = [];

    public RecordIds(long seed)
    {
        foreach (var kind in Enum.GetValues<IdKind>())
        {
            _scramblers[kind] = new IdScrambler(seed, kind.ToString(), 40);
        }
    }

    /// <summary>An id for the <paramref name="sequence"/>-th record of its kind owned by <paramref name="owner"/> (a person or household index).</summary>
    public string Make(IdKind kind, int owner, int sequence)
    {
        if (sequence is < 0 or >= 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), "At most 4096 records of one kind per owner.");
        }

        var value = _scramblers[kind].Scramble(((ulong)owner << 12) | (uint)sequence);
        return Prefix(kind) + value.ToString("D13", CultureInfo.InvariantCulture);
    }

    private static string Prefix(IdKind kind) => kind switch
    {
        IdKind.ChildCareChild => "K",
        IdKind.ChildCareParent => "G",
        IdKind.ChildCareAuthorization => "A",
        IdKind.WelfareReport => "R",
        IdKind.WelfareAllegation => "AL",
        IdKind.WelfareRemoval => "RM",
        IdKind.WelfarePlacement => "PL",
        IdKind.WelfareFamilyPreservation => "FP",
        IdKind.HmisHousehold => "HH",
        IdKind.WorkforceParticipant => "WP",
        IdKind.WorkforceReferral => "RF",
        IdKind.WorkforceEnrollment => "EN",
        IdKind.Wage => "UI",
        IdKind.Inmate => "D",
        IdKind.StateId => "SID",
        IdKind.Release => "RL",
        IdKind.Arrest => "AR",
        IdKind.Conviction => "CV",
        _ => "",
    };
}

/// <summary>Kinds of agency record number.</summary>
internal enum IdKind
{
    BenefitsCase,
    BenefitsMember,
    ChildCareChild,
    ChildCareParent,
    ChildCareAuthorization,
    WelfarePerson,
    WelfareReport,
    WelfareAllegation,
    WelfareRemoval,
    WelfarePlacement,
    WelfareFamilyPreservation,
    HmisPersonal,
    HmisEnrollment,
    HmisHousehold,
    HmisExit,
    HmisOther,
    WorkforceParticipant,
    WorkforceReferral,
    WorkforceEnrollment,
    Wage,
    Inmate,
    StateId,
    Release,
    Arrest,
    Conviction,
    WelfareAssessment,
}
