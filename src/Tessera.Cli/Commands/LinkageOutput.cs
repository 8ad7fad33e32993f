using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using Tessera.Core.Text;
using Tessera.Linkage.Input;
using Tessera.Linkage.Running;

namespace Tessera.Cli.Commands;

/// <summary>
/// Writes a standalone linkage run's files: clusters.csv (one row per record), pairs.csv (pairs with
/// probability ≥ 0.01), model.json (trained m/u per level) and blocking.csv (the blocking
/// analysis), side by side. Each file is written beside its final name and then moved, so a reader
/// never sees half a file.
/// </summary>
internal static class LinkageOutput
{
    public static void Write(string folder, LinkageInput input, LinkageResult result)
    {
        Directory.CreateDirectory(folder);
        var width = result.Count.ToString(CultureInfo.InvariantCulture).Length;
        var personIds = new Dictionary<int, string>();
        foreach (var cluster in result.Cluster)
        {
            if (!personIds.ContainsKey(cluster))
            {
                personIds[cluster] = "P" + (personIds.Count + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
            }
        }

        // The four files are written side by side, one per core; the first failure is the one reported.
        try
        {
            Parallel.Invoke(
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                () => WriteClusters(folder, input, result, personIds),
                () => WritePairs(folder, input, result),
                () => WriteModel(folder, result),
                () => WriteBlocking(folder, result));
        }
        catch (AggregateException ex)
        {
            ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }
    }

    private static void WriteClusters(string folder, LinkageInput input, LinkageResult result, Dictionary<int, string> personIds) =>
        WriteAtomically(Path.Combine(folder, "clusters.csv"), csv =>
        {
            csv.Row("source", "record_id", "person_id");
            for (var i = 0; i < result.Count; i++)
            {
                csv.Row(input.Sources[result.SourceOf(i)], result.RecordIdOf(i), personIds[result.Cluster[i]]);
            }
        });

    private static void WritePairs(string folder, LinkageInput input, LinkageResult result) =>
        WriteAtomically(Path.Combine(folder, "pairs.csv"), csv =>
        {
            csv.Row("source_l", "record_id_l", "source_r", "record_id_r", "match_weight", "match_probability");
            foreach (var pair in result.Pairs)
            {
                csv.Row(input.Sources[result.SourceOf(pair.Left)], result.RecordIdOf(pair.Left), input.Sources[result.SourceOf(pair.Right)], result.RecordIdOf(pair.Right),
                    pair.MatchWeight.ToString("0.####", CultureInfo.InvariantCulture), pair.MatchProbability.ToString("0.######", CultureInfo.InvariantCulture));
            }
        });

    private static void WriteModel(string folder, LinkageResult result) =>
        WriteTextAtomically(Path.Combine(folder, "model.json"), writer => writer.Write(JsonSerializer.Serialize(
            new { prior = result.Prior, household_overlap_bits = result.HouseholdOverlap, em_iterations = result.EmIterations, comparisons = result.Model },
            new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })));

    private static void WriteBlocking(string folder, LinkageResult result) =>
        WriteAtomically(Path.Combine(folder, "blocking.csv"), csv =>
        {
            csv.Row("rule", "records_with_key", "blocks", "pairs_in_blocks", "pairs_compared", "largest_block", "blocks_over_limit", "pairs_over_limit");
            foreach (var rule in result.Blocking.Rules)
            {
                csv.Row(rule.Rule, rule.RecordsWithKey, rule.Blocks, rule.Pairs, rule.NewPairs, rule.LargestBlocks.Count > 0 ? rule.LargestBlocks[0] : 0, rule.BlocksOverLimit, rule.PairsOverLimit);
            }
        });

    /// <summary>
    /// Writes a CSV file beside its final name and moves it into place. These files are read back
    /// by Tessera (<c>linkage evaluate</c>), so identifiers are written as they are, formulas not
    /// neutralised.
    /// </summary>
    internal static void WriteAtomically(string path, Action<CsvWriter> write) =>
        WriteTextAtomically(path, writer => write(new CsvWriter(writer, neutraliseFormulas: false)));

    /// <summary>Writes a file beside its final name and moves it into place.</summary>
    private static void WriteTextAtomically(string path, Action<TextWriter> write)
    {
        var temporary = path + ".partial";
        using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false), 1 << 16))
        {
            write(writer);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
