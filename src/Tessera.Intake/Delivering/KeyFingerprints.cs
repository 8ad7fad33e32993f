using System.IO.Hashing;
using System.Runtime.InteropServices;
using Tessera.Intake.Validation;

namespace Tessera.Intake.Delivering;

/// <summary>
/// 64-bit fingerprints of every accepted row's key, kept while reading so that the usual case —
/// no key repeated — is known without asking the database (a COUNT DISTINCT over ten million
/// keys costs seconds). Equal fingerprints only mean "maybe equal": the exact check in SQL runs
/// then. Fingerprints are taken over parsed values, so "007" and "7" in a numeric key collide as
/// they should.
/// </summary>
/// <remarks>
/// Why buckets instead of one hash set: one set of ten million fingerprints is a 256 MB table
/// whose every insert is a cache miss (a fifth of an event file's reading time was spent there).
/// Appending to 256 buckets by the top byte is sequential, and each bucket is then checked on
/// its own (sorted in place), small enough to stay in the processor's cache.
/// </remarks>
internal sealed class KeyFingerprints(int[] keyFields)
{
    private const int BucketBits = 8;
    private readonly ulong[][] _buckets = Enumerable.Range(0, 1 << BucketBits).Select(_ => new ulong[256]).ToArray();
    private readonly int[] _counts = new int[1 << BucketBits];
    private bool? _maybeRepeated;

    /// <summary>True when two rows had the same fingerprint.</summary>
    public bool MaybeRepeated => _maybeRepeated ??= FindRepeat();

    /// <summary>Records the key of a row.</summary>
    public void Add(ReadOnlySpan<StoredValue> parsed)
    {
        if (keyFields.Length == 0)
        {
            return;
        }

        ulong fingerprint = 0;
        foreach (var field in keyFields)
        {
            var value = parsed[field];
            var seed = (long)value.Kind;
            var hash = value.Kind switch
            {
                StoredKind.Text => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(value.Text.AsSpan()), seed),
                // 1.5 and 1.50 are one key in SQL; as doubles they are one fingerprint too.
                StoredKind.Decimal => Number(BitConverter.DoubleToInt64Bits((double)value.Decimal), seed),
                StoredKind.Date or StoredKind.Timestamp => Number(value.Time.Ticks, seed),
                _ => Number(value.Integer, seed),
            };
            fingerprint = (fingerprint * 0x9E3779B97F4A7C15UL) ^ hash;
        }

        var bucket = (int)(fingerprint >> (64 - BucketBits));
        if (_counts[bucket] == _buckets[bucket].Length)
        {
            Array.Resize(ref _buckets[bucket], _buckets[bucket].Length * 2);
        }

        _buckets[bucket][_counts[bucket]++] = fingerprint;
        _maybeRepeated = null;
    }

    private static ulong Number(long value, long seed) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(in value)), seed);

    private bool FindRepeat()
    {
        var repeated = 0;
        Parallel.For(0, _buckets.Length, (b, loop) =>
        {
            var bucket = _buckets[b].AsSpan(0, _counts[b]);
            bucket.Sort();
            for (var i = 1; i < bucket.Length; i++)
            {
                if (bucket[i] == bucket[i - 1])
                {
                    Interlocked.Exchange(ref repeated, 1);
                    loop.Stop();
                    return;
                }
            }
        });
        return repeated == 1;
    }
}
