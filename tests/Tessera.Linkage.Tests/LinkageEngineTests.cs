using Tessera.Linkage.Records;
using Tessera.Linkage.Running;
using Tessera.Tests;

namespace Tessera.Linkage.Tests;

public sealed class LinkageEngineTests
{
    private static int Index(LinkageResult result, string id) =>
        Enumerable.Range(0, result.Count).Single(i => result.RecordIdOf(i) == id);

    private static bool SamePerson(LinkageResult result, string a, string b) => result.Cluster[Index(result, a)] == result.Cluster[Index(result, b)];

    private static List<IdentityRecord> CrowdWithDuplicates(int count, int seed)
    {
        var crowd = People.Crowd(count, seed).ToList();
        var random = new Random(seed);
        foreach (var original in crowd.Take(count / 5).ToList())
        {
            var values = (string?[])original.Values.Clone();
            var given = values[(int)StandardColumn.GivenName]!;
            values[(int)StandardColumn.GivenName] = random.Next(2) == 0 ? given.ToUpperInvariant() : given[..^1] + "e";
            if (random.Next(3) == 0)
            {
                values[(int)StandardColumn.BirthDate] = values[(int)StandardColumn.BirthDate]!.Replace('-', '/');
            }
            crowd.Add(new IdentityRecord(1, original.RecordId + "-again", values));
        }

        return crowd;
    }

