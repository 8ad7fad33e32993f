namespace Tessera.Contracts.Management;

/// <summary>A meeting of active contract management, with what was recorded at it.</summary>
/// <param name="Id">The meeting's number.</param>
/// <param name="Kind">Which of the seeds' meetings it is.</param>
/// <param name="Program">The program it reviews.</param>
/// <param name="Contract">The contract a check-in is about; null for the others.</param>
/// <param name="Day">The day it is held.</param>
/// <param name="Title">Its title.</param>
/// <param name="Attendees">Who attended, as recorded.</param>
/// <param name="Minutes">The minutes.</param>
/// <param name="Decisions">The decisions taken.</param>
/// <param name="Notes">Pre-meeting analysis notes on figures, in the order written.</param>
public sealed record Meeting(long Id, MeetingKind Kind, string Program, string? Contract, DateOnly Day, string Title, string Attendees, string Minutes, string Decisions, IReadOnlyList<AnalysisNote> Notes)
{
    /// <summary>True when two meetings are of the same series (same kind, program and contract): the previous one's closing items are the next one's lessons.</summary>
    public bool SameSeries(Meeting other) => other is not null && other.Kind == Kind && other.Program == Program && other.Contract == Contract;
}

/// <summary>An analyst's note on a figure, written before a meeting.</summary>
/// <param name="Subject">The figure it is about, e.g. "acm-referral-to-enrolment, 2024-06".</param>
/// <param name="Note">The note.</param>
/// <param name="Author">Who wrote it.</param>
public sealed record AnalysisNote(string Subject, string Note, string Author);
