using Tessera.Linkage.Comparisons;
using Tessera.Linkage.Records;

namespace Tessera.Linkage.Tests;

public sealed class ComparisonTests
{
    private static int Level(Comparison comparison, IdentityRecord left, IdentityRecord right) =>
        comparison.Compare(PreparedRecords.From([left, right]), 0, 1);

    private static string Label(Comparison comparison, IdentityRecord left, IdentityRecord right) =>
        Level(comparison, left, right) is var level and not Comparison.Null ? comparison.Levels[level].Label : "missing";

    [Theory]
    [InlineData("William", "William", "exact")]
    [InlineData("Bill", "William", "nickname, first word or middle name")]
    [InlineData("Mary Ann", "Mary", "nickname, first word or middle name")]
    [InlineData("Jonathon", "Jonathan", "jaro-winkler >= 0.92")]
    [InlineData("J", "John", "initial agrees")]
    [InlineData("Ada", "Zbigniew", "different")]
    [InlineData(null, "Ada", "missing")]
    public void Given_names_fall_into_the_level_a_clerk_would_expect(string? left, string? right, string expected)
    {
        Assert.Equal(expected, Label(new GivenNameComparison(), People.Record("1", given: left), People.Record("2", given: right)));
    }

    [Fact]
    public void Names_swapped_between_the_fields_count_once_under_the_given_name()
    {
        var left = People.Record("1", given: "Scarlett", family: "Smith");
        var right = People.Record("2", given: "Smith", family: "Scarlett");
        Assert.Equal("swapped with family name", Label(new GivenNameComparison(), left, right));
        Assert.Equal("missing", Label(new FamilyNameComparison(), left, right));
    }

    [Fact]
    public void One_shared_word_is_not_a_swap()
    {
        var left = People.Record("1", given: "James", family: "Dixon");
        var right = People.Record("2", given: "Isaac", family: "James");
        Assert.Equal("different", Label(new GivenNameComparison(), left, right));
    }

    [Fact]
    public void A_married_name_joined_to_the_maiden_name_shares_a_part()
    {
        Assert.Equal("one part shared", Label(new FamilyNameComparison(), People.Record("1", family: "Garcia"), People.Record("2", family: "Garcia-Lopez")));
    }

    [Theory]
    [InlineData("1984-03-07", "1984-03-07", "exact")]
    [InlineData("1984-03-07", "1984-07-03", "day and month swapped")]
    [InlineData("1984-03-07", "1948-03-07", "one digit different")]
    [InlineData("1984-03-17", "1984-03-18", "one digit different")]
    [InlineData("1984-03-07", "1984-09-30", "within a year")]
    [InlineData("1984-03-07", "1960-03-07", "more than ten years apart")]
    [InlineData("1984-03-07", "1989-11-30", "within ten years")]
    [InlineData("1984", "1984-03-07", "the same year, one only a year or an estimate (1 January)")]
    [InlineData("1984-01-01", "1984-12-24", "the same year, one only a year or an estimate (1 January)")]
    [InlineData("1984-01-01", "1985-03-07", "within ten years")]
    public void Birth_dates_recognise_swapped_day_and_month_and_typos(string left, string right, string expected)
    {
        Assert.Equal(expected, Label(new BirthDateComparison(), People.Record("1", birthDate: left), People.Record("2", birthDate: right)));
    }

    [Theory]
    [InlineData("123-45-6780", "123456780", "exact")]
    [InlineData("123-45-6780", "123-54-6780", "one digit different")]
    [InlineData("123-45-6780", "xxxxx6780", "last four agree")]
    [InlineData("123-45-6780", "234-56-7891", "different")]
    [InlineData("000-00-0000", "000-00-0000", "missing")]
    public void Placeholder_ssns_are_no_evidence_and_partial_ones_count_their_last_four(string left, string right, string expected)
    {
        Assert.Equal(expected, Label(new SsnComparison(), People.Record("1", ssn: left), People.Record("2", ssn: right)));
    }

    [Fact]
    public void A_household_shares_the_unit_and_neighbours_only_the_building()
    {
        var comparison = new StreetComparison();
        Assert.Equal("same address and unit", Label(comparison, People.Record("1", street: "12 Main Street Apt 4"), People.Record("2", street: "12 main st #4")));
        Assert.Equal("same street address", Label(comparison, People.Record("1", street: "12 Main Street Apt 4"), People.Record("2", street: "12 main st apt 9")));
    }
}
