using System.Text;
using System.Text.Json;
using Tessera.Linkage.Encodings;
using Tessera.Tests;

namespace Tessera.Linkage.Tests;

/// <summary>
/// The agency-side encoder against clkhash: the anonlink multi-party tutorial's two datasets, encoded
/// with the secret <c>secret</c> and the tutorial's schema, must give clkhash 0.18.3's CLKs byte for
/// byte (the golden files beside them in ../shared/data/linkage/anonlink_tutorial_multiparty).
/// </summary>
public sealed class ClkEncoderTests
{
    private static readonly string Folder = Path.Combine(SharedData.Linkage, "anonlink_tutorial_multiparty");

    [Theory]
    [InlineData(1, 3228)]
    [InlineData(2, 3242)]
    public void The_tutorial_datasets_encode_to_clkhash_0_18_3s_golden_clks_byte_for_byte(int dataset, int records)
    {
        var schema = LinkageSchema.Parse("schema.json", File.ReadAllText(Path.Combine(Folder, "schema.json")));
        var encoder = new ClkEncoder(schema, "secret"u8);
        var lines = File.ReadAllLines(Path.Combine(Folder, $"dataset-{dataset}.csv")).Skip(1).ToList(); // CRLF endings; no quoted fields

        var ours = lines.Select((line, i) => Convert.ToBase64String(encoder.Encode(line.Split(','), $"dataset-{dataset}.csv, line {i + 2}"))).ToList();

        using var golden = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, $"golden_clks_clkhash0.18.3_secret-secret_dataset-{dataset}.json")));
        var expected = golden.RootElement.GetProperty("clks").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(records, expected.Count);
        Assert.Equal(expected.Count, ours.Count);
        var different = ours.Select((clk, i) => (clk, i)).Where(x => x.clk != expected[x.i]).Select(x => x.i + 2).ToList();
        Assert.True(different.Count == 0, $"{different.Count} CLKs differ, first on line {different.FirstOrDefault()}");
    }

    [Fact]
    public void Another_secret_gives_other_clks()
    {
        var schema = LinkageSchema.Parse("schema.json", File.ReadAllText(Path.Combine(Folder, "schema.json")));
        var record = File.ReadAllLines(Path.Combine(Folder, "dataset-1.csv"))[1].Split(',');

        var one = new ClkEncoder(schema, "secret"u8).Encode(record, "line 2");
        var other = new ClkEncoder(schema, "another secret"u8).Encode(record, "line 2");

        Assert.Equal(128, one.Length);
        Assert.NotEqual(one, other);
    }

    [Fact]
    public void Tokens_are_cut_as_clkhash_cuts_them()
    {
        // clkhash's own examples (comparators.py): the positional 2-grams of 'clkhash', and the neighbourhood of 25 with a
        // threshold distance of 8 and a resolution of 2.
        var positional = new SchemaFeature("name", false, Comparison: new FeatureComparison("ngram", 2, Positional: true), BitsPerToken: 15);
        Assert.Equal(["1  c", "2 cl", "3 lk", "4 kh", "5 ha", "6 as", "7 sh", "8 h "], ClkEncoder.Tokens(positional, "clkhash"));
        var numeric = new SchemaFeature("income", false, Comparison: new FeatureComparison("numeric", ThresholdDistance: 8, Resolution: 2), BitsPerToken: 15);
        Assert.Equal(["88", "96", "104", "112", "120"], ClkEncoder.Tokens(numeric, "25"));
        Assert.Empty(ClkEncoder.Tokens(positional, ""));
    }

    [Fact]
    public void Blake2b_with_a_key_and_a_salt_matches_pythons_hashlib()
    {
        // RFC 7693, appendix A: BLAKE2b-512("abc"); the others from Python 3's hashlib.blake2b(data, key=bytes(range(64))[:n], salt=…).
        Assert.Equal("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
            Convert.ToHexStringLower(Blake2b.Hash("abc"u8, [], [])));
        var key = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();
        Assert.Equal("84d1ad5d8d0372472bbaf70b61c47563ebf3830705805d57c0a87dadf859ecd3d190e56abdead30c127e7358798f504724895f4fba1a18717e153871fd753cd7",
            Convert.ToHexStringLower(Blake2b.Hash("1 ab"u8, key, "0"u8)));
        Assert.Equal("ce69c34a436540591aad5ed399004457e81d100225729b81b57952c21a708e6b01c666dd490216a3fc0d6179166eeaebb5d71532b84837eea676e9941d676d7f",
            Convert.ToHexStringLower(Blake2b.Hash([], key, "1"u8)));
        Assert.Equal("9ea1be2849af407817387e9b75b5800139e385ca672de39ccd04ed675e305009610cf7dd854c9063a286889ced1feb3e8786fb089fdb5b25bee23596b5e9a9ad",
            Convert.ToHexStringLower(Blake2b.Hash(Enumerable.Range(0, 200).Select(i => (byte)i).ToArray(), key[..20], "12"u8)));
    }

    [Theory]
    [InlineData("{\"version\": 3,", "s.json, line 1: not valid JSON")]
    [InlineData("{\"version\": 2, \"clkConfig\": {}, \"features\": []}", "s.json, $.version: expected 3")]
    [InlineData("{\"version\": 3, \"clkConfig\": {\"l\": 1001, \"kdf\": {\"type\": \"HKDF\"}}, \"features\": []}", "s.json, $.clkConfig.l: expected a positive multiple of 8 bits, found 1001")]
    [InlineData("{\"version\": 3, \"clkConfig\": {\"l\": 1024, \"kdf\": {\"type\": \"HKDF\", \"salt\": \"not base64!\"}}, \"features\": [{\"identifier\": \"a\", \"ignored\": true}]}", "s.json, $.clkConfig.kdf.salt: expected base64-encoded bytes")]
    [InlineData("{\"version\": 3, \"clkConfig\": {\"l\": 1024, \"kdf\": {\"type\": \"HKDF\"}}, \"features\": [{\"identifier\": \"a\", \"format\": {\"type\": \"phone\"}, \"hashing\": {}}]}", "s.json, $.features[0].format.type: expected string, integer, date or enum, found 'phone'")]
    [InlineData("{\"version\": 3, \"clkConfig\": {\"l\": 1024, \"kdf\": {\"type\": \"HKDF\"}}, \"features\": [{\"identifier\": \"a\", \"format\": {\"type\": \"string\"}, \"hashing\": {\"comparison\": {\"type\": \"soundex\"}, \"strategy\": {\"bitsPerToken\": 5}}}]}", "s.json, $.features[0].hashing.comparison.type: expected ngram, exact or numeric, found 'soundex'")]
    [InlineData("{\"version\": 3, \"clkConfig\": {\"l\": 1024, \"kdf\": {\"type\": \"HKDF\"}}, \"features\": [{\"identifier\": \"a\", \"format\": {\"type\": \"string\"}, \"hashing\": {\"comparison\": {\"type\": \"exact\"}, \"strategy\": {\"bitsPerToken\": 5, \"bitsPerFeature\": 50}}}]}", "s.json, $.features[0].hashing.strategy: expected one of bitsPerToken or bitsPerFeature")]
    public void A_schema_the_encoder_cannot_use_is_refused_with_the_place(string json, string message)
    {
        Assert.StartsWith(message, Assert.Throws<LinkageSchemaException>(() => LinkageSchema.Parse("s.json", json)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_that_does_not_fit_is_refused_with_its_line_and_column_but_not_its_values()
    {
        var schema = LinkageSchema.Parse("s.json", """
            {"version": 3, "clkConfig": {"l": 512, "kdf": {"type": "HKDF", "keySize": 64}},
             "features": [{"identifier": "id", "ignored": true},
                          {"identifier": "dob", "format": {"type": "date", "format": "%Y-%m-%d"}, "hashing": {"comparison": {"type": "ngram", "n": 2, "positional": true}, "strategy": {"bitsPerFeature": 100}, "hash": {"type": "blakeHash"}}}]}
            """);
        var encoder = new ClkEncoder(schema, Encoding.UTF8.GetBytes("a secret of sixteen bytes or more"));

        Assert.Equal("people.csv, line 3: expected 2 values (id, dob), found 3.", Assert.Throws<LinkageSchemaException>(() => encoder.Encode(["7", "1980-02-30", "x"], "people.csv, line 3")).Message);
        var wrongDate = Assert.Throws<LinkageSchemaException>(() => encoder.Encode(["7", "1980-02-30"], "people.csv, line 4")).Message;
        Assert.Equal("people.csv, line 4, column 'dob': expected a date in the format %Y-%m-%d.", wrongDate);
        Assert.DoesNotContain("1980", wrongDate, StringComparison.Ordinal);
        // Dates written differently encode alike: the value hashed is yyyyMMdd. A feature's bits add up to bitsPerFeature at most.
        Assert.Equal(encoder.Encode(["1", "1980-02-03"], "line 5"), encoder.Encode(["2", "1980-2-3"], "line 6"));
        Assert.InRange(encoder.Encode(["1", "1980-02-03"], "line 5").Sum(b => System.Numerics.BitOperations.PopCount(b)), 50, 100);
        Assert.Contains("empty", Assert.Throws<LinkageSchemaException>(() => new ClkEncoder(schema, [])).Message, StringComparison.Ordinal);
    }
}
