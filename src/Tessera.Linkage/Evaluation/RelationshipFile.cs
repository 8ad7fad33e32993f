using Tessera.Intake.Reading;
using Tessera.Linkage.Families;
using Tessera.Linkage.Input;

namespace Tessera.Linkage.Evaluation;

/// <summary>
/// Reads family links between persons with the columns person_id_a, person_id_b and relation —
/// families.csv from <c>tessera link --out</c>, or the synthetic county's truth/relationships.csv.
/// <c>parent</c> reads "a is a parent of b" and <c>child</c> "a is a child of b"; partner and
/// sibling links have no direction.
/// </summary>
public static class RelationshipFile
{
    /// <summary>The links, each once: parent links as (parent, child), the others with the smaller id first.</summary>
    /// <exception cref="LinkageInputException">The file is missing or unreadable, lacks a column, or names an unknown relation.</exception>
    public static HashSet<(string A, string B, FamilyRelation Relation)> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new LinkageInputException($"{path}: no such file.");
        }

        try
        {
            using var csv = CsvRowSource.OpenPath(path);
            var ordinals = new[] { "person_id_a", "person_id_b", "relation" }.Select(name => csv.Header.ToList().FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase))).ToArray();
            if (ordinals.Any(o => o < 0))
            {
                throw new LinkageInputException($"{path} row 1: expected the columns person_id_a, person_id_b and relation; the header has {string.Join(", ", csv.Header)}.");
            }

            var links = new HashSet<(string, string, FamilyRelation)>();
            while (csv.Read())
            {
                var values = ordinals.Select(o => o < csv.FieldCount ? csv.Text(o).Trim().ToString() : string.Empty).ToArray();
                var (a, b) = (values[0], values[1]);
                links.Add(values[2].ToLowerInvariant() switch
                {
                    "parent" => (a, b, FamilyRelation.Parent),
                    "child" => (b, a, FamilyRelation.Parent),
                    "partner" => Undirected(a, b, FamilyRelation.Partner),
                    "sibling" => Undirected(a, b, FamilyRelation.Sibling),
                    _ => throw new LinkageInputException($"{path} row {csv.Row}, column relation: expected parent, child, partner or sibling."),
                });
            }

            return links;
        }
        catch (DeliveryRejectedException ex)
        {
            throw new LinkageInputException(ex.Message);
        }
    }

    private static (string, string, FamilyRelation) Undirected(string a, string b, FamilyRelation relation) =>
        string.CompareOrdinal(a, b) <= 0 ? (a, b, relation) : (b, a, relation);
}
