using MathNet.Numerics.LinearAlgebra;

namespace Tessera.Metrics.Evaluation;

/// <summary>
/// The design matrix of the characteristics an evaluation adjusts for: an intercept and, for each
/// characteristic, one indicator per category but its most common (the reference). The same
/// indicators, reference included, are what balance is checked on.
/// </summary>
public sealed class Covariates
{
    private Covariates(IReadOnlyList<(string Trait, string Category)> columns, IReadOnlyList<(string Trait, string Category)> levels)
    {
        Columns = columns;
        Levels = levels;
    }

    /// <summary>The design's columns after the intercept: (characteristic, category).</summary>
    public IReadOnlyList<(string Trait, string Category)> Columns { get; }

    /// <summary>Every category of every characteristic, for balance tables.</summary>
    public IReadOnlyList<(string Trait, string Category)> Levels { get; }

    /// <summary>The columns for <paramref name="traits"/> over <paramref name="units"/>.</summary>
    public static Covariates For(IReadOnlyList<EvaluationUnit> units, IReadOnlyList<string> traits)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(traits);
        var columns = new List<(string, string)>();
        var levels = new List<(string, string)>();
        foreach (var trait in traits)
        {
            var counts = units.GroupBy(u => Category(u, trait)).Select(g => (Category: g.Key, Count: g.Count()))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Category, StringComparer.Ordinal).ToList();
            levels.AddRange(counts.OrderBy(c => c.Category, StringComparer.Ordinal).Select(c => (trait, c.Category)));
            columns.AddRange(counts.Skip(1).OrderBy(c => c.Category, StringComparer.Ordinal).Select(c => (trait, c.Category)));
        }

        return new Covariates(columns, levels);
    }

    /// <summary>A unit's category of <paramref name="trait"/> ("unknown" when it has none).</summary>
    public static string Category(EvaluationUnit unit, string trait)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Traits.GetValueOrDefault(trait) ?? "unknown";
    }

    /// <summary>The design matrix: intercept, then <see cref="Columns"/>, then any <paramref name="extra"/> columns per unit.</summary>
    public Matrix<double> Design(IReadOnlyList<EvaluationUnit> units, int extra = 0, Action<int, double[]>? fill = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        var width = 1 + Columns.Count + extra;
        var x = Matrix<double>.Build.Dense(units.Count, width);
        var row = new double[width];
        for (var i = 0; i < units.Count; i++)
        {
            Array.Clear(row);
            row[0] = 1;
            for (var c = 0; c < Columns.Count; c++)
            {
                row[1 + c] = Category(units[i], Columns[c].Trait) == Columns[c].Category ? 1 : 0;
            }

            if (fill is not null)
            {
                var values = new double[extra];
                fill(i, values);
                Array.Copy(values, 0, row, 1 + Columns.Count, extra);
            }

            x.SetRow(i, row);
        }

        return x;
    }
}
