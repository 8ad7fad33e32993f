namespace Tessera.Metrics.Hud;

/// <summary>
/// One cell of a HUD SPM table, addressed as in HUD's own report files: <see cref="Table"/> is the
/// table's file name ("3.2", "7b.1", "2") and <see cref="Cell"/> the spreadsheet address ("C3").
/// </summary>
/// <param name="Table">HUD's table name.</param>
/// <param name="Cell">Column letter and row number.</param>
/// <param name="Value">As HUD writes it: a count ("56"), an average with two decimals, or a percentage ("5.56%").</param>
/// <param name="Label">What the cell counts, in HUD's words.</param>
public sealed record SpmCell(string Table, string Cell, string Value, string Label);
