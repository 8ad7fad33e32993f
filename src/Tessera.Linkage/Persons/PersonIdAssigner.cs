using System.Security.Cryptography;

namespace Tessera.Linkage.Persons;

/// <summary>
/// Keeps person ids stable from one linkage run to the next. Each person found in this run takes
/// the earlier id that most of its records had; an earlier id goes to the person holding most of
/// its records, so a person whose records did not change keeps its id. Persons with no earlier
/// id get a new random one that was never issued before — ids are never reused, so a figure
/// reported under an id can never silently start meaning someone else. Example: month 1 gives
/// records A, B → T-1 and C → T-2; month 2 adds D, which links B and C: the person {A, B, C, D}
/// keeps T-1 (two records) and T-2 is recorded as merged into T-1.
/// </summary>
public static class PersonIdAssigner
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>
    /// Assigns ids to the persons of this run.
    /// </summary>
    /// <param name="recordKeys">A stable key per record (source, file and the source's own id).</param>
    /// <param name="cluster">Each record's person in this run, as any number shared by its records.</param>
    /// <param name="previous">Each record's id after the previous run (records not in it are new).</param>
    /// <param name="everIssued">Every id issued so far, including merged and retired ones.</param>
    public static PersonIdAssignment Assign(IReadOnlyList<string> recordKeys, IReadOnlyList<int> cluster, IReadOnlyDictionary<string, string> previous, IReadOnlySet<string> everIssued)
    {
        ArgumentNullException.ThrowIfNull(recordKeys);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(everIssued);
        if (recordKeys.Count != cluster.Count)
        {
            throw new ArgumentException("Every record needs a cluster.", nameof(cluster));
        }

        // Records per (person of this run, earlier id).
        var overlap = new Dictionary<(int Cluster, string Id), int>();
        var firstRecord = new Dictionary<int, int>();
        for (var i = 0; i < recordKeys.Count; i++)
        {
            firstRecord.TryAdd(cluster[i], i);
            if (previous.TryGetValue(recordKeys[i], out var id))
            {
                overlap[(cluster[i], id)] = overlap.GetValueOrDefault((cluster[i], id)) + 1;
            }
        }

        // Largest overlaps first; ties by id and then by the person's first record, so a run is repeatable.
        var kept = new Dictionary<int, string>();
        var keeper = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ((c, id), _) in overlap.OrderByDescending(o => o.Value).ThenBy(o => o.Key.Id, StringComparer.Ordinal).ThenBy(o => firstRecord[o.Key.Cluster]))
        {
            if (!kept.ContainsKey(c) && !keeper.ContainsKey(id))
            {
                kept[c] = id;
                keeper[id] = c;
            }
        }

        var issued = new List<string>();
        var taken = new HashSet<string>(everIssued, StringComparer.Ordinal);
        foreach (var c in firstRecord.OrderBy(f => f.Value).Select(f => f.Key))
        {
            if (!kept.ContainsKey(c))
            {
                var id = NewId(taken);
                kept[c] = id;
                issued.Add(id);
            }
        }

        var ids = new string[recordKeys.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = kept[cluster[i]];
        }

        return new PersonIdAssignment(ids, issued, Changes(recordKeys, ids, previous, keeper));
    }

    private static List<PersonChange> Changes(IReadOnlyList<string> recordKeys, string[] ids, IReadOnlyDictionary<string, string> previous, Dictionary<string, int> keeper)
    {
        // Where the records of each earlier id went.
        var moved = new SortedDictionary<string, SortedDictionary<string, List<string>>>(StringComparer.Ordinal);
        var present = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < recordKeys.Count; i++)
        {
            if (previous.TryGetValue(recordKeys[i], out var before))
            {
                present.Add(before);
                if (before != ids[i])
                {
                    var targets = moved.TryGetValue(before, out var t) ? t : moved[before] = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
                    (targets.TryGetValue(ids[i], out var keys) ? keys : targets[ids[i]] = []).Add(recordKeys[i]);
                }
            }
        }

        var changes = new List<PersonChange>();
        foreach (var (before, targets) in moved)
        {
            // An earlier id kept by nobody merged into the person holding most of its records (and split towards any others).
            var mergedInto = keeper.ContainsKey(before) ? null : targets.OrderByDescending(t => t.Value.Count).ThenBy(t => t.Key, StringComparer.Ordinal).First().Key;
            foreach (var (after, keys) in targets)
            {
                changes.Add(new PersonChange(after == mergedInto ? PersonChangeKind.Merged : PersonChangeKind.Split, before, after, keys.Count, keys));
            }
        }

        var gone = previous.Values.Where(id => !present.Contains(id)).GroupBy(id => id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        changes.AddRange(gone.Select(g => new PersonChange(PersonChangeKind.Retired, g.Key, "", g.Count(), [])));

        return changes;
    }

    /// <summary>"T-" and ten random Crockford base-32 characters (50 bits): unguessable, carries nothing about the person, checked against every id issued.</summary>
    private static string NewId(HashSet<string> taken)
    {
        Span<byte> bytes = stackalloc byte[10];
        Span<char> id = stackalloc char[12];
        while (true)
        {
            RandomNumberGenerator.Fill(bytes);
            id[0] = 'T';
            id[1] = '-';
            for (var k = 0; k < 10; k++)
            {
                id[k + 2] = Alphabet[bytes[k] & 31];
            }

            var text = new string(id);
            if (taken.Add(text))
            {
                return text;
            }
        }
    }
}
