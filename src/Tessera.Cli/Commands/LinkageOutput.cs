using System.Globalization;
using System.Text;
using System.Text.Json;
using Tessera.Linkage.Input;
using Tessera.Linkage.Running;

namespace Tessera.Cli.Commands;

/// <summary>
/// Writes a standalone linkage run's files: clusters.csv (one row per record), pairs.csv (pairs with
/// probability ≥ 0.01), model.json (trained m/u per level) and blocking.csv (the blocking
/// analysis). Each file is written beside its final name and then moved, so a reader never sees
/// half a file.
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

        WriteAtomically(Path.Combine(folder, "clusters.csv"), writer =>
        {
            writer.Write("source,record_id,person_id\n");
            for (var i = 0; i < result.Count; i++)
            {
                writer.Write($"{Csv(input.Sources[result.SourceOf(i)])},{Csv(result.RecordIdOf(i))},{personIds[result.Cluster[i]]}\n");
            }
        });
        WriteAtomically(Path.Combine(folder, "pairs.csv"), writer =>
        {
            writer.Write("source_l,record_id_l,source_r,record_id_r,match_weight,match_probability\n");
            foreach (var pair in result.Pairs)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{Csv(input.Sources[result.SourceOf(pair.Left)])},{Csv(result.RecordIdOf(pair.Left))},{Csv(input.Sources[result.SourceOf(pair.Right)])},{Csv(result.RecordIdOf(pair.Right))},{pair.MatchWeight:0.####},{pair.MatchProbability:0.######}\n"));
            }
        });
        WriteAtomically(Path.Combine(folder, "model.json"), writer => writer.Write(JsonSerializer.Serialize(
            new { prior = result.Prior, household_overlap_bits = result.HouseholdOverlap, em_iterations = result.EmIterations, comparisons = result.Model },
            new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })));
        WriteAtomically(Path.Combine(folder, "blocking.csv"), writer =>
        {
            writer.Write("rule,records_with_key,blocks,pairs_in_blocks,pairs_compared,largest_block,blocks_over_limit,pairs_over_limit\n");
            foreach (var rule in result.Blocking.Rules)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{Csv(rule.Rule)},{rule.RecordsWithKey},{rule.Blocks},{rule.Pairs},{rule.NewPairs},{(rule.LargestBlocks.Count > 0 ? rule.LargestBlocks[0] : 0)},{rule.BlocksOverLimit},{rule.PairsOverLimit}\n"));
            }
        });
    }

    /// <summary>Writes a file beside its final name and moves it into place.</summary>
    internal static void WriteAtomically(string path, Action<TextWriter> write)
    {
        var temporary = path + ".partial";
        using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false), 1 << 16))
        {
            write(writer);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A CSV field, quoted when it needs to be.</summary>
    internal static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