    [Fact]
    public void Records_of_a_name_block_set_aside_for_size_still_meet_under_later_rules()
    {
        // Forty John Smiths make the "given_name + family_name" block too big to compare; the two
        // born on the same day must still be compared under "family_name + birth_date".
        var records = People.Crowd(400, 3).ToList();
        records.AddRange(Enumerable.Range(0, 40).Select(n => People.Record($"js{n}", given: "John", family: "Smith", birthDate: new DateOnly(1950, 1, 1).AddDays(n * 97).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), zip: "59101")));
        records.Add(People.Record("js7-again", given: "John", family: "Smith", birthDate: new DateOnly(1950, 1, 1).AddDays(7 * 97).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), zip: "59101", source: 1));

        var result = LinkageEngine.Run(records, new LinkageOptions { CompareAllUpTo = 0, MaxBlockSize = 30 });

        Assert.True(result.Blocking.Rules.Single(r => r.Rule == "given_name + family_name").BlocksOverLimit >= 1);
        Assert.Equal(1, result.Blocking.Rules.Single(r => r.Rule == "family_name + birth_date").NewPairs);
    }

    [Fact]
    public void A_record_with_one_name_meets_the_family_it_names_under_family_name_and_zip()
    {
        // "Weedon" alone in the given-name field and no birth date: only the name, read as a
        // family name, and the ZIP can bring the record to Margaret Weedon.
        var records = People.Crowd(400, 8).ToList();
        records.Add(People.Record("margaret", given: "Margaret", family: "Weedon", birthDate: "1954-01-01", sex: "F", zip: "29001"));
        var without = NewPairs(LinkageEngine.Run(records, new LinkageOptions { CompareAllUpTo = 0 }), "family_name + zip");

        records.Add(People.Record("weedon", given: "Weedon", sex: "F", zip: "29001", source: 1));
        var result = LinkageEngine.Run(records, new LinkageOptions { CompareAllUpTo = 0 });

        Assert.Equal(without + 1, NewPairs(result, "family_name + zip"));
    }

    [Fact]
    public void A_pair_a_rule_keys_together_but_does_not_admit_is_left_to_later_rules()
    {
        // "lone name + city" puts Richard and Dick Crawshay of one town in a block with the record
        // that says only "Crawshay", but compares just the pairs with that record; the two men's
        // own pair must then still be compared under "family_name + birth year".
        var records = People.Crowd(400, 9).ToList();
        records.Add(People.Record("alone", given: "Crawshay", city: "West Devon", source: 1));
        records.Add(People.Record("richard", given: "Richard", family: "Crawshay", birthDate: "1862-01-01", city: "West Devon"));
        var without = LinkageEngine.Run(records, new LinkageOptions { CompareAllUpTo = 0 });

        records.Add(People.Record("dick", given: "Dick", family: "Crawshay", birthDate: "1862-03-05", city: "West Devon", source: 1));
        var result = LinkageEngine.Run(records, new LinkageOptions { CompareAllUpTo = 0 });

        Assert.Equal(1, NewPairs(without, "lone name + city"));
        Assert.Equal(2, NewPairs(result, "lone name + city"));
        Assert.Equal(NewPairs(without, "family_name + birth year") + 1, NewPairs(result, "family_name + birth year"));
    }

    [Fact]
    public void Without_a_record_of_one_name_the_lone_name_rule_is_left_out()
    {
        var records = People.Crowd(400, 9).Select(r => r with { Values = With(r.Values, StandardColumn.City, "West Devon") }).ToList();

        var result = LinkageEngine.Run(records, new LinkageOptions { CompareAllUpTo = 0 });

        Assert.DoesNotContain(result.Blocking.Rules, r => r.Rule == "lone name + city");
        Assert.Contains(result.Blocking.Rules, r => r.Rule == "family_name + city + given initial");
    }

    private static long NewPairs(LinkageResult result, string rule) => result.Blocking.Rules.Single(r => r.Rule == rule).NewPairs;

    [Fact]
    public void Birth_date_m_comes_from_pairs_sharing_an_ssn_not_from_namesakes_in_one_household()
    {
        // Every crowd member is seen again by a second agency under the same SSN; in 60 households
        // a child carries the parent's given name (no SSN of its own yet), born at least 18 years later.
        var crowd = People.Crowd(3000, 5).ToList();
        var random = new Random(5);
        var records = new List<IdentityRecord>();
        foreach (var (person, n) in crowd.Select((p, n) => (p, n)))
        {
            var values = (string?[])person.Values.Clone();
            values[(int)StandardColumn.Ssn] = $"{random.Next(100, 666)}-{random.Next(10, 99)}-{random.Next(1000, 9999)}";
            records.Add(person with { Values = values });
            records.Add(new IdentityRecord(1, person.RecordId + "-again", values));
        }

        var namesakes = crowd.GroupBy(p => p[StandardColumn.Street]).Where(h => h.Count() >= 2).Take(60).Select(h => h.First()).ToList();
        foreach (var parent in namesakes)
        {
            var values = (string?[])parent.Values.Clone();
            values[(int)StandardColumn.BirthDate] = DateOnly.Parse(parent[StandardColumn.BirthDate]!, System.Globalization.CultureInfo.InvariantCulture).AddYears(18 + random.Next(20)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            records.Add(new IdentityRecord(2, parent.RecordId + "-junior", values));
        }

        var result = LinkageEngine.Run(records, new LinkageOptions());

        Assert.True(result.Model.Single(c => c.Name == "birth_date").Levels[^1].M < 0.01, $"m(more than ten years apart) {result.Model.Single(c => c.Name == "birth_date").Levels[^1].M:0.000}");
    }

    [Fact]
    public void Duplicates_with_typos_are_found_and_strangers_kept_apart()
    {
        var records = CrowdWithDuplicates(500, 1);
        var result = LinkageEngine.Run(records, new LinkageOptions());
        foreach (var duplicate in records.Where(r => r.RecordId.EndsWith("-again", StringComparison.Ordinal)))
        {
            Assert.True(SamePerson(result, duplicate.RecordId, duplicate.RecordId.Replace("-again", string.Empty, StringComparison.Ordinal)), duplicate.RecordId);
        }

        var merged = Enumerable.Range(0, result.Count).GroupBy(i => result.Cluster[i])
            .Where(g => g.Select(i => result.RecordIdOf(i).Replace("-again", string.Empty, StringComparison.Ordinal)).Distinct().Count() > 1)
            .Select(g => string.Join(" + ", g.Select(i => string.Join(" ", records[i].Values.Where(v => v is not null)))))
            .ToList();
        Assert.True(merged.Count == 0, string.Join("\n", merged));
    }

    [Fact]
    public void Twins_who_share_birth_date_surname_address_and_phone_stay_two_people()
    {
        var records = CrowdWithDuplicates(400, 2);
        records.Add(People.Record("twin-a", given: "Jamal", family: "Okafor", birthDate: "2010-04-04", sex: "M", street: "5 Elm Street Apt 2", zip: "10050", phone: "555-201-3344"));
        records.Add(People.Record("twin-b", given: "Amara", family: "Okafor", birthDate: "2010-04-04", sex: "F", street: "5 Elm Street Apt 2", zip: "10050", phone: "555-201-3344"));
        records.Add(People.Record("twin-a-again", given: "JAMAL", family: "OKAFOR", birthDate: "04/04/2010", sex: "M", street: "5 elm st #2", zip: "10050", source: 1));
        var result = LinkageEngine.Run(records, new LinkageOptions());
        Assert.False(SamePerson(result, "twin-a", "twin-b"));
        Assert.True(SamePerson(result, "twin-a", "twin-a-again"));
        Assert.False(SamePerson(result, "twin-b", "twin-a-again"));
    }

    [Fact]
    public void Records_that_link_to_nothing_stay_one_person_each()
    {
        var records = new List<IdentityRecord>
        {
            People.Record("a", given: "Ada", family: "Lovelace", birthDate: "1815-12-10"),
            People.Record("b", given: "Alan", family: "Turing", birthDate: "1912-06-23"),
            People.Record("c", given: "Grace", family: "Hopper", birthDate: "1906-12-09", source: 1),
        };

        var result = LinkageEngine.Run(records, new LinkageOptions());

        Assert.Equal([0, 1, 2], result.Cluster);
    }

    [Fact]
    public void Placeholder_ssns_do_not_join_strangers()
    {
        var crowd = People.Crowd(300, 3).ToList();
        var withPlaceholders = crowd
            .Select((r, n) => n < 60 ? r with { Values = With(r.Values, StandardColumn.Ssn, n % 2 == 0 ? "999-99-9999" : "000000000") } : r)
            .ToList();
        var result = LinkageEngine.Run(withPlaceholders, new LinkageOptions { CompareAllUpTo = 0 });
        Assert.Equal(LinkageEngine.Run(crowd, new LinkageOptions { CompareAllUpTo = 0 }).Cluster, result.Cluster);
        Assert.Equal(0, result.Blocking.Rules.Single(r => r.Rule == "ssn").RecordsWithKey);
    }

    [Fact]
    public void Two_valid_ssns_far_apart_keep_namesakes_apart()
    {
        var records = People.Crowd(300, 4).ToList();
        records.Add(People.Record("father", given: "Robert", family: "Lindqvist", birthDate: "1960-01-01", ssn: "123-45-6780", street: "1 Oak Ave", zip: "10010"));
        records.Add(People.Record("son", given: "Robert", family: "Lindqvist", birthDate: "1960-01-01", ssn: "287-65-4321", street: "1 Oak Ave", zip: "10010"));
        var result = LinkageEngine.Run(records, new LinkageOptions());
        Assert.False(SamePerson(result, "father", "son"));
    }

    [Fact]
    public void A_father_and_his_junior_at_one_address_stay_two_people_though_a_year_typed_backwards_is_one()
    {
        // A rare name, one address and one phone: everything but the birth date says "same person".
        var records = People.Crowd(300, 4).ToList();
        records.Add(People.Record("senior", given: "Thaddeus", family: "Wojciechowski", birthDate: "1952-04-11", street: "14 Alder Ct", zip: "10010", phone: "555-201-7788"));
        records.Add(People.Record("junior", given: "Thaddeus", family: "Wojciechowski", birthDate: "1979-08-02", street: "14 Alder Ct", zip: "10010", phone: "555-201-7788", source: 1));
        records.Add(People.Record("typed", given: "Philippa", family: "Quennell", birthDate: "1985-06-21", street: "9 Birch Rd", zip: "10011", phone: "555-301-1234"));
        records.Add(People.Record("backwards", given: "Philippa", family: "Quennell", birthDate: "1958-06-21", street: "9 Birch Rd", zip: "10011", phone: "555-301-1234", source: 1));

        var result = LinkageEngine.Run(records, new LinkageOptions());

        Assert.False(SamePerson(result, "senior", "junior"));
        Assert.True(SamePerson(result, "typed", "backwards"));
    }

    [Fact]
    public void Encoded_ssns_far_apart_and_encoded_birth_dates_decades_apart_keep_namesakes_apart()
    {
        // Every agency sends names, birth date, street and SSN encoded: the hub cannot read a year or
        // an SSN, but one person's filters stay close and two people's do not.
        var records = People.Crowd(300, 4).Select(EncodedCopy).ToList();
        records.Add(EncodedCopy(People.Record("wage-1", given: "Thaddeus", family: "Wojciechowski", ssn: "123-45-6780", street: "14 Alder Ct", zip: "10010")));
        records.Add(EncodedCopy(People.Record("wage-2", given: "Thaddeus", family: "Wojciechowski", ssn: "287-65-4321", street: "14 Alder Ct", zip: "10010", source: 1)));
        records.Add(EncodedCopy(People.Record("senior", given: "Philippa", family: "Quennell", birthDate: "1952-04-11", street: "9 Birch Rd", zip: "10011")));
        records.Add(EncodedCopy(People.Record("junior", given: "Philippa", family: "Quennell", birthDate: "1979-08-02", street: "9 Birch Rd", zip: "10011", source: 1)));
        records.Add(EncodedCopy(People.Record("typed", given: "Ottoline", family: "Vavasour", birthDate: "1985-06-21", street: "3 Cedar Ln", zip: "10012")));
        records.Add(EncodedCopy(People.Record("typo", given: "Ottoline", family: "Vavasour", birthDate: "1985-06-12", street: "3 Cedar Ln", zip: "10012", source: 1)));

        var result = LinkageEngine.Run(records, new LinkageOptions());

        Assert.False(SamePerson(result, "wage-1", "wage-2"));
        Assert.False(SamePerson(result, "senior", "junior"));
        Assert.True(SamePerson(result, "typed", "typo"));
    }

    /// <summary>The record with its names, birth date, street and SSN as field-level Bloom filters.</summary>
    private static IdentityRecord EncodedCopy(IdentityRecord record)
    {
        var values = (string?[])record.Values.Clone();
        foreach (var (plain, encoded) in new[] { (StandardColumn.GivenName, StandardColumn.GivenNameClk), (StandardColumn.FamilyName, StandardColumn.FamilyNameClk), (StandardColumn.BirthDate, StandardColumn.BirthDateClk), (StandardColumn.Street, StandardColumn.StreetClk), (StandardColumn.Ssn, StandardColumn.SsnClk) })
        {
            values[(int)encoded] = values[(int)plain] is { Length: > 0 } value ? TestBloomFilters.Encode(value.Replace("-", string.Empty, StringComparison.Ordinal)) : null;
            values[(int)plain] = null;
        }

        return record with { Values = values };
    }

    [Fact]
    public void A_block_over_the_limit_is_set_aside_and_reported()
    {
        var records = People.Crowd(200, 5).ToList();
        for (var n = 0; n < 30; n++)
        {
            records.Add(People.Record($"same-{n}", given: "Maria", family: "Garcia", birthDate: $"19{50 + n}-01-01", zip: "10001"));
        }

        var result = LinkageEngine.Run(records, new LinkageOptions { MaxBlockSize = 20, CompareAllUpTo = 0 });
        var rule = result.Blocking.Rules.Single(r => r.Rule == "given_name + family_name");
        Assert.Equal(1, rule.BlocksOverLimit);
        Assert.Equal(30L * 29 / 2, rule.PairsOverLimit);
        Assert.All(rule.LargestBlocks, size => Assert.True(size <= 20));
    }

    [Fact]
    public void The_same_input_gives_the_same_persons_and_pairs()
    {
        var records = CrowdWithDuplicates(600, 6);
        var options = new LinkageOptions { CompareAllUpTo = 0 };
        var first = LinkageEngine.Run(records, options);
        var second = LinkageEngine.Run(records, options);
        Assert.Equal(first.Cluster, second.Cluster);
        Assert.Equal(first.Pairs, second.Pairs);
    }

    [Fact]
    public void A_pairs_explanation_adds_up_to_its_match_weight()
    {
        var records = CrowdWithDuplicates(300, 7);
        var result = LinkageEngine.Run(records, new LinkageOptions());
        var pair = result.Pairs.OrderByDescending(p => p.MatchProbability).First();
        var steps = result.Explain(pair.Left, pair.Right);
        Assert.Equal("prior", steps[0].Comparison);
        Assert.Equal(pair.MatchWeight, steps.Sum(s => s.Weight), 9);
        Assert.Contains(steps, s => s.Comparison == "given_name" && s.Left is not null && s.Right is not null);
    }

    private static string?[] With(string?[] values, StandardColumn column, string value)
    {
        var copy = (string?[])values.Clone();
        copy[(int)column] = value;
        return copy;
    }
}
