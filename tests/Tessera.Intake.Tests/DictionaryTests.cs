using Tessera.Intake.Dictionaries;
using Tessera.Tests;

namespace Tessera.Intake.Tests;

public class DictionaryTests
{
    public static TheoryData<string> Shipped => new(DictionaryLibrary.Names);

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Every_shipped_dictionary_is_valid(string name)
    {
        var dictionary = DictionaryLibrary.Load(name);
        Assert.NotEmpty(dictionary.Files);
    }

    [Fact]
    public void Every_county_source_has_a_dictionary()
    {
        foreach (var source in DictionaryLibrary.CountySources)
        {
            var name = DictionaryLibrary.ForCountySource(source);
            Assert.True(name == DictionaryLibrary.HmisFamily || DictionaryLibrary.Names.Contains(name), source);
        }
    }

    [Fact]
    public void Hmis_fy2022_dictionary_matches_the_headers_of_HUDs_test_kit()
    {
        var kit = SharedData.HmisTestKit;
        var dictionary = DictionaryLibrary.Load("hmis-fy2022");
        foreach (var path in Directory.GetFiles(kit, "*.csv"))
        {
            var header = File.ReadLines(path).First().Split(',');
            var file = dictionary.File(Path.GetFileNameWithoutExtension(path));
            Assert.NotNull(file);
            Assert.Equal(file.Fields.Select(f => f.Name), header);
        }
    }

    [Fact]
    public void Identity_fields_that_identify_alone_must_be_direct_identifiers()
    {
        var yaml = """
            source: clinic
            files:
              - name: patients
                fields:
                  - { name: ssn, type: string }
                identity:
                  ssn: ssn
            """;
        var error = Assert.Throws<DictionaryException>(() => DictionaryLoader.Parse(yaml, "clinic.yaml"));
        Assert.Contains("files[patients].identity.ssn", error.Message, StringComparison.Ordinal);
        Assert.Contains("direct_identifier", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ name: surname, type: string, sensitivity: direct_identifier }", "family_name_clk: surname", "must have type bloom_filter")]
    [InlineData("{ name: surname, type: bloom_filter, sensitivity: direct_identifier }", "family_name: surname", "map it to an encoded column such as family_name_clk")]
    [InlineData("{ name: surname, type: bloom_filter }", "family_name_clk: surname", "direct_identifier")]
    public void Encoded_identifiers_are_bloom_filter_fields_kept_encrypted(string field, string identity, string expected)
    {
        var yaml = $"source: clinic\nfiles:\n  - name: patients\n    fields:\n      - {field}\n    identity: {{ {identity} }}\n";
        var error = Assert.Throws<DictionaryException>(() => DictionaryLoader.Parse(yaml, "clinic.yaml"));
        Assert.Contains("files[patients].identity", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sex_flags: { female: Woman, male: Mann }", "files[clients].sex_flags: the file 'clients' has no field 'Mann'")]
    [InlineData("sex_flags: { female: Woman, male: Man }\n    identity: { given_name: FirstName, sex: Sex }", "give sex one way only")]
    [InlineData("sex_flags: { female: FirstName, male: Man }", "mark it quasi_identifier")]
    [InlineData("sex_flags: { female: Woman, male: Man }\n    identity: {}", "only adds sex to a file whose rows are people")]
    [InlineData("household: { key: HouseholdID, members_distinct: true }", "only a file of household members")]
    public void Sex_flags_and_distinct_household_members_are_checked(string definition, string expected)
    {
        if (!definition.Contains("identity:", StringComparison.Ordinal))
        {
            definition += "\n    identity: { given_name: FirstName }";
        }

        var yaml = $$"""
            source: shelter
            files:
              - name: clients
                person_key: PersonalID
                fields:
                  - { name: PersonalID, type: string }
                  - { name: HouseholdID, type: string }
                  - { name: FirstName, type: string, sensitivity: direct_identifier }
                  - { name: Sex, type: string }
                  - { name: Woman, type: integer }
                  - { name: Man, type: integer }
                {{definition}}
            """;
        var error = Assert.Throws<DictionaryException>(() => DictionaryLoader.Parse(yaml, "shelter.yaml"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_are_reported_with_their_line()
    {
        var yaml = "source: clinic\nfiles:\n  - name: patients\n    feilds: []\n";
        var error = Assert.Throws<DictionaryException>(() => DictionaryLoader.Parse(yaml, "clinic.yaml"));
        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("feilds", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type: number", "type 'number'")]
    [InlineData("type: date\n        format: dd/MM", "format 'dd/MM'")]
    [InlineData("type: string\n        sensitivity: secret", "sensitivity 'secret'")]
    [InlineData("type: money\n        codes: { a: b }", "codes apply to string and integer fields only")]
    public void Bad_field_definitions_are_named(string definition, string expected)
    {
        var yaml = $"source: clinic\nfiles:\n  - name: visits\n    fields:\n      - name: value\n        {definition}\n";
        var error = Assert.Throws<DictionaryException>(() => DictionaryLoader.Parse(yaml, "clinic.yaml"));
        Assert.Contains("files[visits].fields[value]", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Glossary_defines_the_terms_teams_argue_about()
    {
        var terms = Glossary.Terms.Select(t => t.Term).ToList();
        Assert.Contains("Limited data set", terms);
        Assert.Contains("De-identified data set", terms);
        Assert.Contains("Pseudonymous id", terms);
        Assert.All(Glossary.Terms, t => Assert.False(string.IsNullOrWhiteSpace(t.Definition)));
    }
}
