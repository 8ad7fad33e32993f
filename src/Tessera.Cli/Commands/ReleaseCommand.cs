using System.CommandLine;
using System.Globalization;
using Tessera.Core.Text;
using Tessera.Governance.Releases;
using Tessera.Storage.Access;
using Tessera.Storage.Releases;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera release build --dul ID --out DIR</c>, <c>release list</c> and <c>release download ID
/// --out DIR</c>: de-identified and limited data sets under a data use licence
/// (docs/agreements.md). A release the agreements do not allow exits 2 with every reason.
/// </summary>
public static class ReleaseCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("release", "De-identified and limited data sets built under a data use licence.");
        command.Subcommands.Add(Build(output));
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Download(output));
        return command;
    }

    private static Command Build(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var dul = new Option<string>("--dul") { Description = "The data use licence, e.g. dul-eval-1.", Required = true };
        var outDir = new Option<string>("--out") { Description = "The folder to write the release files and manifest.json into (created when missing).", Required = true };
        var k = new Option<int>("--k") { Description = "The smallest class of people on the quasi-identifiers (11 or more).", DefaultValueFactory = _ => KAnonymity.DefaultK };
        var build = new Command("build", "Build a release under a licence and write it (CSV and Parquet per file, and manifest.json) into a folder; exit 2 with the reasons when the agreements do not allow it.") { dul, outDir, k, workspace };
        build.SetAction(parsed =>
        {
            if (parsed.GetValue(k) < KAnonymity.DefaultK)
            {
                throw new UsageException($"--k is at least {KAnonymity.DefaultK}.");
            }

            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var caller = Caller.Operator(opened);
            var manifest = ReleaseBuilder.Build(caller, parsed.GetValue(dul)!, parsed.GetValue(k));
            Write(output, caller, manifest.Release, parsed.GetValue(outDir)!);
            return ExitCodes.Ok;
        });
        return build;
    }

    private static Command List(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var format = new Option<string>("--format") { Description = $"table, or csv ({ReleaseSummary.Header}).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var list = new Command("list", "Every release built, with its licence, size and first download.") { format, workspace };
        list.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var releases = ReleaseBuilder.List(Caller.Operator(opened));
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row(ReleaseSummary.Header.Split(','));
                foreach (var r in releases)
                {
                    csv.Row(r.Id, r.Dul, r.Project, r.Licensee, r.Level, r.BuiltBy, r.BuiltUtc, r.Files, r.Rows, r.People, r.DownloadedBy, r.DownloadedUtc);
                }

                return ExitCodes.Ok;
            }

            foreach (var r in releases)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Id,4}  {r.Dul,-14} {r.Level,-13} {r.BuiltUtc:yyyy-MM-dd HH:mm}  {r.Files} files, {r.Rows:N0} rows, {r.People:N0} people  {(r.DownloadedUtc is { } d ? $"downloaded {d:yyyy-MM-dd} by {r.DownloadedBy}" : "not downloaded")}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{releases.Count} releases."));
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command Download(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var id = new Argument<long>("ID") { Description = "The release number (release list)." };
        var outDir = new Option<string>("--out") { Description = "The folder to write the files into.", Required = true };
        var download = new Command("download", "Decrypt a release into a folder, while its licence still allows it.") { id, outDir, workspace };
        download.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            Write(output, Caller.Operator(opened), parsed.GetValue(id), parsed.GetValue(outDir)!);
            return ExitCodes.Ok;
        });
        return download;
    }

    private static void Write(TextWriter output, Caller caller, long id, string folder)
    {
        // The folder is made only once the release may be written: a refusal leaves nothing behind.
        var manifest = ReleaseBuilder.Download(caller, id, name => File.Create(Path.Combine(Directory.CreateDirectory(folder).FullName, name)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Release {manifest.Release} under {manifest.Dul} ({manifest.Level}, k = {manifest.K}): {manifest.People:N0} people in {manifest.Files.Count} files written to {folder}"));
        foreach (var file in manifest.Files)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {file.Name,-28} {file.Rows,9:N0} rows  {file.SuppressedRows,6:N0} suppressed  {file.Columns.Count,3} columns ({file.Removed.Count} fields removed){(file.SmallestClassPeople is { } s ? $"  smallest class {s} people, loss {file.InformationLoss:0.000}" : "")}"));
        }

        output.WriteLine($"  {ReleaseBuilder.ManifestFile}: the licence, every column's treatment and the checks passed.");
    }
}
