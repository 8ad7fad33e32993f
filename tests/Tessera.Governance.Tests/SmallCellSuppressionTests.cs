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
