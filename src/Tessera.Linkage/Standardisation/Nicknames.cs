using System.Collections.Frozen;

namespace Tessera.Linkage.Standardisation;

/// <summary>
/// Given names that stand for one another ("Bill" for "William", "Peggy" for "Margaret"), from
/// the table shipped as <c>nicknames.txt</c>. Two names are equivalent when they share a group.
/// </summary>
internal static class Nicknames
{
    private static readonly FrozenDictionary<string, int[]> Groups = Load();

    /// <summary>The groups <paramref name="name"/> is in (empty when none), so records can be compared by group without looking names up.</summary>
    public static int[] GroupsOf(string name) => Groups.TryGetValue(name, out var groups) ? groups : [];

    /// <summary>True when two group lists share a group.</summary>
    public static bool ShareGroup(int[] left, int[] right)
    {
        foreach (var group in left)
        {
            if (Array.IndexOf(right, group) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string[]> Lines()
    {
        using var stream = typeof(Nicknames).Assembly.GetManifestResourceStream("nicknames.txt")
            ?? throw new InvalidOperationException("The nickname table is missing from the build.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    private static FrozenDictionary<string, int[]> Load()
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var index = 0;
        foreach (var names in Lines())
        {
            foreach (var name in names)
            {
                if (!groups.TryGetValue(name, out var list))
                {
                    groups[name] = list = [];
                }

                list.Add(index);
            }

            index++;
        }

        return groups.ToFrozenDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.Ordinal);
    }
}
