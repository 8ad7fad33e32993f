using Tessera.Linkage.Clustering;
using Tessera.Linkage.Records;
using Tessera.Linkage.Running;

namespace Tessera.Linkage.Tests;

public sealed class LinkConstraintTests
{
    [Fact]
    public void Records_kept_apart_stay_apart_however_strong_their_links()
    {
        var records = People.Crowd(300, 3).ToList();
        var twin = records[0] with { RecordId = "same-again" };
        records.Add(twin);
        var free = LinkageEngine.Run(records, new LinkageOptions());
        Assert.Equal(free.Cluster[0], free.Cluster[records.Count - 1]);

        var apart = LinkageEngine.Run(records, new LinkageOptions(), new LinkConstraints { KeptApart = [(0, records.Count - 1)] });

        Assert.NotEqual(apart.Cluster[0], apart.Cluster[records.Count - 1]);
    }

    [Fact]
    public void Confirmed_pairs_are_one_person_even_without_a_link()
    {
        var records = People.Crowd(300, 4).ToList();
        var free = LinkageEngine.Run(records, new LinkageOptions());
        Assert.NotEqual(free.Cluster[10], free.Cluster[200]);

        var joined = LinkageEngine.Run(records, new LinkageOptions(), new LinkConstraints { Confirmed = [(10, 200)] });

        Assert.Equal(joined.Cluster[10], joined.Cluster[200]);
    }

    [Fact]
    public void A_split_is_not_undone_through_a_third_record()
    {
        // Records 0 and last are kept apart; a copy of both in the middle must not chain them together.
        var records = People.Crowd(300, 5).ToList();
        records.Add(records[0] with { RecordId = "copy-1" });
        records.Add(records[0] with { RecordId = "copy-2" });
        var last = records.Count - 1;

        var result = LinkageEngine.Run(records, new LinkageOptions(), new LinkConstraints { KeptApart = [(0, last)] });

        Assert.NotEqual(result.Cluster[0], result.Cluster[last]);
    }

    [Fact]
    public void A_child_is_never_joined_to_a_worker_paid_before_the_child_turned_fourteen()
    {
        static IdentityRecord Wages(string id, string year)
        {
            var values = new string?[StandardColumns.Count];
            values[(int)StandardColumn.GivenName] = "Mateo";
            values[(int)StandardColumn.FamilyName] = "Quispe";
            values[(int)StandardColumn.Ssn] = "219-44-8071";
            values[(int)StandardColumn.AdultInYear] = year;
            return new IdentityRecord(2, id, values);
        }

        var crowd = People.Crowd(400, 6).ToList();
        var records = crowd.Concat(crowd.Take(150).Select(r => r with { RecordId = r.RecordId + "-again", Source = 2 })).ToList();
        records.Add(People.Record("child", given: "Mateo", family: "Quispe", birthDate: "2016-03-02", source: 1));
        records.Add(Wages("wages-2023", "2023"));
        records.Add(Wages("wages-2024", "2024"));

        var result = LinkageEngine.Run(records, new LinkageOptions());
        int At(string id) => records.FindIndex(r => r.RecordId == id);

        Assert.Equal(result.Cluster[At("wages-2023")], result.Cluster[At("wages-2024")]);
        Assert.NotEqual(result.Cluster[At("child")], result.Cluster[At("wages-2023")]);
    }

    [Fact]
    public void A_deterministic_rule_joins_records_agreeing_on_a_valid_ssn_and_birth_date_whatever_the_names()
    {
        var records = People.Crowd(300, 7).ToList();
        records.Add(People.Record("maiden", given: "Lucia", family: "Ferreira", birthDate: "1984-02-29", ssn: "219-44-8071", source: 1));
        records.Add(People.Record("married", given: "Lu", family: "Okonkwo", birthDate: "02/29/1984", ssn: "219448071", source: 2));
        records.Add(People.Record("placeholder-1", given: "Ann", family: "Kim", birthDate: "1990-01-01", ssn: "123-45-6789", source: 1));
        records.Add(People.Record("placeholder-2", given: "Joe", family: "Roe", birthDate: "1990-01-01", ssn: "123-45-6789", source: 2));
        int At(string id) => records.FindIndex(r => r.RecordId == id);
        var rules = new LinkageOptions { DeterministicRules = [[StandardColumn.Ssn, StandardColumn.BirthDate]] };

        var free = LinkageEngine.Run(records, new LinkageOptions());
        var ruled = LinkageEngine.Run(records, rules);
        var overruled = LinkageEngine.Run(records, rules, new LinkConstraints { KeptApart = [(At("maiden"), At("married"))] });

        Assert.NotEqual(free.Cluster[At("maiden")], free.Cluster[At("married")]);
        Assert.Equal(ruled.Cluster[At("maiden")], ruled.Cluster[At("married")]);
        Assert.NotEqual(ruled.Cluster[At("placeholder-1")], ruled.Cluster[At("placeholder-2")]);
        Assert.NotEqual(overruled.Cluster[At("maiden")], overruled.Cluster[At("married")]);
    }
}
