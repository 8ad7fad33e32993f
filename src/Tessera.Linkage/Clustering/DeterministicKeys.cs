using System.Globalization;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Clustering;

/// <summary>
/// Deterministic rules applied before any weighing: records that agree exactly on every column of
/// a rule — standardised, and only on values that can identify (a valid SSN, a complete birth
/// date; placeholders count as missing) — are confirmed as one person. Example: the rule
/// [ssn, birth_date] joins a benefits record and a wage record with the same valid SSN and birth
/// date whatever their names say. A reviewer's "not the same person" still wins.
/// </summary>
internal static class DeterministicKeys
{
    private static readonly Dictionary<StandardColumn, Func<PreparedRecords, int, string?>> Keys = new()
    {
        [StandardColumn.GivenName] = (r, i) => r.GivenFull[i],
        [StandardColumn.MiddleName] = (r, i) => r.MiddleFull[i],
        [StandardColumn.FamilyName] = (r, i) => r.FamilyFull[i],
        [StandardColumn.BirthDate] = (r, i) => r.BirthDate[i] is var d and > 0 && d % 100 != 0 && d / 100 % 100 != 0 ? d.ToString(CultureInfo.InvariantCulture) : null,
        [StandardColumn.Sex] = (r, i) => r.Sex[i] == '\0' ? null : r.Sex[i].ToString(),
        [StandardColumn.Ssn] = (r, i) => r.Ssn[i] is { Length: 9 } ssn ? ssn : null,
        [StandardColumn.Street] = (r, i) => r.Street[i] is { } street ? street + "#" + r.Unit[i] : null,
        [StandardColumn.City] = (r, i) => r.City[i],
        [StandardColumn.Zip] = (r, i) => r.Zip[i],
        [StandardColumn.Phone] = (r, i) => r.Phone[i],
        [StandardColumn.Email] = (r, i) => r.Email[i],
    };

    /// <summary>Columns a deterministic rule can use.</summary>
    public static IEnumerable<StandardColumn> Columns => Keys.Keys.Order();

    /// <summary>True when <paramref name="column"/> can be part of a deterministic rule.</summary>
    public static bool Supports(StandardColumn column) => Keys.ContainsKey(column);

    /// <summary>Pairs of records joined by the rules: within each group of equal keys, every record with the group's first.</summary>
    public static List<(int Left, int Right)> Pairs(PreparedRecords records, IReadOnlyList<IReadOnlyList<StandardColumn>> rules)
    {
        var pairs = new List<(int, int)>();
        foreach (var rule in rules)
        {
            var parts = rule.Select(c => Keys[c]).ToArray();
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < records.Count; i++)
            {
                var values = parts.Select(p => p(records, i)).ToArray();
                if (values.Any(v => v is null))
                {
                    continue;
                }

                var key = string.Join("\u001f", values);
                if (first.TryGetValue(key, out var earlier))
                {
                    pairs.Add((earlier, i));
                }
                else
                {
                    first[key] = i;
                }
            }
        }

        return pairs;
    }
}
