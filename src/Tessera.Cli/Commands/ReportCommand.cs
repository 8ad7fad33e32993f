using System.CommandLine;
using System.Globalization;
using Tessera.Core.Text;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Reporting;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera report hud-spm</c>: HUD's System Performance Measures over the workspace's HMIS
/// source, as one row per cell (<c>table,cell,value</c>) addressed like HUD's report files.
/// </summary>
public static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var from = new Option<string>("--from") { Description = "First day of the report period, YYYY-MM-DD (HUD's fiscal year starts on 1 October).", Required = true };
        var to = new Option<string>("--to") { Description = "Last day of the report period, YYYY-MM-DD.", Required = true };
        var source = new Option<string?>("--source") { Description = "The HMIS source, when the workspace holds several." };
        var coc = new Option<string?>("--coc") { Description = "The CoC code to report on (default: the CoC most of the export's projects belong to), e.g. XX-500." };
        var format = new Option<string>("--format") { Description = "table (readable, with HUD's row labels) or csv (table,cell,value).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var spm = new Command("hud-spm", "HUD System Performance Measures (1a, 1b, 2, 3.2, 4.1–4.6, 5.1, 5.2, 7a.1, 7b.1, 7b.2) for a report period. Exact figures: for administrators and the CoC's HMIS staff.")
        {
            from, to, source, coc, format, workspace,
        };
        spm.SetAction(parsed =>
        {
            var start = Date(parsed.GetValue(from)!, "--from");
            var end = Date(parsed.GetValue(to)!, "--to");
            using var opened = WorkspaceOption.Open(parsed, workspace, Capability.RunHudReports, AuditAction.Report, $"HUD SPM {start:yyyy-MM-dd} to {end:yyyy-MM-dd}");
            var result = HudSpmRun.Run(opened, parsed.GetValue(source), start, end, parsed.GetValue(coc));
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row("table", "cell", "value");
                foreach (var cell in result.Cells)
                {
                    csv.Row(cell.Table, cell.Cell, cell.Value);
                }
            }
            else
            {
                output.WriteLine($"HUD System Performance Measures — {result.Source}, CoC {result.Coc}, {start:yyyy-MM-dd} to {end:yyyy-MM-dd}");
                output.WriteLine($"({Metrics.Hud.SpmReport.Specification}; persons are HMIS PersonalIDs)");
                foreach (var table in result.Cells.GroupBy(c => c.Table))
                {
                    output.WriteLine();
                    output.WriteLine("Measure " + table.Key);
                    foreach (var cell in table)
                    {
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {cell.Cell,-4} {cell.Value,9}  {cell.Label}"));
                    }
                }
            }

            return ExitCodes.Ok;
        });
        return new Command("report", "Federal reports computed from the workspace.") { spm };
    }

    private static DateOnly Date(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"{option} must be a date written YYYY-MM-DD, e.g. 2020-10-01 (got '{text}').");
}
