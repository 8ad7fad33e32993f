using System.CommandLine;
using System.Text;
using Sylvan.Data.Csv;
using Tessera.Core.Text;
using Tessera.Linkage.Encodings;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera encode</c>: an agency encodes its own extract into CLKs on its own machine, with the
/// secret shared only among the data partners, so the hub receives filters it cannot read. Opens
/// no workspace and sends nothing anywhere. docs/encoding.md.
/// </summary>
public static class EncodeCommand
{
    /// <summary>The CSV output's header: the record's id (the input's first column) and its CLK in base64.</summary>
    public const string CsvHeader = "record_id,clk";

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var schema = new Option<FileInfo>("--schema") { Description = "The linkage schema (clkhash v3 JSON) the partners agreed.", Required = true };
        var secretFile = new Option<FileInfo>("--secret-file") { Description = "A file holding the shared secret (its bytes; a final line break is not part of it).", Required = true };
        var input = new Option<FileInfo>("--input") { Description = "The extract: CSV with a header line, one column per schema feature, in the schema's order.", Required = true };
        var output_ = new Option<FileInfo>("--out") { Description = "Where to write the CLKs (replaced only when every record is encoded).", Required = true };
        var format = new Option<string>("--format") { Description = $"json ({{\"clks\": [base64, …]}}, as clkhash writes) or csv ({CsvHeader}, which `tessera linkage run` and intake read).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var allowShort = new Option<bool>("--allow-short-secret") { Description = $"Accept a secret shorter than {ClkEncoder.MinimumSecretBytes} bytes (to reproduce published examples; never for real data)." };
        var project = new Option<string?>("--project") { Description = "Hardening: the project's name, mixed into the keys, so that CLKs made for two projects with one secret cannot be joined. Every partner of the project gives the same name." };
        var saltColumn = new Option<string?>("--salt-column") { Description = "Hardening: a schema feature (e.g. an ignored year-of-birth column) whose value salts every token of the record, against frequency attacks; records of one person must then agree on it exactly." };
        var balanced = new Option<bool>("--balanced") { Description = "Hardening: each CLK followed by its complement and shuffled with the secret, so every CLK has half its bits set (twice the length)." };
        var command = new Command("encode", "Encode an extract's identifiers into CLKs (keyed Bloom filters) with the partners' shared secret, byte for byte as clkhash does unless hardening is asked for.")
        {
            schema, secretFile, input, output_, format, allowShort, project, saltColumn, balanced,
        };
        command.SetAction(parsed =>
        {
            var schemaFile = parsed.GetValue(schema)!;
            var linkage = LinkageSchema.Parse(schemaFile.Name, Read(schemaFile, "--schema"));
            var secret = Secret(parsed.GetValue(secretFile)!, parsed.GetValue(allowShort));
            var hardening = new ClkHardening { Project = parsed.GetValue(project), SaltColumn = parsed.GetValue(saltColumn), Balanced = parsed.GetValue(balanced) };
            if (hardening.Project is { } name && string.IsNullOrWhiteSpace(name))
            {
                throw new UsageException("--project: give the project's name (the same for every partner of the project).");
            }

            var encoder = new ClkEncoder(linkage, secret, hardening);
            Array.Clear(secret);
            var inputFile = parsed.GetValue(input)!;
            if (!inputFile.Exists)
            {
                throw new UsageException($"--input: {inputFile.Name} does not exist.");
            }

            var rows = new List<(List<string> Values, int Line)>();
            using (var reader = CsvDataReader.Create(inputFile.FullName, new CsvDataReaderOptions { HasHeaders = false, Delimiter = ',' }))
            {
                var header = true;
                while (reader.Read())
                {
                    var values = Enumerable.Range(0, reader.RowFieldCount).Select(reader.GetString).ToList();
                    if (header || (values.Count == 1 && values[0].Length == 0))
                    {
                        header = false;
                        continue;
                    }

                    rows.Add((values, reader.RowNumber));
                }
            }

            // Rows are independent: encoded on every core, written in their order. The first bad row (by line) is the one reported.
            var encoded = new (string Id, string Clk)[rows.Count];
            var failures = new LinkageSchemaException?[rows.Count];
            Parallel.For(0, rows.Count, r =>
            {
                try
                {
                    encoded[r] = (rows[r].Values[0], Convert.ToBase64String(encoder.Encode(rows[r].Values, $"{inputFile.Name}, line {rows[r].Line}")));
                }
                catch (LinkageSchemaException ex)
                {
                    failures[r] = ex;
                }
            });
            if (Array.Find(failures, f => f is not null) is { } failure)
            {
                throw failure;
            }

            var destination = parsed.GetValue(output_)!;
            var text = new StringBuilder();
            if (parsed.GetValue(format) == "csv")
            {
                using var writer = new StringWriter(text);
                var csv = new CsvWriter(writer, neutraliseFormulas: false); // read back by machines; a CLK may start with +
                csv.Row(CsvHeader.Split(','));
                foreach (var (id, clk) in encoded)
                {
                    csv.Row(id, clk);
                }
            }
            else
            {
                text.Append("{\"clks\": [").AppendJoin(", ", encoded.Select(e => $"\"{e.Clk}\"")).Append("]}");
            }

            // Written beside the destination and moved over it: an interrupted run leaves the old file, never half a new one.
            var temporary = destination.FullName + ".partial";
            File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(false));
            File.Move(temporary, destination.FullName, overwrite: true);
            var bits = hardening.Balanced ? 2 * linkage.Length : linkage.Length;
            output.WriteLine($"Encoded {encoded.Length:N0} records into {bits}-bit CLKs: {destination.Name}.{(hardening.None ? string.Empty : " Hardened: every partner must use the same --project, --salt-column and --balanced.")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Read(FileInfo file, string option)
    {
        if (!file.Exists)
        {
            throw new UsageException($"{option}: {file.Name} does not exist.");
        }

        return File.ReadAllText(file.FullName);
    }

    // The secret file's bytes without a final line break; refused when missing, empty or (unless allowed) short.
    private static byte[] Secret(FileInfo file, bool allowShort)
    {
        if (!file.Exists)
        {
            throw new UsageException($"--secret-file: {file.Name} does not exist.");
        }

        var bytes = File.ReadAllBytes(file.FullName);
        var length = bytes.Length;
        if (length > 0 && bytes[length - 1] == '\n')
        {
            length -= length > 1 && bytes[length - 2] == '\r' ? 2 : 1;
        }

        if (length == 0)
        {
            throw new UsageException($"--secret-file: {file.Name} is empty; it must hold the secret the data partners share.");
        }

        if (length < ClkEncoder.MinimumSecretBytes && !allowShort)
        {
            throw new UsageException($"--secret-file: the secret in {file.Name} is {length} bytes; at least {ClkEncoder.MinimumSecretBytes} are needed, or a frequency attack can guess it.");
        }

        return bytes[..length];
    }
}
