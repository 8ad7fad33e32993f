using System.Globalization;
using System.Text.Json;

namespace Tessera.Linkage.Encodings;

/// <summary>
/// A clkhash linkage schema, version 3: the agreement between data partners on how each column of
/// an extract becomes bits of a CLK (cryptographic long-term key) — its length, the key derivation
/// (HKDF with the schema's salt and info), and per column the tokens, bits and hash. Partners that
/// use the same schema and secret get interchangeable CLKs, whether they encode with clkhash or
/// with Tessera.
/// </summary>
public sealed class LinkageSchema
{
    private LinkageSchema(int length, int xorFolds, string kdfHash, byte[] salt, byte[] info, int keySize, IReadOnlyList<SchemaFeature> features)
    {
        (Length, XorFolds, KdfHash, Salt, Info, KeySize, Features) = (length, xorFolds, kdfHash, salt, info, keySize, features);
    }

    /// <summary>The CLK's length in bits (after any XOR folding), <c>clkConfig.l</c>.</summary>
    public int Length { get; }

    /// <summary>How many times the filter is folded in half with XOR (each fold halves what an attacker can read per bit).</summary>
    public int XorFolds { get; }

    /// <summary>HKDF's hash: <c>SHA256</c> or <c>SHA512</c>.</summary>
    public string KdfHash { get; }

    /// <summary>HKDF's salt (decoded from the schema's base64).</summary>
    public IReadOnlyList<byte> Salt { get; }

    /// <summary>HKDF's info (decoded from the schema's base64).</summary>
    public IReadOnlyList<byte> Info { get; }

    /// <summary>Bytes of each derived key (64: the block size of SHA-1 and MD5).</summary>
    public int KeySize { get; }

    /// <summary>The columns, in the input's order.</summary>
    public IReadOnlyList<SchemaFeature> Features { get; }

    /// <summary>Reads a schema from its JSON text.</summary>
    /// <param name="file">The file's name, for messages.</param>
    /// <param name="json">The schema.</param>
    /// <exception cref="LinkageSchemaException">The JSON is malformed or the schema is not one the encoder supports; the message names the place.</exception>
    public static LinkageSchema Parse(string file, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new LinkageSchemaException($"{file}, line {(e.LineNumber ?? 0) + 1}: not valid JSON ({e.Message.Split(" LineNumber:")[0].Split(" Path:")[0].TrimEnd('.')}).");
        }

