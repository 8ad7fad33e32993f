using System.Globalization;
using System.Text.Json;

namespace Tessera.Synthetic.Tests;

/// <summary>The generator's error rates, duplicates and family shapes, measured from its output against the truth.</summary>
[Collection(CountyCollection.Name)]
public sealed class DistributionTests(CountyFixture county)
{
    private static readonly string[] Sources = ["benefits", "child_care", "child_welfare", "homelessness", "workforce", "corrections"];

    [Fact]
    public void Every_source_has_a_delivery_folder_for_every_month()
    {
        foreach (var source in Sources)
        {
            var months = Directory.GetDirectories(Path.Combine(county.Root, source)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(county.Options.Months, months.Count);
            Assert.Equal("2023-01", months[0]);
            Assert.Equal("2025-12", months[^1]);
        }
    }

    [Fact]
    public void Truth_names_every_person_record_once_and_only_real_ones()
    {
        var truth = Csv.Read(Path.Combine(county.Root, "truth", "records.csv"));
        Assert.Equal(truth.Count, truth.Select(r => (r["source"], r["record_id"])).Distinct().Count());
        Assert.Equal(Sources.Order(StringComparer.Ordinal), truth.Select(r => r["source"]).Distinct().Order(StringComparer.Ordinal));

        var bySource = truth.GroupBy(r => r["source"]).ToDictionary(g => g.Key, g => g.Select(r => r["record_id"]).ToHashSet());
        var persons = Csv.Read(Path.Combine(county.Root, "truth", "persons.csv")).Select(p => p["person_id"]).ToHashSet();
        Assert.Equal(county.Options.People, persons.Count);
        Assert.All(truth, r => Assert.Contains(r["person_id"], persons));

        var delivered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, column) in new[] { ("members.csv", "member_id") })
        {
            delivered.UnionWith(Csv.ReadAll(county.Root, "benefits", file).Select(r => r[column]));
        }

