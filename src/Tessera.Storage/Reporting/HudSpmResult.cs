using Tessera.Metrics.Hud;

namespace Tessera.Storage.Reporting;

/// <summary>A computed SPM report: which source and CoC, which period, and the cells.</summary>
/// <param name="Source">The HMIS source reported on.</param>
/// <param name="Coc">The CoC code.</param>
/// <param name="From">First day of the report period.</param>
/// <param name="To">Last day of the report period.</param>
/// <param name="Cells">The cells in HUD's table order.</param>
public sealed record HudSpmResult(string Source, string Coc, DateOnly From, DateOnly To, IReadOnlyList<SpmCell> Cells);
