using Tessera.Intake.Delivering;
using Tessera.Intake.Inbox;
using System.Diagnostics;
using System.Text;
using Tessera.Synthetic;

namespace Tessera.Storage.Tests;

/// <summary>
/// After ingesting a synthetic county, no workspace file (and no PostgreSQL dump) contains any
/// of its people's SSNs, with or without dashes, or a given+family name pair in any common
/// layout. DuckDB is told not to compress, so compression cannot hide plaintext from the scan.
/// </summary>
public class PrivacyScanTests
{
    [Fact]
    public void No_workspace_file_holds_an_SSN_or_a_name_pair_in_plaintext()
    {
        using var workspace = new TestWorkspace();
        var county = Generate(workspace.Root);
        var vault = (Vault.DuckDbVault)workspace.Workspace.Vault;
        using (var keepOpen = vault.OpenConnection())
        {
            Run(keepOpen, "PRAGMA force_compression='uncompressed'");
            IngestCounty(workspace, county);
            Run(keepOpen, "CHECKPOINT");
        }

        var (ssns, names) = Secrets(county);
        var files = Directory.GetFiles(workspace.Folder, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("vault.duckdb", StringComparison.Ordinal));
        foreach (var file in files)
        {
            AssertClean(File.ReadAllBytes(file), ssns, names, file);
        }

        var delivered = Directory.GetFiles(Path.Combine(county, "child_care"), "parents.csv", SearchOption.AllDirectories).Select(File.ReadAllBytes).SelectMany(b => b).ToArray();
        Assert.True(ScanFinds(delivered, ssns, names), "the scan must find the identifiers in the delivered (plaintext) files");
    }

    [SkippableFact]
    public void A_PostgreSQL_dump_holds_no_SSN_or_name_pair()
    {
        Postgres.SkipUnlessAvailable();
        var pgDump = PgDump() ?? throw new InvalidOperationException("pg_dump was not found; install postgresql-client.");
        using var workspace = new TestWorkspace(Engine.PostgreSql);
        var county = Generate(workspace.Root);
        IngestCounty(workspace, county);

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(workspace.PostgresConnection);
        var start = new ProcessStartInfo(pgDump, ["-h", builder.Host!, "-p", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", builder.Username!, "-d", builder.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var dump = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(dump);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.True(dump.Length > 10_000);
        var (ssns, names) = Secrets(county);
        AssertClean(dump.ToArray(), ssns, names, "pg_dump");
    }

    private static string Generate(string root)
    {
        var folder = Path.Combine(root, "county");
        new CountyGenerator(new SynthOptions { People = 1_500, Seed = 11, Months = 6 }).Generate(folder);
        return folder;
    }

    private static void IngestCounty(TestWorkspace workspace, string county)
    {
        foreach (var source in DeliveryInbox.Of(county).Sources())
        {
            foreach (var delivery in source.Deliveries)
            {
                var outcome = workspace.Ingest(new DeliveryRequest { Source = source.Name, Provider = delivery.Provider, Paths = [delivery.Folder] });
                Assert.True(outcome.Succeeded, $"{source.Name} {delivery.Provider} {delivery.Month}: {outcome.RejectionReason}");
            }
        }
    }

    internal static (HashSet<string> Ssns, HashSet<string> Names) Secrets(string county)
    {
        var ssns = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(county, "truth", "persons.csv")).Skip(1))
        {
            var f = line.Split(',');
            var (given, family, ssn) = (f[3].ToUpperInvariant(), f[5].ToUpperInvariant(), f[10]);
            if (ssn.Length == 9)
            {
                ssns.Add(ssn);
                ssns.Add($"{ssn[..3]}-{ssn[3..5]}-{ssn[5..]}");
            }

            names.Add(given + "|" + family);
            names.Add(family + "|" + given);
        }

        return (ssns, names);
    }

    private static void AssertClean(byte[] bytes, HashSet<string> ssns, HashSet<string> names, string where) =>
        Assert.False(ScanFinds(bytes, ssns, names), $"{where} holds an identifier in plaintext");

    /// <summary>Finds 9-digit and dashed SSNs, and pairs of adjacent words (separated by up to two non-letters) that are a person's names.</summary>
    internal static bool ScanFinds(byte[] bytes, HashSet<string> ssns, HashSet<string> names)
    {
        var text = Encoding.Latin1.GetString(bytes).ToUpperInvariant();
        for (var i = 0; i + 9 <= text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]) && (i == 0 || !char.IsAsciiDigit(text[i - 1])))
            {
                var end = i;
                while (end < text.Length && end - i < 11 && (char.IsAsciiDigit(text[end]) || text[end] == '-'))
                {
                    end++;
                }

                if (ssns.Contains(text[i..end]) || (end - i >= 9 && ssns.Contains(text.Substring(i, 9))))
                {
                    return true;
                }
            }
        }

        string? previous = null;
        var gap = 0;
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsAsciiLetterUpper(text[i]))
            {
                gap++;
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiLetterUpper(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            if (previous is not null && gap <= 2 && names.Contains(previous + "|" + word))
            {
                return true;
            }

            previous = word;
            gap = 0;
        }

        return false;
    }

    private static string? PgDump() =>
        new[] { "/usr/bin/pg_dump" }.Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Order().Reverse().Select(d => Path.Combine(d, "bin", "pg_dump")) : [])
            .FirstOrDefault(File.Exists);

    private static void Run(DuckDB.NET.Data.DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
