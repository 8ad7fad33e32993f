namespace Tessera.Contracts.Management;

/// <summary>
/// The meetings of active contract management (Government Performance Lab): each has its own
/// audience and rhythm, and the same three-part agenda.
/// </summary>
public enum MeetingKind
{
    /// <summary>"check_in": the monthly data and contract check-in with one provider, on one contract.</summary>
    CheckIn,

    /// <summary>"internal_review": the agency's quarterly review of a program's contracts.</summary>
    InternalReview,

    /// <summary>"executive": the quarterly meeting with the agency's leadership.</summary>
    Executive,

    /// <summary>"working_group": an ad hoc group of providers serving similar populations.</summary>
    WorkingGroup,
}

/// <summary>Names <see cref="MeetingKind"/>s as files and screens do.</summary>
public static class MeetingKinds
{
    /// <summary>The kind's code: check_in, internal_review, executive, working_group.</summary>
    public static string Code(this MeetingKind kind) => kind switch
    {
        MeetingKind.CheckIn => "check_in",
        MeetingKind.InternalReview => "internal_review",
        MeetingKind.Executive => "executive",
        _ => "working_group",
    };

    /// <summary>The kind in words: "Monthly data and contract check-in" …</summary>
    public static string Words(this MeetingKind kind) => kind switch
    {
        MeetingKind.CheckIn => "Monthly data and contract check-in",
        MeetingKind.InternalReview => "Quarterly internal review",
        MeetingKind.Executive => "Quarterly executive meeting",
        _ => "Working group of providers",
    };

    /// <summary>The kind a code names, or null.</summary>
    public static MeetingKind? Parse(string? code) => Enum.GetValues<MeetingKind>().Cast<MeetingKind?>().FirstOrDefault(k => k!.Value.Code() == code);
}
