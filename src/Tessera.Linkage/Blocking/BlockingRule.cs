using System.IO.Hashing;
using System.Runtime.InteropServices;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Blocking;

/// <summary>
/// A blocking rule: only records that share its key are compared, e.g. "same family name and
/// birth date". Rules are used together (a union): a pair is a candidate when any rule puts it in
/// one block, and each pair is compared once, under the first rule that finds it.
/// </summary>
internal sealed class BlockingRule
{
    private readonly Func<PreparedRecords, int, string?>[] _parts;

    public BlockingRule(string name, StandardColumn[] columns, params Func<PreparedRecords, int, string?>[] parts)
    {
        Name = name;
        Columns = columns;
        _parts = parts;
    }

    /// <summary>A rule that puts every record in one block: small inputs are compared exhaustively, so no match is lost to blocking.</summary>
    public static BlockingRule Everything { get; } = new("all pairs (small input)", [], (_, _) => "*") { Unlimited = true, Trains = false };

    /// <summary>
    /// True when the rule's blocks are mostly households: it keys on a street or phone, or on a
    /// family name within a place (encoded or plain).
    /// </summary>
    public bool KeysOnHousehold =>
        Keys(StandardColumn.Street) || Keys(StandardColumn.Phone)
        || (Keys(StandardColumn.FamilyName) && (Keys(StandardColumn.Zip) || Keys(StandardColumn.City)));

    /// <summary>True when the block-size limit does not apply.</summary>
    public bool Unlimited { get; private init; }

    /// <summary>
    /// False for rules whose one block holds every record (all pairs of a small input; all pairs
    /// with similar Bloom filters): as a training session such a block would teach EM that
    /// "same household" is the match class.
    /// </summary>
    public bool Trains { get; private init; } = true;

    /// <summary>A test a pair of the rule's block must also pass to be compared, e.g. similar Bloom filters; null: every pair.</summary>
    public Func<PreparedRecords, int, int, bool>? Admits { get; init; }

    /// <summary>
    /// A rule that compares every pair of records whose Bloom filters in <paramref name="column"/>
    /// have at least <paramref name="floor"/> Dice similarity — a similarity join, as PPRL tools
    /// do it, for filters that mix a whole record and have nothing exact to block on.
    /// </summary>
    public static BlockingRule SimilarFilters(StandardColumn column, int filter, double floor) =>
        new($"similar {StandardColumns.NameOf(column)} (dice >= {floor.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)})", [column], (r, i) => r.Filters[filter]?[i] is null ? null : "*")
        {
            Unlimited = true,
            Trains = false,
            Admits = (r, i, j) => r.Filters[filter]![i]!.Dice(r.Filters[filter]![j]!) >= floor,
        };

    /// <summary>True when a part of the key is <paramref name="plain"/> or its Bloom filter.</summary>
    public bool Keys(StandardColumn plain) => Columns.Any(c => StandardColumns.Plain(c) == plain);

    /// <summary>Shown in the blocking analysis, e.g. "family_name + birth_date".</summary>
    public string Name { get; }

    /// <summary>The standard columns every part of the key needs.</summary>
    public StandardColumn[] Columns { get; }

    /// <summary>
    /// A 64-bit hash of the record's key, or 0 when any part is missing (such a record is in no
    /// block of this rule). Hashes keep the values themselves out of memory dumps and reports; a
    /// collision only adds a candidate pair, which is then compared like any other.
    /// </summary>
    public ulong Key(PreparedRecords records, int i)
    {
        var hash = new XxHash3();
        foreach (var part in _parts)
        {
            var value = part(records, i);
            if (string.IsNullOrEmpty(value))
            {
                return 0;
            }

            hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
            hash.Append([0x1F]);
        }

        var key = hash.GetCurrentHashAsUInt64();
        return key == 0 ? 1 : key;
    }
}
