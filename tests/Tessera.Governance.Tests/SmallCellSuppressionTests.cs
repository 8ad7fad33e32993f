using Google.OrTools.LinearSolver;
using Tessera.Governance.Disclosure;

namespace Tessera.Governance.Tests;

/// <summary>
/// Small-cell suppression, checked the way an attacker would attack it: every published table is
/// solved with linear programming for the smallest and largest value each hidden cell can take
/// under the published cells and totals (counts are non-negative; cells of a breakdown add up to
/// the period's total). No hidden cell may be pinned to one value or to a range inside 1–10.
/// </summary>
public sealed class SmallCellSuppressionTests
{
    private const double Unbounded = 1e9;

    [Fact]
    public void A_small_cell_and_its_smallest_neighbour_are_hidden()
    {
        Figure[] table =
        [
            new("all", "all", "2024-01", 100, null),
            new("provider", "A", "2024-01", 3, null),
            new("provider", "B", "2024-01", 40, null),
            new("provider", "C", "2024-01", 57, null),
        ];

        var hidden = SmallCellSuppression.Apply(table);

        Assert.Equal([Suppression.None, Suppression.SmallCell, Suppression.Complementary, Suppression.None], hidden);
        AssertNothingRecoverable(table, hidden);
    }

    [Fact]
    public void A_rate_whose_complement_is_small_is_hidden()
    {
        Figure[] table = [new("all", "all", "2024-01", 195, 200)];

        Assert.Equal(Suppression.SmallCell, SmallCellSuppression.Apply(table)[0]);
    }

    [Fact]
    public void Zero_is_shown_and_large_cells_are_left_alone()
    {
        Figure[] table =
        [
            new("all", "all", "2024-01", 80, 300),
            new("provider", "A", "2024-01", 0, 100),
            new("provider", "B", "2024-01", 80, 200),
        ];

        Assert.All(SmallCellSuppression.Apply(table), s => Assert.Equal(Suppression.None, s));
    }

    [Fact]
    public void No_hidden_cell_of_many_random_tables_can_be_recovered_from_the_totals()
    {
        var random = new Random(20261202);
        var checkedCells = 0;
        for (var t = 0; t < 300; t++)
        {
            var table = RandomTable(random);
            var hidden = SmallCellSuppression.Apply(table);
            checkedCells += AssertNothingRecoverable(table, hidden);
            Assert.All(table.Zip(hidden), x => Assert.True(x.Second != Suppression.None || !Small(x.First), $"table {t}: {x.First} is small but shown"));
        }

        Assert.True(checkedCells > 300, $"only {checkedCells} hidden cells were checked");
    }

    [Fact]
    public void Groups_with_published_totals_hide_a_neighbour_of_each_small_cell()
    {
        // Families in one system (cells 0–2) and in several (cells 3–5), each group's total published.
        long[] counts = [100, 40, 5, 30, 12, 3];
        IReadOnlyList<int>[] groups = [[0, 1, 2], [3, 4, 5]];

        var hidden = SmallCellSuppression.Apply(counts, groups);

        // 5 alone in its group would be its total less the shown cells: 40 goes with it; 3 and 12 hold 15, more than 10.
        Assert.Equal([Suppression.None, Suppression.Complementary, Suppression.SmallCell, Suppression.None, Suppression.Complementary, Suppression.SmallCell], hidden);
        AssertNothingRecoverable(counts, groups, hidden);
    }