        using (document)
        {
            var reader = new Reader(file);
            var root = reader.Object(document.RootElement, "$");
            var version = reader.Integer(root, "$", "version", required: true)!.Value;
            if (version != 3)
            {
                throw reader.Error("$.version", $"expected 3 (a clkhash linkage schema v3), found {version}");
            }

            var config = reader.Object(reader.Property(root, "$", "clkConfig", required: true)!.Value, "$.clkConfig");
            var length = reader.Integer(config, "$.clkConfig", "l", required: true)!.Value;
            if (length < 8 || length % 8 != 0)
            {
                throw reader.Error("$.clkConfig.l", $"expected a positive multiple of 8 bits, found {length}");
            }

            var folds = reader.Integer(config, "$.clkConfig", "xorFolds") ?? 0;
            if (folds is < 0 or > 10)
            {
                throw reader.Error("$.clkConfig.xorFolds", $"expected 0 to 10 folds, found {folds}");
            }

            var kdf = reader.Object(reader.Property(config, "$.clkConfig", "kdf", required: true)!.Value, "$.clkConfig.kdf");
            var kdfType = reader.Text(kdf, "$.clkConfig.kdf", "type", required: true);
            if (kdfType != "HKDF")
            {
                throw reader.Error("$.clkConfig.kdf.type", $"expected HKDF, found '{kdfType}'");
            }

            var hash = reader.Text(kdf, "$.clkConfig.kdf", "hash") ?? "SHA256";
            if (hash is not ("SHA256" or "SHA512"))
            {
                throw reader.Error("$.clkConfig.kdf.hash", $"expected SHA256 or SHA512, found '{hash}'");
            }

            var keySize = reader.Integer(kdf, "$.clkConfig.kdf", "keySize") ?? 64;
            if (keySize is < 1 or > 1024)
            {
                throw reader.Error("$.clkConfig.kdf.keySize", $"expected 1 to 1024 bytes, found {keySize}");
            }

            var (salt, info) = (reader.Base64(kdf, "$.clkConfig.kdf", "salt"), reader.Base64(kdf, "$.clkConfig.kdf", "info"));
            var features = reader.Property(root, "$", "features", required: true)!.Value;
            if (features.ValueKind != JsonValueKind.Array || features.GetArrayLength() == 0)
            {
                throw reader.Error("$.features", "expected a list of one or more features");
            }

            var parsed = features.EnumerateArray().Select((f, i) => Feature(reader, f, $"$.features[{i}]")).ToList();
            if (parsed.All(f => f.Ignored))
            {
                throw reader.Error("$.features", "every feature is ignored: nothing would be encoded");
            }

            var maxKeys = (hash == "SHA256" ? 32 : 64) * 255;
            if (parsed.Count * 2 * keySize > maxKeys)
            {
                throw reader.Error("$.clkConfig.kdf.keySize", $"{parsed.Count} features × 2 keys × {keySize} bytes exceed what HKDF-{hash} derives ({maxKeys} bytes)");
            }

            return new LinkageSchema(length, folds, hash, salt, info, keySize, parsed);
        }
    }

    private static SchemaFeature Feature(Reader reader, JsonElement element, string path)
    {
        var feature = reader.Object(element, path);
        var identifier = reader.Text(feature, path, "identifier", required: true)!;
        if (reader.Property(feature, path, "ignored") is { } ignored)
        {
            if (ignored.ValueKind != JsonValueKind.True)
            {
                throw reader.Error(path + ".ignored", "expected true (or no 'ignored' at all)");
            }

            return new SchemaFeature(identifier, Ignored: true);
        }

        var format = reader.Object(reader.Property(feature, path, "format", required: true)!.Value, path + ".format");
        var formatType = reader.Text(format, path + ".format", "type", required: true)!;
        if (formatType is not ("string" or "integer" or "date" or "enum"))
        {
            throw reader.Error(path + ".format.type", $"expected string, integer, date or enum, found '{formatType}'");
        }

        var encoding = reader.Text(format, path + ".format", "encoding") ?? "utf-8";
        if (encoding is not ("utf-8" or "ascii" or "utf-16" or "utf-32"))
        {
            throw reader.Error(path + ".format.encoding", $"expected utf-8, ascii, utf-16 or utf-32, found '{encoding}'");
        }

        var dateFormat = formatType == "date" ? reader.Text(format, path + ".format", "format", required: true) : null;
        if (dateFormat is not null)
        {
            StrpTime.Check(dateFormat, () => reader.Error(path + ".format.format", $"expected a strptime format made of %Y, %y, %m, %d and other characters, found '{dateFormat}'"));
        }

        var hashing = reader.Object(reader.Property(feature, path, "hashing", required: true)!.Value, path + ".hashing");
        var comparison = Comparison(reader, reader.Object(reader.Property(hashing, path + ".hashing", "comparison", required: true)!.Value, path + ".hashing.comparison"), path + ".hashing.comparison");
        var strategy = reader.Object(reader.Property(hashing, path + ".hashing", "strategy", required: true)!.Value, path + ".hashing.strategy");
        var bitsPerToken = reader.Integer(strategy, path + ".hashing.strategy", "bitsPerToken");
        var bitsPerFeature = reader.Integer(strategy, path + ".hashing.strategy", "bitsPerFeature");
        if ((bitsPerToken is null) == (bitsPerFeature is null) || bitsPerToken is < 1 or > 10_000 || bitsPerFeature is < 1 or > 100_000)
        {
            throw reader.Error(path + ".hashing.strategy", "expected one of bitsPerToken or bitsPerFeature, a whole number of at least 1");
        }

        var hashType = "blakeHash";
        var preventSingularity = false;
        if (reader.Property(hashing, path + ".hashing", "hash") is { } hashElement)
        {
            var hash = reader.Object(hashElement, path + ".hashing.hash");
            hashType = reader.Text(hash, path + ".hashing.hash", "type", required: true)!;
            if (hashType is not ("doubleHash" or "blakeHash"))
            {
                throw reader.Error(path + ".hashing.hash.type", $"expected doubleHash or blakeHash, found '{hashType}'");
            }

            if (reader.Property(hash, path + ".hashing.hash", "prevent_singularity") is { } singular)
            {
                preventSingularity = singular.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw reader.Error(path + ".hashing.hash.prevent_singularity", "expected true or false"),
                };
            }
        }

        string? sentinel = null;
        string? replacement = null;
        if (reader.Property(hashing, path + ".hashing", "missingValue") is { } missingElement)
        {
            var missing = reader.Object(missingElement, path + ".hashing.missingValue");
            sentinel = reader.Text(missing, path + ".hashing.missingValue", "sentinel", required: true);
            replacement = reader.Text(missing, path + ".hashing.missingValue", "replaceWith");
        }

        return new SchemaFeature(identifier, false, formatType, encoding, dateFormat, comparison, bitsPerToken, bitsPerFeature, hashType, preventSingularity, sentinel, replacement ?? sentinel);
    }

    private static FeatureComparison Comparison(Reader reader, JsonElement comparison, string path)
    {
        var type = reader.Text(comparison, path, "type", required: true)!;
        switch (type)
        {
            case "ngram":
                var n = reader.Integer(comparison, path, "n", required: true)!.Value;
                if (n is < 1 or > 64)
                {
                    throw reader.Error(path + ".n", $"expected 1 to 64, found {n}");
                }

                var positional = reader.Property(comparison, path, "positional") is { } p && (p.ValueKind == JsonValueKind.True || (p.ValueKind == JsonValueKind.False ? false : throw reader.Error(path + ".positional", "expected true or false")));
                return new FeatureComparison("ngram", n, positional);
            case "exact":
                return new FeatureComparison("exact");
            case "numeric":
                var threshold = reader.Property(comparison, path, "thresholdDistance", required: true)!.Value;
                if (threshold.ValueKind != JsonValueKind.Number || !threshold.TryGetDecimal(out var distance) || distance <= 0)
                {
                    throw reader.Error(path + ".thresholdDistance", "expected a positive number");
                }

                var resolution = reader.Integer(comparison, path, "resolution", required: true)!.Value;
                var precision = reader.Integer(comparison, path, "fractionalPrecision") ?? 0;
                if (resolution < 1 || precision is < 0 or > 12)
                {
                    throw reader.Error(path, "expected a resolution of at least 1 and a fractionalPrecision of 0 to 12");
                }

                if (decimal.Round(distance * (decimal)Math.Pow(10, precision), MidpointRounding.ToEven) == 0)
                {
                    throw reader.Error(path + ".fractionalPrecision", "not enough fractional precision to encode the threshold distance");
                }

                return new FeatureComparison("numeric", ThresholdDistance: distance, Resolution: resolution, FractionalPrecision: precision);
            default:
                throw reader.Error(path + ".type", $"expected ngram, exact or numeric, found '{type}'");
        }
    }

    // Reads JSON with errors that name the file and the place.
    private sealed class Reader(string file)
    {
        public LinkageSchemaException Error(string path, string expected) => new($"{file}, {path}: {expected}.");

        public JsonElement Object(JsonElement element, string path) =>
            element.ValueKind == JsonValueKind.Object ? element : throw Error(path, $"expected an object, found {Kind(element)}");

        public JsonElement? Property(JsonElement parent, string path, string name, bool required = false) =>
            parent.TryGetProperty(name, out var value) ? value : required ? throw Error(path, $"'{name}' is missing") : null;

        public string? Text(JsonElement parent, string path, string name, bool required = false) => Property(parent, path, name, required) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } value => value.GetString(),
            var other => throw Error($"{path}.{name}", $"expected text, found {Kind(other.Value)}"),
        };

        public int? Integer(JsonElement parent, string path, string name, bool required = false) => Property(parent, path, name, required) switch
        {
            null => null,
            { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var number) => number,
            var other => throw Error($"{path}.{name}", $"expected a whole number, found {Kind(other.Value)}"),
        };

        public byte[] Base64(JsonElement parent, string path, string name)
        {
            var text = Text(parent, path, name);
            try
            {
                return text is null ? [] : Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                throw Error($"{path}.{name}", "expected base64-encoded bytes");
            }
        }

        private static string Kind(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => $"'{element.GetString()}'",
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.Array => "a list",
            JsonValueKind.Object => "an object",
            _ => element.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
        };
    }
}
