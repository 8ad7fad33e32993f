using Tessera.Intake.Reading;
using Tessera.Linkage.Input;

namespace Tessera.Linkage.Evaluation;

/// <summary>
/// Reads a file assigning records to persons — a clustering (clusters.csv) or the truth (the
/// synthetic county's truth/records.csv) — with the columns source, record_id and person_id.
/// </summary>
public static class PersonFile
{
    /// <summary>Each (source, record id) and its person.</summary>
    /// <exception cref="LinkageInputException">The file is missing or unreadable, lacks one of the three columns, or lists a record twice.</exception>
    public static Dictionary<(string Source, string RecordId), string> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new LinkageInputException($"{path}: no such file.");
        }

        try
        {
            using var csv = CsvRowSource.OpenPath(path);
            var ordinals = new[] { "source", "record_id", "person_id" }.Select(name => csv.Header.ToList().FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase))).ToArray();
            if (ordinals.Any(o => o < 0))
            {
                throw new LinkageInputException($"{path} row 1: expected the columns source, record_id and person_id; the header has {string.Join(", ", csv.Header)}.");
            }

            var persons = new Dictionary<(string, string), string>();
            while (csv.Read())
            {
                var values = ordinals.Select(o => o < csv.FieldCount ? csv.Text(o).Trim().ToString() : string.Empty).ToArray();
                if (!persons.TryAdd((values[0], values[1]), values[2]))
                {
                    throw new LinkageInputException($"{path} row {csv.Row}: the record (source and record_id) appears earlier in the file; each record must appear once.");
                }
            }

            return persons;
        }
        catch (DeliveryRejectedException ex)
        {
            throw new LinkageInputException(ex.Message);
        }
    }
}
