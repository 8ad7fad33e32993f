using Tessera.Contracts.Management;

namespace Tessera.Storage.Management;

/// <summary>A meeting with its generated agenda and the open alerts behind the agenda's second part.</summary>
/// <param name="Meeting">The meeting and what was recorded.</param>
/// <param name="Agenda">The three-part agenda.</param>
/// <param name="Alerts">The open alerts of the contracts it covers, up to the meeting's day.</param>
public sealed record MeetingView(Meeting Meeting, Agenda Agenda, IReadOnlyList<RaisedAlert> Alerts);
