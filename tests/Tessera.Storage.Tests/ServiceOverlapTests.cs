using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Planning;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Tests;

/// <summary>
/// The service overlap of the demo county (20,000 people, seed 1) against its truth: for every
/// combination of agencies, the persons the linked data put there against the persons
/// <c>truth/records.csv</c> puts there (counting a source for a person by their client records —
/// UI wage records, which employers report, make nobody a client of the workforce agency).
/// </summary>
[Collection(CountyOf20000.Name)]
public sealed class ServiceOverlapTests(EvaluationTests.County county)
{
    [Fact]
    public void Every_combination_of_agencies_holds_the_persons_the_truth_puts_there()
    {
        var overlap = ServiceOverlap.Of(county.Admin);
        var truth = TruthCombinations();

        var ours = overlap.Rows.ToDictionary(r => r.Key, r => r.Persons!.Value, StringComparer.Ordinal);
        var differences = truth.Keys.Union(ours.Keys).Select(k => (Key: k, Truth: truth.GetValueOrDefault(k), Ours: ours.GetValueOrDefault(k))).ToList();
        // Within 3%, or — where 3% is under two persons — within two: one person the linkage splits moves two counts by one.
        var outside = differences.Where(d => Math.Abs(d.Ours - d.Truth) > Math.Max(0.03 * d.Truth, 2)).ToList();
        Assert.True(outside.Count == 0, "outside: " + string.Join("; ", outside.Select(d => $"{d.Key} {d.Ours} against {d.Truth}")));
        Assert.True(truth.Count >= 40, $"{truth.Count} combinations");
        Assert.InRange(overlap.Persons!.Value, truth.Values.Sum() * 0.99, truth.Values.Sum() * 1.01);
        Assert.True(overlap.FamiliesAcrossSystems > 0);
        Assert.All(overlap.Rows, r => Assert.Equal(r.Sources.Order(StringComparer.Ordinal), r.Sources));
    }

    [Fact]
    public void Small_combinations_are_hidden_from_an_analyst_and_none_can_be_recovered_from_a_total()
    {
        var analyst = new Caller(county.Workspace, new AccessUser("analyst@test", Role.Analyst, AccessScope.None), "planning", "test");

        var shown = ServiceOverlap.Of(analyst);

        Assert.False(shown.Exact);
        Assert.All(shown.Rows.Where(r => r.Persons is not null), r => Assert.True(r.Persons is 0 or > 10, r.Key)); // 0: a combination only families make
        // Published beside the cells: the grand totals and the families in several systems. Against each, the hidden cells are none,
        // or two or more holding more than 10; an agency's total is only the sum of the combinations shown.
        var exact = ServiceOverlap.Of(county.Admin).Rows.ToDictionary(r => r.Key, r => (Persons: r.Persons!.Value, Families: r.Families!.Value));
        var hiddenPersons = shown.Rows.Where(r => r.Persons is null).ToList();
        Assert.True(hiddenPersons.Count >= 2 && hiddenPersons.Sum(r => exact[r.Key].Persons) > 10, $"{hiddenPersons.Count} hidden");
        Assert.Equal(exact.Values.Sum(v => v.Persons), shown.Persons);
        foreach (var group in new[] { shown.Rows.Where(r => r.Sources.Count == 1), shown.Rows.Where(r => r.Sources.Count > 1) })
        {
            var hidden = group.Where(r => r.Families is null).ToList();
            Assert.True(hidden.Count == 0 || (hidden.Count >= 2 && hidden.Sum(r => exact[r.Key].Families) > 10), $"{hidden.Count} hidden families");
        }

        Assert.All(shown.SourceTotals, t => Assert.True(t.AtLeast && t.Persons == shown.Rows.Where(r => r.Sources.Contains(t.Source)).Sum(r => r.Persons ?? 0), t.Source));
    }

    [Fact]
    public void A_window_counts_a_source_only_for_persons_with_an_event_of_it_in_the_window()
    {
        var all = ServiceOverlap.Of(county.Admin);
        var year = ServiceOverlap.Of(county.Admin, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));

        Assert.InRange(year.Persons!.Value, 1, all.Persons!.Value - 1);
        Assert.All(year.SourceTotals, t => Assert.True(t.Persons <= all.SourceTotals.Single(a => a.Source == t.Source).Persons, t.Source));
        Assert.Contains("ends", Assert.Throws<WorkspaceException>(() => ServiceOverlap.Of(county.Admin, new DateOnly(2024, 2, 1), new DateOnly(2024, 1, 1))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_year_the_deliveries_report_on_has_its_own_overlap()
    {
        var years = ServiceOverlap.ByYear(county.Admin);
        var all = ServiceOverlap.Of(county.Admin);

        Assert.Equal([2023, 2024, 2025], years.Select(y => y.Year)); // 36 months from 2023-01
        Assert.All(years, y => Assert.InRange(y.Overlap.Persons!.Value, 1, all.Persons!.Value - 1));
        Assert.Equal(ServiceOverlap.Of(county.Admin, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)).Rows.Select(r => (r.Key, r.Persons, r.Families)), years[1].Overlap.Rows.Select(r => (r.Key, r.Persons, r.Families)));
    }

    // Each true person's sources, from truth/records.csv without the UI wage records (the records the county's ui_wages files hold).
    private Dictionary<string, long> TruthCombinations()
    {
        var wages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(county.Folder, "workforce"), "ui_wages.csv", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                wages.Add(line.Split(',')[0]);
            }
        }

        var sources = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(county.Folder, "truth", "records.csv")).Skip(1))
        {
            var cells = line.Split(',');
            if (cells[0] == "workforce" && wages.Contains(cells[1]))
            {
                continue;
            }

            (sources.TryGetValue(cells[2], out var set) ? set : sources[cells[2]] = new SortedSet<string>(StringComparer.Ordinal)).Add(cells[0]);
        }

        return sources.Values.GroupBy(s => string.Join('+', s), StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
    }
}
