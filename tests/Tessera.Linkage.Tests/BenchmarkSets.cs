using System.Text;
using Sylvan.Data.Csv;
using Tessera.Tests;

namespace Tessera.Linkage.Tests;

/// <summary>
/// Maps labelled benchmark sets from ../shared/data/linkage to the standard identity columns in a
/// temporary folder, the way bench/linkage/prepare-sets.py does: ids that reveal the truth are
/// replaced by opaque ones, rows are shuffled, and the truth goes to a separate file.
/// </summary>
internal sealed class BenchmarkSets : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tessera-linkage-sets-").FullName;
    private int _counter;

    public Dictionary<(string Source, string RecordId), string> Truth { get; } = [];

    /// <summary>
    /// FEBRL's two-file link task (4a, 4b): 5,000 people, one record each per file; the columns
    /// in <paramref name="encoded"/> as Bloom filters (<c>given_name</c> → <c>given_name_clk</c>).
    /// </summary>
    public IReadOnlyList<string> Febrl4(params string[] encoded) =>
    [
        Write("febrl4a", Encode(Febrl(Path.Combine(SharedData.Linkage, "febrl", "dataset4a.csv")), encoded)),
        Write("febrl4b", Encode(Febrl(Path.Combine(SharedData.Linkage, "febrl", "dataset4b.csv")), encoded)),
    ];

    /// <summary>The anonlink tutorial's first two parties as their golden CLKs (clkhash 0.18.3) only: 1,458 people in both.</summary>
    public IReadOnlyList<string> AnonlinkClks() =>
    [.. new[] { 1, 2 }.Select(party =>
    {
        var folder = Path.Combine(SharedData.Linkage, "anonlink_tutorial_multiparty");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, $"golden_clks_clkhash0.18.3_secret-secret_dataset-{party}.json")));
        var clks = json.RootElement.GetProperty("clks").EnumerateArray().Select(c => c.GetString()!).ToList();
        var ids = Rows(Path.Combine(folder, $"dataset-{party}.csv")).Select(r => r["id"]).ToList();
        return Write($"party{party}", ids.Zip(clks, (id, clk) => (id, new Dictionary<string, string> { ["clk"] = clk })));
    })];

    private static IEnumerable<(string Entity, Dictionary<string, string> Values)> Encode(IEnumerable<(string Entity, Dictionary<string, string> Values)> records, string[] encoded) =>
        records.Select(r => (r.Entity, r.Values.ToDictionary(v => encoded.Contains(v.Key) ? v.Key + "_clk" : v.Key, v => encoded.Contains(v.Key) ? TestBloomFilters.Encode(v.Value) : v.Value)));

    /// <summary>Splink's fake_1000: 1,000 records of 251 people with heavy errors.</summary>
    public string Fake1000() => Write("fake_1000", Rows(Path.Combine(SharedData.Linkage, "splink_fake_1000", "fake_1000.csv")).Select(r => (
        r["cluster"],
        new Dictionary<string, string> { ["given_name"] = r["first_name"], ["family_name"] = r["surname"], ["birth_date"] = r["dob"], ["city"] = r["city"], ["email"] = r["email"] })));

    /// <summary>
    /// Splink's historical_50k: 50,578 records of 5,156 historical people with injected errors; one
    /// in eleven has a single name, most often the family name, in the first-name column.
    /// </summary>
    public string Historical50k() => Write("historical_50k", Rows(Path.Combine(SharedData.Linkage, "splink_historical_50k", "historical_figures_with_errors_50k.csv.gz")).Select(r => (
        r["cluster"],
        new Dictionary<string, string>
        {
            ["given_name"] = r["first_name"], ["family_name"] = r["surname"], ["birth_date"] = r["dob"],
            ["city"] = r["birth_place"], ["zip"] = r["postcode_fake"], ["sex"] = r["gender"],
        })));

    private static IEnumerable<(string Entity, Dictionary<string, string> Values)> Febrl(string path) =>
        Rows(path).Select(r => (
            r["rec_id"].Split('-')[1],
            new Dictionary<string, string>
            {
                ["given_name"] = r["given_name"],
                ["family_name"] = r["surname"],
                ["street"] = $"{r["street_number"]} {r["address_1"]}".Trim(),
                ["city"] = r["suburb"],
                ["zip"] = r["postcode"],
                ["birth_date"] = r["date_of_birth"],
                ["ssn"] = r["soc_sec_id"],
            }));

    private static IEnumerable<Dictionary<string, string>> Rows(string path)
    {
        using var text = path.EndsWith(".gz", StringComparison.Ordinal)
            ? new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress))
            : new StreamReader(path);
        using var reader = CsvDataReader.Create(text);
        var names = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim()).ToArray();
        while (reader.Read())
        {
            yield return names.Select((name, i) => (name, value: reader.GetString(i).Trim())).ToDictionary(p => p.name, p => p.value);
        }
    }

    private string Write(string source, IEnumerable<(string Entity, Dictionary<string, string> Values)> records)
    {
        var rows = records.ToList();
        var random = new Random(7);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
        var columns = rows[0].Values.Keys.ToArray();
        var text = new StringBuilder("record_id," + string.Join(',', columns) + "\n");
        foreach (var (entity, values) in rows)
        {
            var id = $"r{++_counter:0000000}";
            Truth[(source, id)] = entity;
            text.Append(id).Append(',').AppendJoin(',', columns.Select(c => Quote(values[c]))).Append('\n');
        }

        var path = Path.Combine(_folder, source + ".csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
