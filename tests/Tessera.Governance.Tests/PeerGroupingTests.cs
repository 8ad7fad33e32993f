using Tessera.Governance.Disclosure;
using Tessera.Governance.Keys;

namespace Tessera.Governance.Tests;

/// <summary>
/// A provider comparing itself with its peers knows its own figure, and the program's total is
/// published: no peer it cannot see may be recoverable from what it can.
/// </summary>
public sealed class PeerGroupingTests
{
    [Fact]
    public void A_small_peer_is_grouped_with_the_smallest_other_and_never_shown_alone()
    {
        var shown = PeerGrouping.Decide([(1, 3), (20, 40), (30, 57)]);

        Assert.Equal([PeerShown.Grouped, PeerShown.Grouped, PeerShown.Alone], shown);
    }

    [Fact]
    public void Peers_too_few_to_hide_one_among_are_not_shown_at_all()
    {
        Assert.Equal([PeerShown.Withheld], PeerGrouping.Decide([(2, 5)]));
        Assert.Equal([PeerShown.Withheld, PeerShown.Withheld], PeerGrouping.Decide([(1, 4), (2, 5)])); // together 9: still small
        Assert.Equal([PeerShown.Alone, PeerShown.Alone], PeerGrouping.Decide([(20, 40), (0, 57)]));
    }

    [Fact]
    public void No_grouped_peer_of_many_random_programs_can_be_recovered_from_the_published_figures()
    {
        // Published: each peer shown alone; the group's sum; the program's total (so, with the
        // viewer's own figure, the sum of everyone else). A grouped peer's count is then bounded only
        // by 0 and the group's sum — so the group must have two members or more and hold more than
        // 10 in each count (and its complement), or everything is withheld.
        var random = new Random(20261205);
        var grouped = 0;
        for (var t = 0; t < 2000; t++)
        {
            var peers = Enumerable.Range(0, random.Next(1, 8)).Select(_ =>
            {
                var denominator = (long)random.Next(1, random.NextDouble() < 0.5 ? 15 : 300);
                return ((long?)random.Next(0, (int)denominator + 1), denominator);
            }).ToList();

            var shown = PeerGrouping.Decide(peers);

            var small = peers.Select(p => p.Item2 <= 10 || p.Item1 is >= 1 and <= 10 || p.Item2 - p.Item1 is >= 1 and <= 10).ToList();
            Assert.All(Enumerable.Range(0, peers.Count), i => Assert.False(small[i] && shown[i] == PeerShown.Alone, $"program {t}: small peer {peers[i]} shown alone"));
            if (shown.Contains(PeerShown.Withheld))
            {
                Assert.All(shown, s => Assert.Equal(PeerShown.Withheld, s));
                continue;
            }

            var members = peers.Where((_, i) => shown[i] == PeerShown.Grouped).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            grouped++;
            var (numerator, denominator) = (members.Sum(m => m.Item1!.Value), members.Sum(m => m.Item2));
            Assert.True(members.Count >= 2, $"program {t}: a group of one");
            Assert.True(denominator > 10 && numerator is 0 or > 10 && (denominator - numerator) is 0 or > 10, $"program {t}: the group {numerator}/{denominator} is small");
        }

        Assert.True(grouped > 300, $"only {grouped} programs needed a group");
    }

    [Fact]
    public void Labels_are_stable_for_a_viewer_and_differ_between_viewers_and_keys()
    {
        var labels = new PeerLabels(DataKey.Generate("workspace", 1));

        var first = labels.Of("WF01", "job-training", "WF02");

        Assert.Matches("^Peer [0-9A-HJKMNP-TV-Z]{5}$", first);
        Assert.Equal(first, labels.Of("WF01", "job-training", "WF02"));
        Assert.NotEqual(first, labels.Of("WF03", "job-training", "WF02")); // another viewer
        Assert.NotEqual(first, new PeerLabels(DataKey.Generate("workspace", 1)).Of("WF01", "job-training", "WF02")); // another workspace
        Assert.Equal(7, Enumerable.Range(1, 7).Select(i => labels.Of("WF01", "job-training", $"WF0{i}")).Distinct().Count());
    }
}