        Assert.Equal(bySource["benefits"], delivered);
        var workforce = Csv.ReadAll(county.Root, "workforce", "participants.csv").Select(r => r["participant_id"])
            .Concat(Csv.ReadAll(county.Root, "workforce", "ui_wages.csv").Select(r => r["wage_record_id"])).ToHashSet();
        Assert.Equal(bySource["workforce"], workforce);
        var corrections = Csv.ReadAll(county.Root, "corrections", "inmates.csv").Select(r => r["doc_number"])
            .Concat(Csv.ReadAll(county.Root, "corrections", "arrests.csv").Select(r => r["arrest_id"])).ToHashSet();
        Assert.Equal(bySource["corrections"], corrections);
    }

    [Fact]
    public void About_five_percent_of_people_are_registered_twice_in_benefits_and_in_HMIS()
    {
        var truth = Csv.Read(Path.Combine(county.Root, "truth", "records.csv"));
        foreach (var source in new[] { "benefits", "homelessness" })
        {
            var perPerson = truth.Where(r => r["source"] == source).GroupBy(r => r["person_id"]).Select(g => g.Count()).ToList();
            var duplicated = perPerson.Count(n => n > 1) / (double)perPerson.Count;
            Assert.InRange(duplicated, 0.035, 0.075);
        }
    }

    [Fact]
    public void Identity_errors_occur_at_the_configured_rates()
    {
        var truth = Csv.Read(Path.Combine(county.Root, "truth", "records.csv"))
            .Where(r => r["source"] == "benefits").ToDictionary(r => r["record_id"], r => r["person_id"]);
        var persons = Csv.Read(Path.Combine(county.Root, "truth", "persons.csv")).ToDictionary(p => p["person_id"]);
        var members = Csv.ReadAll(county.Root, "benefits", "members.csv").GroupBy(m => m["member_id"]).Select(g => g.First()).ToList();
        var givenDiffers = 0;
        var birthDiffers = 0;
        foreach (var m in members)
        {
            var p = persons[truth[m["member_id"]]];
            if (!string.Equals(m["first_name"], p["given_name"], StringComparison.OrdinalIgnoreCase))
            {
                givenDiffers++;
            }

            var dob = DateOnly.ParseExact(m["dob"], "MM/dd/yyyy", CultureInfo.InvariantCulture);
            if (dob != DateOnly.ParseExact(p["birth_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture))
            {
                birthDiffers++;
            }
        }

        // Given-name errors are 60% of the non-nickname half plus all nicknames of the 5%.
        Assert.InRange(givenDiffers / (double)members.Count, 0.025, 0.06);
        Assert.InRange(birthDiffers / (double)members.Count, 0.02, 0.045);
    }

    [Fact]
    public void At_least_a_fifth_of_person_records_outside_wage_records_have_no_SSN_and_about_two_percent_a_placeholder()
    {
        using var effects = JsonDocument.Parse(File.ReadAllText(Path.Combine(county.Root, "truth", "effects.json")));
        var bySource = effects.RootElement.GetProperty("identity_noise").GetProperty("person_records_by_source");
        long records = 0, missing = 0, placeholder = 0;
        foreach (var source in bySource.EnumerateObject())
        {
            records += source.Value.GetProperty("records").GetInt64();
            missing += source.Value.GetProperty("ssn_missing").GetInt64();
            placeholder += source.Value.GetProperty("ssn_placeholder").GetInt64();
        }

        Assert.True(missing / (double)records >= 0.20, $"missing SSN share {missing / (double)records:P1}");
        Assert.InRange(placeholder / (double)records, 0.015, 0.03);

        // And the files agree with the tally: placeholders really are in the benefits file.
        var ssns = Csv.ReadAll(county.Root, "benefits", "members.csv").Select(m => m["ssn"]).ToList();
        var placeholders = ssns.Count(s => s is "000000000" or "999999999" or "123456789") / (double)ssns.Count;
        Assert.InRange(placeholders, 0.01, 0.035);
    }

    [Fact]
    public void Households_have_realistic_shapes_with_twins_namesakes_and_three_generations()
    {
        var persons = Csv.Read(Path.Combine(county.Root, "truth", "persons.csv"));
        var households = persons.GroupBy(p => p["household_id"]).ToList();
        var meanSize = persons.Count / (double)households.Count;
        Assert.InRange(meanSize, 2.2, 3.3);
        Assert.InRange(households.Count(h => h.Count() == 1) / (double)households.Count, 0.2, 0.4);
        Assert.Contains(households, h => h.Any(p => p["household_role"] == "grandparent") && h.Any(p => p["household_role"] == "child"));
        var twins = households.Count(h => h.Where(p => p["household_role"] == "child").GroupBy(p => p["birth_date"]).Any(g => g.Count() > 1));
        Assert.True(twins > 50, $"{twins} households with twins");
        Assert.DoesNotContain(households, h => h.Where(p => p["household_role"] == "child").GroupBy(p => p["given_name"]).Any(g => g.Count() > 1));
        Assert.Contains(persons, p => p["suffix"] == "JR");
        Assert.Contains(persons, p => p["family_name"].Contains('-', StringComparison.Ordinal));
        Assert.Contains(persons, p => p["family_name"].Contains(' ', StringComparison.Ordinal));
        Assert.True(persons.Count(p => p["birth_family_name"].Length > 0) > persons.Count / 20, "married-name changes");
        Assert.True(persons.Count(p => p["ssn"].Length == 0) > 0, "some people have no SSN at all");

        var relationships = Csv.Read(Path.Combine(county.Root, "truth", "relationships.csv"));
        Assert.Equal(["child", "parent", "partner", "sibling"], relationships.Select(r => r["relation"]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(relationships.Count(r => r["relation"] == "parent"), relationships.Count(r => r["relation"] == "child"));
    }

    [Fact]
    public void Wage_records_carry_SSN_and_name_only()
    {
        var header = Csv.Header(File.ReadLines(Directory.GetFiles(Path.Combine(county.Root, "workforce"), "ui_wages.csv", SearchOption.AllDirectories).First()).First() + "\n");
        Assert.DoesNotContain("dob", header);
        Assert.DoesNotContain("birth_date", header);
        Assert.Contains("ssn", header);
        Assert.Contains("last_name", header);
    }
}
