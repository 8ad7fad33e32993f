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
}
