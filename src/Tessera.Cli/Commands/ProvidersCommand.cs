using System.CommandLine;
using System.Globalization;
using Tessera.Contracts.Files;
using Tessera.Contracts.Providers;
using Tessera.Core.Text;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera providers import FILE</c> and <c>providers list</c>: the provider registry — who is
/// contracted, in which program, and how each agency's data names them (the crosswalk).
/// </summary>
public static class ProvidersCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("providers", "The provider registry: providers, their programs and how each agency's data names them.");
        command.Subcommands.Add(Import(output));
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Unmapped(output));
        return command;
    }

    private static Command Import(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var file = new Argument<string>("FILE") { Description = "A YAML file with a providers: list (and, optionally, programs:). See docs/contracts.md." };
        var reason = new Option<string>("--reason") { Description = "Why the registry changes, kept with each changed provider's history.", DefaultValueFactory = _ => "imported" };
        var import = new Command("import", "Add or update providers from a YAML file: all of them, or none when anything is wrong (exit 2, naming file, line and field).") { file, reason, workspace };
        import.SetAction(parsed =>
        {
            var path = parsed.GetValue(file)!;
            var read = Read(path);
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var result = ProviderRegistry.Import(Caller.Operator(opened), read, parsed.GetValue(reason)!);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported {read.Providers.Count} providers from {Path.GetFileName(path)}: {result.Added.Count} new, {result.Changed.Count} changed, {result.Unchanged.Count} unchanged."));
            if (result.ProgramsAdded.Count > 0)
            {
                output.WriteLine($"New programs: {string.Join(", ", result.ProgramsAdded)}.");
            }

            return ExitCodes.Ok;
        });
        return import;
    }

    private static Command List(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var format = new Option<string>("--format") { Description = "table or csv (provider,name,type,program,agencies,identifiers,version).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var list = new Command("list", "List the registered providers with their program and agencies' codes.") { format, workspace };
        list.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var providers = ProviderRegistry.List(Caller.Operator(opened));
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row("provider", "name", "type", "program", "agencies", "identifiers", "version");
                foreach (var p in providers)
                {
                    csv.Row(p.Provider.Id.Value, p.Provider.Name, p.Provider.Type, p.Provider.Program, string.Join(";", p.Provider.Agencies),
                        string.Join(";", p.Provider.Identifiers.Select(c => $"{c.Source}.{c.Field}={c.Value}")), p.Version);
                }

                return ExitCodes.Ok;
            }

            foreach (var p in providers)
            {
                output.WriteLine($"{p.Provider.Id.Value,-10} {p.Provider.Name,-32} {p.ProgramName,-24} {string.Join(", ", p.Provider.Identifiers.Select(c => $"{c.Source}.{c.Field}={c.Value}"))}");
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{providers.Count} providers."));
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command Unmapped(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var format = new Option<string>("--format") { Description = "table or csv (source,file,field,value,rows,suggested_provider).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var sources = new Option<string[]>("--source") { Description = "Only this source's codes (repeat for several), e.g. the agencies whose providers are contracted.", AllowMultipleArgumentsPerToken = false };
        var unmapped = new Command("unmapped", "Codes in the delivered data that name a provider (the dictionaries' provider fields) but no registered provider has: their rows count for no contract until the code is added.") { sources, format, workspace };
        unmapped.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var codes = ProviderRegistry.Unmapped(Caller.Operator(opened), parsed.GetValue(sources));
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row(UnmappedCode.Header);
                foreach (var code in codes)
                {
                    csv.Row(code.Cells);
                }

                return ExitCodes.Ok;
            }

            foreach (var code in codes)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{code.Source + "." + code.File + "." + code.Field,-36} {code.Value,-16} {code.Rows,8:N0} rows{(code.Suggested is { } id ? $"  perhaps {id}" : "")}"));
            }

            output.WriteLine(codes.Count == 0
                ? "Every provider code in the delivered data names a registered provider."
                : string.Create(CultureInfo.InvariantCulture, $"{codes.Count} codes name no registered provider; add them to a provider's identifiers and run 'tessera providers import'."));
            return ExitCodes.Ok;
        });
        return unmapped;
    }

    /// <summary>Reads a contracting file from disk; a missing or unreadable one is the user's input.</summary>
    internal static ContractingFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{path} does not exist.");
        }

        return ContractingFile.Read(Path.GetFileName(path), File.ReadAllText(path));
    }
}
