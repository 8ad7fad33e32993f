using Tessera.Intake.Reading;

namespace Tessera.Linkage.Input;

/// <summary>
/// Known matches for training: a CSV with the columns source_l, record_id_l, source_r and
/// record_id_r (the layout of pairs.csv), one row per pair known to be the same person — e.g.
/// from an earlier clerical linkage. Named in a config as <c>labels: FILE</c>.
/// </summary>
public static class LabelFile
{
    /// <summary>The labelled pairs as positions in <paramref name="input"/>'s records.</summary>
    /// <exception cref="LinkageInputException">The file is missing or unreadable, lacks a column, or names a record that is in none of the inputs.</exception>
    public static List<(int Left, int Right)> Read(string path, LinkageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!File.Exists(path))
        {
            throw new LinkageInputException($"{path}: no such labels file.");
        }

        var position = new Dictionary<(string, string), int>();
        for (var i = 0; i < input.Records.Count; i++)
        {
            position[(input.Sources[input.Records[i].Source], input.Records[i].RecordId)] = i;
        }

        try
        {
            using var csv = CsvRowSource.OpenPath(path);
            var names = new[] { "source_l", "record_id_l", "source_r", "record_id_r" };
            var ordinals = names.Select(name => csv.Header.ToList().FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase))).ToArray();
            if (ordinals.Any(o => o < 0))
            {
                throw new LinkageInputException($"{path} row 1: expected the columns {string.Join(", ", names)}; the header has {string.Join(", ", csv.Header)}.");
            }

            var pairs = new List<(int, int)>();
            while (csv.Read())
            {
                var values = ordinals.Select(o => o < csv.FieldCount ? csv.Text(o).Trim().ToString() : string.Empty).ToArray();
                if (!position.TryGetValue((values[0], values[1]), out var left) || !position.TryGetValue((values[2], values[3]), out var right))
                {
                    throw new LinkageInputException($"{path} row {csv.Row}: names a record that is in none of the inputs (sources '{values[0]}' and '{values[2]}').");
                }

                pairs.Add((left, right));
            }

            return pairs;
        }
        catch (DeliveryRejectedException ex)
        {
            throw new LinkageInputException(ex.Message);
        }
    }
}