    [Fact]
    public void Overlapping_groups_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SmallCellSuppression.Apply([5, 20, 30], [[0, 1], [1, 2]]));
    }

    [Fact]
    public void No_hidden_combination_of_many_random_upset_charts_can_be_recovered_from_the_group_totals()
    {
        var random = new Random(20261205);
        var checkedCells = 0;
        for (var t = 0; t < 300; t++)
        {
            // An UpSet chart of 2 to 5 sets: persons each in a random non-empty combination; the combinations with someone are the cells,
            // published with the grand total only, or (as families are) with the totals of one-system and several-system combinations.
            var sets = random.Next(2, 6);
            var counts = new Dictionary<int, long>();
            for (var p = random.Next(5, 300); p > 0; p--)
            {
                var mask = random.Next(1, 1 << sets);
                counts[mask] = counts.GetValueOrDefault(mask) + 1;
            }

            var masks = counts.Keys.Order().ToList();
            IReadOnlyList<IReadOnlyList<int>> groups = random.Next(2) == 0
                ? [[.. Enumerable.Range(0, masks.Count)]]
                : [[.. masks.Select((m, i) => (m, i)).Where(x => int.PopCount(x.m) == 1).Select(x => x.i)], [.. masks.Select((m, i) => (m, i)).Where(x => int.PopCount(x.m) > 1).Select(x => x.i)]];
            var cells = masks.Select(m => counts[m]).ToList();
            var hidden = SmallCellSuppression.Apply(cells, groups);
            Assert.All(cells.Zip(hidden), x => Assert.True(x.Second != Suppression.None || x.First is 0 or > 10, $"chart {t}: {x.First} shown"));
            // The totals published are those of the groups the suppression protects; the others are withheld.
            checkedCells += AssertNothingRecoverable(cells, [.. groups.Where(g => SmallCellSuppression.Protects(cells, g, hidden))], hidden);
        }

        Assert.True(checkedCells > 300, $"only {checkedCells} hidden cells were checked");
    }

    /// <summary>Solves the published cells and group totals for every hidden cell's range; returns how many were checked.</summary>
    private static int AssertNothingRecoverable(IReadOnlyList<long> counts, IReadOnlyList<IReadOnlyList<int>> relations, IReadOnlyList<Suppression> hidden)
    {
        var checkedCells = 0;
        for (var target = 0; target < counts.Count; target++)
        {
            if (hidden[target] == Suppression.None)
            {
                continue;
            }

            var (low, high) = (Solve(counts, relations, hidden, target, maximise: false), Solve(counts, relations, hidden, target, maximise: true));
            Assert.False(Math.Abs(high - low) < 1e-6, $"cell {target} ({counts[target]}) is pinned to {low}");
            Assert.False(low >= 1 - 1e-6 && high <= 10 + 1e-6, $"cell {target} ({counts[target]}) lies within {low}–{high}");
            checkedCells++;
        }

        return checkedCells;
    }

    private static double Solve(IReadOnlyList<long> counts, IReadOnlyList<IReadOnlyList<int>> relations, IReadOnlyList<Suppression> hidden, int target, bool maximise)
    {
        using var solver = Solver.CreateSolver("GLOP");
        var variables = Enumerable.Range(0, counts.Count).Where(i => hidden[i] != Suppression.None).ToDictionary(i => i, i => solver.MakeNumVar(0, Unbounded, "x" + i));
        foreach (var members in relations)
        {
            // The relation's total is published: its hidden members add up to the total less the shown ones.
            var rest = members.Where(i => !variables.ContainsKey(i)).Sum(i => (double)counts[i]);
            var total = members.Sum(i => (double)counts[i]);
            var constraint = solver.MakeConstraint(total - rest, total - rest);
            foreach (var i in members.Where(variables.ContainsKey))
            {
                constraint.SetCoefficient(variables[i], 1);
            }
        }

        var objective = solver.Objective();
        objective.SetCoefficient(variables[target], 1);
        if (maximise)
        {
            objective.SetMaximization();
        }
        else
        {
            objective.SetMinimization();
        }

        return solver.Solve() == Solver.ResultStatus.OPTIMAL ? objective.Value() : throw new InvalidOperationException("The published chart has no solution.");
    }

    private static bool Small(Figure f) =>
        f.Numerator is >= 1 and <= 10 || f.Denominator is >= 1 and <= 10 || (f.Numerator is { } n && f.Denominator is { } d && d - n is >= 1 and <= 10);

    /// <summary>A table of 1–3 periods × 1–2 breakdowns of 2–6 groups, numerators and denominators, with many small cells.</summary>
    private static List<Figure> RandomTable(Random random)
    {
        var figures = new List<Figure>();
        var dimensions = random.Next(1, 3);
        var groups = Enumerable.Range(0, dimensions).Select(_ => random.Next(2, 7)).ToArray();
        for (var p = 0; p < random.Next(1, 4); p++)
        {
            var period = "P" + p;
            var persons = Enumerable.Range(0, random.Next(5, 200)).Select(_ => (Hit: random.NextDouble() < 0.3, Groups: groups.Select(g => random.Next(g)).ToArray())).ToList();
            figures.Add(new Figure("all", "all", period, persons.Count(x => x.Hit), persons.Count));
            for (var d = 0; d < dimensions; d++)
            {
                for (var g = 0; g < groups[d]; g++)
                {
                    var members = persons.Where(x => x.Groups[d] == g).ToList();
                    figures.Add(new Figure("d" + d, "g" + g, period, members.Count(x => x.Hit), members.Count));
                }
            }
        }

        return figures;
    }

    /// <summary>Solves the published table for every hidden cell's range, for numerators and denominators alike; returns how many ranges were checked.</summary>
    private static int AssertNothingRecoverable(IReadOnlyList<Figure> table, IReadOnlyList<Suppression> hidden)
    {
        var checkedRanges = 0;
        foreach (var count in new Func<Figure, long?>[] { f => f.Numerator, f => f.Denominator })
        {
            if (table.All(f => count(f) is null))
            {
                continue;
            }

            for (var target = 0; target < table.Count; target++)
            {
                if (hidden[target] == Suppression.None)
                {
                    continue;
                }

                var (low, high) = (Solve(table, hidden, count, target, maximise: false), Solve(table, hidden, count, target, maximise: true));
                Assert.False(Math.Abs(high - low) < 1e-6, $"{table[target]} is pinned to {low}");
                Assert.False(low >= 1 - 1e-6 && high <= 10 + 1e-6, $"{table[target]} lies within {low}–{high}");
                checkedRanges++;
            }
        }

        return checkedRanges;
    }

    private static double Solve(IReadOnlyList<Figure> table, IReadOnlyList<Suppression> hidden, Func<Figure, long?> count, int target, bool maximise)
    {
        using var solver = Solver.CreateSolver("GLOP");
        var variables = new Dictionary<int, Variable>();
        for (var i = 0; i < table.Count; i++)
        {
            if (hidden[i] != Suppression.None)
            {
                // A finite bound far above any count: GLOP reports some unbounded problems as infeasible.
                variables[i] = solver.MakeNumVar(0, Unbounded, "x" + i);
            }
        }

        foreach (var relation in table.Select((f, i) => (f, i)).Where(x => !x.f.IsTotal).GroupBy(x => (x.f.Period, x.f.Dimension)))
        {
            var total = table.Select((f, i) => (f, i)).Single(x => x.f.IsTotal && x.f.Period == relation.Key.Period).i;
            var constraint = solver.MakeConstraint(0, 0);
            var known = 0.0;
            foreach (var (_, i) in relation)
            {
                if (variables.TryGetValue(i, out var v))
                {
                    constraint.SetCoefficient(v, 1);
                }
                else
                {
                    known += count(table[i]) ?? 0;
                }
            }

            if (variables.TryGetValue(total, out var t))
            {
                constraint.SetCoefficient(t, -1);
            }
            else
            {
                known -= count(table[total]) ?? 0;
            }

            constraint.SetBounds(-known, -known);
        }

        var objective = solver.Objective();
        objective.SetCoefficient(variables[target], 1);
        if (maximise)
        {
            objective.SetMaximization();
        }
        else
        {
            objective.SetMinimization();
        }

        return solver.Solve() switch
        {
            Solver.ResultStatus.OPTIMAL => objective.Value(),
            var status => throw new InvalidOperationException($"The published table has no solution ({status}): totals and cells disagree."),
        };
    }
}
