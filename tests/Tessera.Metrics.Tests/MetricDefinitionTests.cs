using Tessera.Intake.Dictionaries;
using Tessera.Metrics.Definitions;

namespace Tessera.Metrics.Tests;

public sealed class MetricDefinitionTests
{
    private const string Corrections = """
        source: corrections
        files:
          - name: releases
            primary_key: [release_id]
            person_key: doc_number
            fields:
              - { name: release_id, type: string, required: true }
              - { name: doc_number, type: string, required: true }
              - { name: release_date, type: date, required: true }
              - { name: release_type, type: string, codes: { PAROLE: Parole, MAX_OUT: End of sentence } }
              - { name: dob, type: date, sensitivity: direct_identifier }
          - name: arrests
            primary_key: [arrest_id]
            person_key: sid
            fields:
              - { name: arrest_id, type: string, required: true }
              - { name: sid, type: string, required: true }
              - { name: arrest_date, type: date, required: true }
        """;

    private const string Valid = """
        id: rearrest-1y
        title: Re-arrest within a year
        description: Releases followed by an arrest within a year.
        polarity: lower_is_better
        population: { source: corrections, file: releases, anchor: release_date, where: [{ field: release_type, in: [PAROLE] }] }
        outcome: { source: corrections, file: arrests, date: arrest_date, window: { from_days: 1, to_days: 365 } }
        group_by: [release_type]
        period: quarter
        """;

    private static readonly IMetricSchema Schema = new DictionarySchema(DictionaryLoader.Parse(Corrections, "corrections.yaml"));

    [Fact]
    public void A_valid_definition_is_read_with_its_value_and_period()
    {
        var metric = Load(Valid);

        Assert.Equal(MetricValue.Rate, metric.ValueKind);
        Assert.Equal(MetricPeriod.Quarter, metric.PeriodKind);
        Assert.Equal("release_type", metric.GroupBy[0].Name);
    }

    [Theory]
    [InlineData("anchor: release_date", "anchor: relase_date", "population.anchor: 'relase_date' is not a field of corrections/releases")]
    [InlineData("in: [PAROLE]", "in: [PAROL]", "'PAROL' is not a code of release_type (PAROLE, MAX_OUT)")]
    [InlineData("group_by: [release_type]", "group_by: [dob]", "'dob' is a direct identifier, stored encrypted")]
    [InlineData("to_days: 365", "to_days: -5", "outcome.window: give from_days and to_days")]
    [InlineData("file: arrests", "file: bookings", "outcome.file: 'bookings' is not a file of corrections")]
    [InlineData("period: quarter", "period: fortnight", "period: 'fortnight' must be one of month, quarter, year, rolling_12, week or two_weeks")]
    [InlineData("anchor: release_date,", "anchor: release_type,", "population.anchor: 'release_type' is not a date")]
    public void A_mistake_is_reported_with_where_it_is(string from, string to, string expected)
    {
        var error = Assert.Throws<MetricDefinitionException>(() => Load(Valid.Replace(from, to, StringComparison.Ordinal)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.yaml", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("value: release_type", null)]
    [InlineData("value: dob", "adjust_for[0].value: 'dob' is a direct identifier, stored encrypted")]
    [InlineData("value: relase_type", "adjust_for[0].value: 'relase_type' is not a field of corrections/releases")]
    [InlineData("value: release_type, date: release_date", "adjust_for[0]: a characteristic with a value is the person's attribute: leave out date and window")]
    public void A_characteristic_with_a_value_reads_an_attribute_that_is_not_an_identifier(string value, string? expected)
    {
        var yaml = Valid + "\nadjust_for: [{ name: release_kind, source: corrections, file: releases, " + value + " }]\n";
        if (expected is null)
        {
            Assert.Equal("release_type", Load(yaml).AdjustFor[0].Value);
            return;
        }

        var error = Assert.Throws<MetricDefinitionException>(() => Load(yaml));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_names_its_line()
    {
        var error = Assert.Throws<MetricDefinitionException>(() => MetricLoader.Parse(Valid + "\nthreshold: 3\n", "test.yaml"));

        Assert.Contains("unknown key", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_library_definition_reads_and_has_a_plain_description()
    {
        Assert.True(MetricLibrary.Files.Count >= 15);
        foreach (var (name, yaml) in MetricLibrary.Files)
        {
            var metric = MetricLoader.Parse(yaml, name);
            Assert.Equal(name, metric.Id + ".yaml");
            Assert.False(string.IsNullOrWhiteSpace(metric.Description), name);
            Assert.False(string.IsNullOrWhiteSpace(metric.Standard), name);
        }
    }

    private static MetricDefinition Load(string yaml)
    {
        var metric = MetricLoader.Parse(yaml, "test.yaml");
        MetricValidator.Validate(metric, Schema, "test.yaml");
        return metric;
    }

    private sealed class DictionarySchema(SourceDictionary dictionary) : IMetricSchema
    {
        public IReadOnlyList<string> Sources => [dictionary.Source];

        public IReadOnlyList<FileDefinition> File(string source, string file) =>
            source == dictionary.Source ? dictionary.Files.Where(f => f.Name == file).ToList() : [];
    }
}
