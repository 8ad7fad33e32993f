using Tessera.Core.Time;

namespace Tessera.Storage.Planning;

/// <summary>
/// Utilisation by program (or agency) and month: how many persons each served in each month of
/// the window, a person counting in every month an event of theirs (an enrolment, a stay, a
/// placement, a session) overlaps.
/// </summary>
/// <param name="By">Programs or agencies.</param>
/// <param name="Months">The window's months, oldest first.</param>
/// <param name="LinkRun">The link run the persons come from.</param>
/// <param name="Rows">Each program or agency, by id.</param>
/// <param name="Exact">True when small counts are shown.</param>
public sealed record UtilisationTable(UtilisationBy By, IReadOnlyList<YearMonth> Months, long LinkRun, IReadOnlyList<UtilisationRow> Rows, bool Exact);
