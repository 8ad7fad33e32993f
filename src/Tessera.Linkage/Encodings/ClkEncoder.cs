using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Tessera.Linkage.Encodings;

/// <summary>
/// Encodes records into CLKs exactly as clkhash 0.18 does, so that an agency can encode its own
/// extract and the hub compares filters it cannot read. Per feature, two keys are derived from the
/// shared secret with HKDF (the schema's hash, salt and info); each token of the feature's value
/// sets bits chosen by double hashing (HMAC-SHA1 and HMAC-MD5: bit h₁ + i·h₂ mod l) or by keyed
/// BLAKE2b; the features' bits are OR-ed into one filter, folded with XOR as the schema says, and
/// written most significant bit first. The secret stays in this object; nothing is sent anywhere.
/// </summary>
public sealed class ClkEncoder
{
    /// <summary>The shortest secret accepted unless short ones are allowed: 128 bits.</summary>
    public const int MinimumSecretBytes = 16;

    private readonly LinkageSchema _schema;
    private readonly byte[][] _keys; // two per feature: SHA-1's (or BLAKE2b's) and MD5's
    private readonly int _hashLength;

    /// <summary>An encoder for <paramref name="schema"/> with the partners' shared <paramref name="secret"/>.</summary>
    /// <exception cref="LinkageSchemaException">The secret is empty, or the schema asks for BLAKE2b where it cannot work.</exception>
    public ClkEncoder(LinkageSchema schema, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (secret.Length == 0)
        {
            throw new LinkageSchemaException("The secret is empty: every partner must encode with the same secret, shared among them only.");
        }

        _schema = schema;
        _hashLength = schema.Length << schema.XorFolds;
        if (schema.Features.Any(f => f.Hash == "blakeHash" && !f.Ignored) && (!BitOperations.IsPow2(_hashLength) || schema.KeySize > 64))
        {
            throw new LinkageSchemaException($"BLAKE2b hashing needs a filter length that is a power of two and keys of at most 64 bytes; the schema has {_hashLength} bits and {schema.KeySize}-byte keys.");
        }

        var material = new byte[schema.Features.Count * 2 * schema.KeySize];
        HKDF.DeriveKey(schema.KdfHash == "SHA512" ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256, secret, material, [.. schema.Salt], [.. schema.Info]);
        _keys = [.. Enumerable.Range(0, schema.Features.Count * 2).Select(i => material.AsSpan(i * schema.KeySize, schema.KeySize).ToArray())];
    }

    /// <summary>The CLK of one record, <see cref="LinkageSchema.Length"/> bits as bytes, most significant bit first.</summary>
    /// <param name="values">The record's values, one per feature, in the schema's order.</param>
    /// <param name="place">Where the record is, for messages (e.g. "people.csv, line 12").</param>
    /// <exception cref="LinkageSchemaException">The record has the wrong number of values, or a value does not fit its feature (the message names the place and column, never the value).</exception>
    public byte[] Encode(IReadOnlyList<string> values, string place)
    {
        ArgumentNullException.ThrowIfNull(values);
        var features = _schema.Features;
        if (values.Count != features.Count)
        {
            throw new LinkageSchemaException($"{place}: expected {features.Count} values ({string.Join(", ", features.Select(f => f.Identifier))}), found {values.Count}.");
        }

        var filter = new byte[_hashLength / 8];
        for (var f = 0; f < features.Count; f++)
        {
            var feature = features[f];
            if (feature.Ignored)
            {
                continue;
            }

            var tokens = Tokens(feature, Formatted(feature, values[f], place));
            if (tokens.Count == 0)
            {
                continue;
            }

            var bits = BitsPerToken(feature, tokens.Count);
            for (var t = 0; t < tokens.Count; t++)
            {
                var token = Bytes(feature, tokens[t], place);
                if (feature.Hash == "doubleHash")
                {
                    DoubleHash(filter, token, _keys[2 * f], _keys[(2 * f) + 1], bits[t], feature.PreventSingularity);
                }
                else
                {
                    BlakeHash(filter, token, _keys[2 * f], bits[t]);
                }
            }
        }

        for (var fold = 0; fold < _schema.XorFolds; fold++)
        {
            var half = filter.Length / 2;
            var folded = new byte[half];
            for (var i = 0; i < half; i++)
            {
                folded[i] = (byte)(filter[i] ^ filter[half + i]);
            }

            filter = folded;
        }

        return filter;
    }

    // The value as hashed: a missing value's replacement, an integer without sign or spaces, a date as yyyyMMdd.
    private static string Formatted(SchemaFeature feature, string value, string place)
    {
        if (feature.MissingSentinel is { } sentinel && value == sentinel)
        {
            return feature.MissingReplacement ?? sentinel;
        }

        switch (feature.FormatType)
        {
            case "integer":
                return BigInteger.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : throw new LinkageSchemaException($"{place}, column '{feature.Identifier}': expected a whole number.");
            case "date":
                return StrpTime.Parse(value, feature.DateFormat!) is { } date
                    ? date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                    : throw new LinkageSchemaException($"{place}, column '{feature.Identifier}': expected a date in the format {feature.DateFormat}.");
            default:
                return value;
        }
    }

