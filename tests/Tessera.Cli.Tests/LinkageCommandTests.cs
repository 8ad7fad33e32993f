using System.Diagnostics;
using System.Globalization;
using Tessera.Tests;

namespace Tessera.Cli.Tests;

public sealed class LinkageCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tessera-linkage-cli-").FullName;

    private string PathOf(string name) => Path.Combine(_root, name);

    private async Task<string> Write(string name, string text)
    {
        await File.WriteAllTextAsync(PathOf(name), text);
        return PathOf(name);
    }

    private static string People(params string[] rows) => "record_id,given_name,family_name,birth_date,zip\n" + string.Join("\n", rows) + "\n";

    [Fact]
    public async Task Linking_writes_one_cluster_row_per_record_with_ids_as_written()
    {
        var benefits = await Write("benefits.2024.csv", People(" 007 ,Ada,Lovelace,1815-12-10,10001", "008,Alan,Turing,1912-06-23,10002"));
        var clinic = await Write("clinic.csv", People("A-1,ADA,LOVELACE,12/10/1815,10001", "A-2,Grace,Hopper,1906-12-09,10003"));

        var (code, output, error) = await Cli.Run("linkage", "run", "--input", benefits, "--input", clinic, "--out", PathOf("out"));

        Assert.True(code == 0, error);
        Assert.Contains("4 record(s) from 2 source(s)", output, StringComparison.Ordinal);
        var clusters = await File.ReadAllLinesAsync(PathOf("out/clusters.csv"));
        Assert.Equal("source,record_id,person_id", clusters[0]);
        var rows = clusters.Skip(1).Select(l => l.Split(',')).ToDictionary(r => (r[0], r[1]), r => r[2]);
        Assert.Equal(4, rows.Count);
        Assert.Equal(rows[("benefits", "007")], rows[("clinic", "A-1")]);
        Assert.Equal(3, rows.Values.Distinct().Count());

        var pairs = await File.ReadAllLinesAsync(PathOf("out/pairs.csv"));
        Assert.Equal("source_l,record_id_l,source_r,record_id_r,match_weight,match_probability", pairs[0]);
        Assert.Contains(pairs, p => p.StartsWith("benefits,007,clinic,A-1,", StringComparison.Ordinal));
        Assert.All(pairs.Skip(1), p => Assert.InRange(double.Parse(p.Split(',')[5], System.Globalization.CultureInfo.InvariantCulture), 0.01, 1));
        Assert.True(File.Exists(PathOf("out/model.json")));
        Assert.True(File.Exists(PathOf("out/blocking.csv")));

        // The summary times every phase, reading the files and writing the results included.
        Assert.Matches(@"Done in [0-9.]+ s \(read [0-9.]+ s, standardise [0-9.]+ s, block [0-9.]+ s, compare [0-9.]+ s, train [0-9.]+ s, score [0-9.]+ s, cluster [0-9.]+ s, write [0-9.]+ s\)\.", error);
    }

    [Fact]
    public async Task One_core_and_three_give_the_same_clusters_and_pairs_byte_for_byte()
    {
        // FEBRL4's two files (10,000 records: blocked, not compared all against all), commas' trailing spaces taken out.
        var inputs = new List<string>();
        foreach (var name in new[] { "dataset4a", "dataset4b" })
        {
            var lines = File.ReadLines(Path.Combine(SharedData.Linkage, "febrl", name + ".csv")).Select(l => l.Replace(", ", ",", StringComparison.Ordinal));
            inputs.AddRange(["--input", await Write(name + ".csv", string.Join('\n', lines) + "\n")]);
        }

        var config = await Write("febrl.yaml", "record_id: rec_id\ncolumns:\n  surname: family_name\n  address_1: street\n  suburb: city\n  postcode: zip\n  date_of_birth: birth_date\n  soc_sec_id: ssn\n");
        foreach (var cores in new[] { 1, 3 })
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "tessera.dll"), "linkage", "run", .. inputs, "--config", config, "--out", PathOf($"out{cores}")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["DOTNET_PROCESSOR_COUNT"] = cores.ToString(CultureInfo.InvariantCulture);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "linkage run did not finish");
            Assert.True(process.ExitCode == 0, await error);
        }

        Assert.Equal(await File.ReadAllBytesAsync(PathOf("out1/clusters.csv")), await File.ReadAllBytesAsync(PathOf("out3/clusters.csv")));
        Assert.Equal(await File.ReadAllBytesAsync(PathOf("out1/pairs.csv")), await File.ReadAllBytesAsync(PathOf("out3/pairs.csv")));
        Assert.True((await File.ReadAllLinesAsync(PathOf("out1/clusters.csv"))).Length > 10_000);
    }

    [Fact]
    public async Task Two_inputs_with_one_source_name_are_refused()
    {
        Directory.CreateDirectory(PathOf("a"));
        Directory.CreateDirectory(PathOf("b"));
        var first = await Write("a/people.csv", People("1,Ada,Lovelace,1815-12-10,10001"));
        var second = await Write("b/people.csv", People("1,Ada,Lovelace,1815-12-10,10001"));

        var (code, _, error) = await Cli.Run("linkage", "run", "--input", first, "--input", second, "--out", PathOf("out"));

        Assert.Equal(2, code);
        Assert.Contains("source name 'people'", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(PathOf("out")));
    }

    [Fact]
    public async Task A_file_without_standard_columns_or_with_a_repeated_id_is_refused_with_its_row()
    {
        var strange = await Write("strange.csv", "id,vorname,nachname\n1,Ada,Lovelace\n");
        var (code, _, error) = await Cli.Run("linkage", "run", "--input", strange, "--out", PathOf("out"));
        Assert.Equal(2, code);
        Assert.Contains("no column has a standard identity name", error, StringComparison.Ordinal);

        var repeated = await Write("repeated.csv", People("1,Ada,Lovelace,1815-12-10,10001", "1,Alan,Turing,1912-06-23,10002"));
        (code, _, error) = await Cli.Run("linkage", "run", "--input", repeated, "--out", PathOf("out"));
        Assert.Equal(2, code);
        Assert.Contains("row 3", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Turing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_names_the_record_id_column_and_maps_other_column_names()
    {
        var clinic = await Write("clinic.csv", "visit,client_no,first,surname,dob\nv1,C-01,Ada,Lovelace,1815-12-10\nv2,C-02,Alan,Turing,1912-06-23\n");
        var benefits = await Write("benefits.csv", People("007,Ada,Lovelace,1815-12-10,10001", "008,Grace,Hopper,1906-12-09,10002"));
        var config = await Write("linkage.yaml", "record_id: client_no\nthreshold: 0.6\ncolumns:\n  first: given_name\n  surname: family_name\n  dob: birth_date\n");

        var (code, _, error) = await Cli.Run("linkage", "run", "--input", clinic, "--input", benefits, "--config", config, "--out", PathOf("out"));

        Assert.True(code == 0, error);
        Assert.Contains("clinic.csv: visit", error, StringComparison.Ordinal);
        var rows = (await File.ReadAllLinesAsync(PathOf("out/clusters.csv"))).Skip(1).Select(l => l.Split(',')).ToDictionary(r => (r[0], r[1]), r => r[2]);
        Assert.Equal(rows[("clinic", "C-01")], rows[("benefits", "007")]);
        Assert.NotEqual(rows[("clinic", "C-02")], rows[("benefits", "008")]);
    }

    [Fact]
    public async Task A_config_mapping_to_an_unknown_column_is_refused()
    {
        var people = await Write("people.csv", People("1,Ada,Lovelace,1815-12-10,10001"));
        var config = await Write("bad.yaml", "columns:\n  first: forename\n");

        var (code, _, error) = await Cli.Run("linkage", "run", "--input", people, "--config", config, "--out", PathOf("out"));

        Assert.Equal(2, code);
        Assert.Contains("'forename', which is not a standard identity column", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deterministic_rule_in_the_config_joins_records_and_a_rule_on_a_column_it_cannot_use_is_refused()
    {
        var people = await Write("people.csv", "record_id,given_name,family_name,birth_date,ssn\n1,Lucia,Ferreira,1984-02-29,219-44-8071\n2,Lu,Okonkwo,02/29/1984,219448071\n3,Grace,Hopper,1906-12-09,\n");
        var rules = await Write("rules.yaml", "deterministic:\n  - [ssn, birth_date]\n");

        var (code, _, error) = await Cli.Run("linkage", "run", "--input", people, "--config", rules, "--out", PathOf("out"));

        Assert.True(code == 0, error);
        var clusters = (await File.ReadAllLinesAsync(PathOf("out/clusters.csv"))).Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[1], r => r[2]);
        Assert.Equal(clusters["1"], clusters["2"]);
        Assert.NotEqual(clusters["1"], clusters["3"]);

        var bad = await Write("bad-rule.yaml", "deterministic:\n  - [ssn, adult_in_year]\n");
        (code, _, error) = await Cli.Run("linkage", "run", "--input", people, "--config", bad, "--out", PathOf("out2"));
        Assert.Equal(2, code);
        Assert.Contains("deterministic rule [ssn, adult_in_year] names 'adult_in_year'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comparisons_and_blocking_rules_the_config_leaves_out_are_not_used_and_unknown_names_are_refused()
    {
        var people = await Write("people.csv", "record_id,given_name,family_name,birth_date,sex\n1,Lucia,Ferreira,1984-02-29,F\n2,Lucia,Ferreira,1984-02-29,M\n3,Grace,Hopper,1906-12-09,F\n");
        var config = await Write("leave-out.yaml", "leave_out: [sex, given_name + family_name]\n");

        var (code, _, error) = await Cli.Run("linkage", "run", "--input", people, "--config", config, "--out", PathOf("out"));

        Assert.True(code == 0, error);
        var model = await File.ReadAllTextAsync(PathOf("out/model.json"));
        Assert.Contains("\"given_name\"", model, StringComparison.Ordinal);
        Assert.DoesNotContain("\"sex\"", model, StringComparison.Ordinal);
        Assert.DoesNotContain("given_name + family_name", await File.ReadAllTextAsync(PathOf("out/blocking.csv")), StringComparison.Ordinal);

        var bad = await Write("bad-leave-out.yaml", "leave_out: [gender]\n");
        (code, _, error) = await Cli.Run("linkage", "run", "--input", people, "--config", bad, "--out", PathOf("out2"));
        Assert.Equal(2, code);
        Assert.Contains("leave_out names 'gender', which is neither a comparison nor a blocking rule", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Known_matches_named_in_the_config_are_learned_from_and_joined()
    {
        var people = await Write("people.csv", "record_id,given_name,family_name,birth_date\n1,Lucia,Ferreira,1984-02-29\n2,Lu,Okonkwo,1984-02-29\n3,Grace,Hopper,1906-12-09\n");
        await Write("known.csv", "source_l,record_id_l,source_r,record_id_r\npeople,1,people,2\n");
        var config = await Write("labelled.yaml", "labels: known.csv\n");

        var (code, _, error) = await Cli.Run("linkage", "run", "--input", people, "--config", config, "--out", PathOf("out"));

        Assert.True(code == 0, error);
        Assert.Contains("Learning m from 1 labelled match(es)", error, StringComparison.Ordinal);
        var clusters = (await File.ReadAllLinesAsync(PathOf("out/clusters.csv"))).Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[1], r => r[2]);
        Assert.Equal(clusters["1"], clusters["2"]);

        await Write("known.csv", "source_l,record_id_l,source_r,record_id_r\npeople,1,clinic,9\n");
        (code, _, error) = await Cli.Run("linkage", "run", "--input", people, "--config", config, "--out", PathOf("out2"));
        Assert.Equal(2, code);
        Assert.Contains("row 2: names a record that is in none of the inputs", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_to_one_puts_at_most_one_record_of_each_file_in_a_person()
    {
        var benefits = await Write("benefits.csv", People("1,Maria,Garcia,1980-03-14,10001", "2,Alan,Turing,1912-06-23,10002"));
        var clinic = await Write("clinic.csv", People("A,Maria,Garcia,1980-03-14,10001", "B,Maria,Garcia,1980-03-14,10001", "C,Grace,Hopper,1906-12-09,10003"));

        var (code, _, error) = await Cli.Run("linkage", "run", "--input", benefits, "--input", clinic, "--out", PathOf("plain"));
        Assert.True(code == 0, error);
        Assert.Equal(3, PersonsOf(await File.ReadAllLinesAsync(PathOf("plain/clusters.csv")))["1"].Count);

        foreach (var assignment in new[] { "greedy", "optimal" })
        {
            (code, _, error) = await Cli.Run("linkage", "run", "--input", benefits, "--input", clinic, "--one-to-one", assignment, "--out", PathOf(assignment));
            Assert.True(code == 0, error);
            var persons = PersonsOf(await File.ReadAllLinesAsync(PathOf($"{assignment}/clusters.csv")));
            Assert.Equal(["benefits", "clinic"], persons["1"].Select(r => r.Source).Order());
            Assert.All(persons.Values, person => Assert.Equal(person.Count, person.Select(r => r.Source).Distinct().Count()));
        }

        static Dictionary<string, List<(string Source, string Record)>> PersonsOf(string[] clusters)
        {
            var rows = clusters.Skip(1).Select(l => l.Split(',')).ToList();
            return rows.Where(r => r[0] == "benefits").ToDictionary(r => r[1], r => rows.Where(o => o[2] == r[2]).Select(o => (o[0], o[1])).ToList());
        }
    }

    [Fact]
    public async Task Optimal_one_to_one_of_three_files_and_an_unknown_assignment_in_the_config_are_refused()
    {
        var files = new List<string>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            files.Add(await Write(name + ".csv", People("1,Maria,Garcia,1980-03-14,10001")));
        }

        var (code, _, error) = await Cli.Run("linkage", "run", "--input", files[0], "--input", files[1], "--input", files[2], "--one-to-one", "optimal", "--out", PathOf("out"));
        Assert.Equal(2, code);
        Assert.Contains("Optimal one-to-one assignment pairs exactly two files; 3 were given", error, StringComparison.Ordinal);

        var config = await Write("sometimes.yaml", "one_to_one: sometimes\n");
        (code, _, error) = await Cli.Run("linkage", "run", "--input", files[0], "--input", files[1], "--config", config, "--out", PathOf("out"));
        Assert.Equal(2, code);
        Assert.Contains("one_to_one must be greedy or optimal (got 'sometimes')", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(PathOf("out")));
    }

    [Fact]
    public async Task Evaluation_prints_pairwise_precision_recall_and_f1()
    {
        var clusters = await Write("clusters.csv", "source,record_id,person_id\na,1,P1\na,2,P1\nb,1,P2\nb,2,P2\n");
        var truth = await Write("truth.csv", "source,record_id,person_id\na,1,x\na,2,x\nb,1,x\nb,2,y\n");

        var (code, output, error) = await Cli.Run("linkage", "evaluate", "--clusters", clusters, "--truth", truth);

        Assert.True(code == 0, error);
        var all = output.Split('\n').Single(l => l.StartsWith("all ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["all", "0.5000", "0.3333", "0.4000", "3", "2", "1"], all);
        Assert.Contains("persons: 2 true, 2 found, 0 found exactly", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
