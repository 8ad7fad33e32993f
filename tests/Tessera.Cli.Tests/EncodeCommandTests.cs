using Tessera.Tests;

namespace Tessera.Cli.Tests;

/// <summary>
/// <c>tessera encode</c> as an agency runs it on its own machine: the anonlink tutorial's extract
/// encoded into clkhash 0.18.3's golden CLKs byte for byte (JSON as clkhash writes it), the same
/// CLKs as CSV for intake, and every bad input refused with exit 2 and its place named.
/// </summary>
public sealed class EncodeCommandTests : IDisposable
{
    private static readonly string Folder = Path.Combine(SharedData.Linkage, "anonlink_tutorial_multiparty");
    private readonly string _root = Directory.CreateTempSubdirectory("tessera-encode-cli-").FullName;

    [Fact]
    public async Task An_agency_encodes_its_extract_into_the_clks_clkhash_writes()
    {
        var secret = Path.Combine(_root, "secret.txt");
        await File.WriteAllTextAsync(secret, "secret\n"); // a final line break is not part of the secret
        var json = Path.Combine(_root, "clks-1.json");

        var (code, output, error) = await Cli.Run("encode", "--schema", Path.Combine(Folder, "schema.json"), "--secret-file", secret,
            "--input", Path.Combine(Folder, "dataset-1.csv"), "--out", json, "--allow-short-secret");

        Assert.True(code == 0, error);
        Assert.Contains("3,228 records", output, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Folder, "golden_clks_clkhash0.18.3_secret-secret_dataset-1.json")), await File.ReadAllBytesAsync(json));

        var csv = Path.Combine(_root, "clks-1.csv");
        (code, _, error) = await Cli.Run("encode", "--schema", Path.Combine(Folder, "schema.json"), "--secret-file", secret,
            "--input", Path.Combine(Folder, "dataset-1.csv"), "--out", csv, "--format", "csv", "--allow-short-secret");
        Assert.True(code == 0, error);
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.Equal("record_id,clk", lines[0]);
        Assert.StartsWith("0,s6SQNOFlg2gPsuvfzqL8P2ZiG+BMunb3", lines[1], StringComparison.Ordinal); // the first golden CLK, under the record's id
        Assert.Equal(3229, lines.Length);

        // Every CLK as clkhash wrote it, those starting with '+' too (no spreadsheet apostrophe in front).
        using var golden = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "golden_clks_clkhash0.18.3_secret-secret_dataset-1.json")));
        var expected = golden.RootElement.GetProperty("clks").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains(expected, clk => clk!.StartsWith('+'));
        Assert.Equal(expected, lines.Skip(1).Select(l => l.Split(',')[1]));
    }

    [Fact]
    public async Task Bad_input_exits_2_naming_the_place_and_writes_nothing()
    {
        var schema = Path.Combine(Folder, "schema.json");
        var input = Path.Combine(Folder, "dataset-1.csv");
        var shortSecret = Path.Combine(_root, "short.txt");
        await File.WriteAllTextAsync(shortSecret, "secret");
        var empty = Path.Combine(_root, "empty.txt");
        await File.WriteAllTextAsync(empty, "\n");
        var good = Path.Combine(_root, "good.txt");
        await File.WriteAllTextAsync(good, "a long secret the partners share");
        var badSchema = Path.Combine(_root, "bad.json");
        await File.WriteAllTextAsync(badSchema, (await File.ReadAllTextAsync(schema)).Replace("\"ngram\"", "\"soundex\"", StringComparison.Ordinal));
        var ragged = Path.Combine(_root, "ragged.csv");
        await File.WriteAllTextAsync(ragged, "id,givenname,surname,dob,gender,city,income,phone number\n0,tara,hilton,27-08-1941,male,canberra,84052.973,08 2210 0298\n1,sam\n");
        var outFile = Path.Combine(_root, "out.json");

        foreach (var (arguments, message) in new (string[], string)[]
        {
            (["--schema", schema, "--secret-file", shortSecret, "--input", input], "the secret in short.txt is 6 bytes; at least 16"),
            (["--schema", schema, "--secret-file", empty, "--input", input], "empty.txt is empty"),
            (["--schema", schema, "--secret-file", Path.Combine(_root, "none.txt"), "--input", input], "--secret-file: none.txt does not exist"),
            (["--schema", badSchema, "--secret-file", good, "--input", input], "bad.json, $.features[1].hashing.comparison.type: expected ngram, exact or numeric, found 'soundex'"),
            (["--schema", schema, "--secret-file", good, "--input", ragged], "ragged.csv, line 3: expected 8 values"),
        })
        {
            var (code, _, error) = await Cli.Run(["encode", .. arguments, "--out", outFile]);
            Assert.Equal(2, code);
            Assert.Contains(message, error, StringComparison.Ordinal);
            Assert.DoesNotContain("sam", error, StringComparison.Ordinal);
            Assert.False(File.Exists(outFile), "nothing written");
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