    // The feature's tokens, as clkhash's comparisons cut them (by Unicode code point, as Python slices strings).
    internal static List<string> Tokens(SchemaFeature feature, string value)
    {
        if (value.Length == 0)
        {
            return [];
        }

        var comparison = feature.Comparison!;
        switch (comparison.Type)
        {
            case "exact":
                return [value];
            case "numeric":
                return Numeric(comparison, value, feature.Identifier);
            default:
                var pad = new string(' ', comparison.N - 1);
                var points = (pad + value + pad).EnumerateRunes().Select(r => r.ToString()).ToList();
                return [.. Enumerable.Range(0, points.Count - comparison.N + 1).Select(i =>
                {
                    var gram = string.Concat(points.Skip(i).Take(comparison.N));
                    return comparison.Positional ? string.Create(CultureInfo.InvariantCulture, $"{i + 1} {gram}") : gram;
                })];
        }
    }

    // A number's neighbourhood (Vatsalan and Christen), quantised as clkhash does so that close numbers share tokens.
    private static List<string> Numeric(FeatureComparison comparison, string value, string identifier)
    {
        var scale = BigInteger.Pow(10, comparison.FractionalPrecision);
        BigInteger v;
        if (BigInteger.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            v = whole * scale;
        }
        else if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            v = comparison.FractionalPrecision > 0 ? new BigInteger(Math.Round(real * Math.Pow(10, comparison.FractionalPrecision), MidpointRounding.ToEven)) : new BigInteger(Math.Truncate(real));
        }
        else
        {
            throw new LinkageSchemaException($"column '{identifier}': expected a number.");
        }

        var interval = new BigInteger(decimal.Round(comparison.ThresholdDistance * (decimal)Math.Pow(10, comparison.FractionalPrecision), MidpointRounding.ToEven));
        v *= 2 * comparison.Resolution;
        var residue = ((v % interval) + interval) % interval; // Python's modulo: never negative
        v = residue == 0 ? v : residue * 2 < interval ? v - residue : v + (interval - residue);
        return [.. Enumerable.Range(-comparison.Resolution, (2 * comparison.Resolution) + 1).Select(i => (v + (i * interval)).ToString(CultureInfo.InvariantCulture))];
    }

    private static int[] BitsPerToken(SchemaFeature feature, int tokens)
    {
        if (feature.BitsPerToken is { } k)
        {
            return [.. Enumerable.Repeat(k, tokens)];
        }

        var (each, residue) = Math.DivRem(feature.BitsPerFeature!.Value, tokens);
        return [.. Enumerable.Range(0, tokens).Select(i => i < residue ? each + 1 : each)];
    }

    // The token's bytes in the feature's encoding; Python's utf-16 and utf-32 put a byte-order mark first.
    private static byte[] Bytes(SchemaFeature feature, string token, string place) => feature.Encoding switch
    {
        "ascii" => token.All(char.IsAscii) ? Encoding.ASCII.GetBytes(token) : throw new LinkageSchemaException($"{place}, column '{feature.Identifier}': expected ASCII text."),
        "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(token)],
        "utf-32" => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(token)],
        _ => Encoding.UTF8.GetBytes(token),
    };

    private void DoubleHash(byte[] filter, byte[] token, byte[] sha1Key, byte[] md5Key, int k, bool preventSingularity)
    {
        var l = new BigInteger(_hashLength);
        var first = (int)(new BigInteger(HMACSHA1.HashData(sha1Key, token), isUnsigned: true, isBigEndian: true) % l);
        var second = (int)(new BigInteger(HMACMD5.HashData(md5Key, token), isUnsigned: true, isBigEndian: true) % l);
        for (var i = 0; preventSingularity && second == 0; i++)
        {
            // clkhash appends chr(i), UTF-8 encoded, until the second hash is not a multiple of l.
            byte[] salted = [.. token, .. Encoding.UTF8.GetBytes(char.ConvertFromUtf32(i))];
            second = (int)(new BigInteger(HMACMD5.HashData(md5Key, salted), isUnsigned: true, isBigEndian: true) % l);
        }

        for (long i = 0; i < k; i++)
        {
            Set(filter, (int)((first + (i * second)) % _hashLength));
        }
    }

    private void BlakeHash(byte[] filter, byte[] token, byte[] key, int k)
    {
        var shorts = new List<int>();
        for (var mac = 0; mac < (k + 31) / 32; mac++)
        {
            var digest = Blake2b.Hash(token, key, Encoding.ASCII.GetBytes(mac.ToString(CultureInfo.InvariantCulture)));
            for (var i = 0; i < 32; i++)
            {
                shorts.Add(digest[2 * i] | (digest[(2 * i) + 1] << 8)); // 32 unsigned shorts, little-endian
            }
        }

        for (var i = 0; i < k; i++)
        {
            Set(filter, shorts[i] % _hashLength);
        }
    }

    private static void Set(byte[] filter, int bit) => filter[bit >> 3] |= (byte)(0x80 >> (bit & 7));
}
