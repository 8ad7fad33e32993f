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
internal sealed class KeyFingerprints(int[] keyFields)
{
    private ulong[] _slots = new ulong[1 << 16];
    private int _count;

    /// <summary>True once two rows had the same fingerprint.</summary>
    public bool MaybeRepeated { get; private set; }

    /// <summary>Records the key of a row.</summary>
    public void Add(ReadOnlySpan<StoredValue> parsed)
    {
        if (MaybeRepeated || keyFields.Length == 0)
        {
            return;
        }

        var hash = new XxHash64();
        foreach (var field in keyFields)
        {
            var value = parsed[field];
            Span<byte> kind = [(byte)value.Kind];
            hash.Append(kind);
            switch (value.Kind)
            {
                case StoredKind.Text:
                    hash.Append(MemoryMarshal.AsBytes(value.Text.AsSpan()));
                    break;
                default:
                    // 1.5 and 1.50 are one key in SQL; as doubles they are one fingerprint too.
                    Span<long> number = [value.Kind switch
                    {
                        StoredKind.Date or StoredKind.Timestamp => value.Time.Ticks,
                        StoredKind.Decimal => BitConverter.DoubleToInt64Bits((double)value.Decimal),
                        _ => value.Integer,
                    }];
                    hash.Append(MemoryMarshal.AsBytes(number));
                    break;
            }
        }

        Insert(Math.Max(1, hash.GetCurrentHashAsUInt64()));
    }

    private void Insert(ulong fingerprint)
    {
        if (_count * 2 >= _slots.Length)
        {
            Grow();
        }

        var mask = _slots.Length - 1;
        for (var i = (int)(fingerprint & (ulong)mask); ; i = (i + 1) & mask)
        {
            if (_slots[i] == 0)
            {
                _slots[i] = fingerprint;
                _count++;
                return;
            }

            if (_slots[i] == fingerprint)
            {
                MaybeRepeated = true;
                return;
            }
        }
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new ulong[old.Length * 2];
        _count = 0;
        foreach (var fingerprint in old)
        {
            if (fingerprint != 0)
            {
                Insert(fingerprint);
            }
        }
    }
}
