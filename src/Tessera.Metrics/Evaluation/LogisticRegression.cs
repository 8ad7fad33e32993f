using MathNet.Numerics.LinearAlgebra;

namespace Tessera.Metrics.Evaluation;

/// <summary>
/// Logistic regression fitted by iteratively reweighted least squares (Newton–Raphson on the
/// log-likelihood), with case weights — what R's <c>glm(family = binomial)</c> computes. The linear
/// algebra is MathNet.Numerics'. When the data separate perfectly the coefficients grow without
/// limit; a very small ridge keeps the fit finite there and leaves ordinary fits unchanged.
/// </summary>
public sealed class LogisticRegression
{
    private const int MaxIterations = 60;
    private const double Tolerance = 1e-10;
    private const double Ridge = 1e-8;

    private LogisticRegression(Vector<double> coefficients, Matrix<double> covariance, int iterations)
    {
        Coefficients = coefficients;
        Covariance = covariance;
        Iterations = iterations;
    }

    /// <summary>The fitted coefficients, intercept first when the design has one.</summary>
    public Vector<double> Coefficients { get; }

    /// <summary>The coefficients' model-based covariance (the inverse of the weighted information).</summary>
    public Matrix<double> Covariance { get; }

    /// <summary>How many Newton steps the fit took.</summary>
    public int Iterations { get; }

    /// <summary>Fits <paramref name="y"/> (0 or 1) on the design <paramref name="x"/> (one row per case), each case weighted by <paramref name="weights"/> (1 when null).</summary>
    public static LogisticRegression Fit(Matrix<double> x, Vector<double> y, Vector<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var (n, p) = (x.RowCount, x.ColumnCount);
        ArgumentOutOfRangeException.ThrowIfNotEqual(y.Count, n);
        var w = weights ?? Vector<double>.Build.Dense(n, 1.0);
        var beta = Vector<double>.Build.Dense(p);
        var ridge = Matrix<double>.Build.DenseIdentity(p) * Ridge;
        var iterations = 0;
        Matrix<double> information = ridge;
        while (iterations < MaxIterations)
        {
            iterations++;
            var eta = x * beta;
            var mu = eta.Map(Sigmoid);
            var variance = mu.Map(m => Math.Max(m * (1 - m), 1e-12));
            var working = variance.PointwiseMultiply(w);
            // Rows scaled by their weights (not a product with an n × n diagonal matrix, which would cost n² p).
            var scaled = x.Clone();
            scaled.MapIndexedInplace((i, _, value) => value * working[i]);
            information = x.TransposeThisAndMultiply(scaled) + ridge;
            var score = x.TransposeThisAndMultiply((y - mu).PointwiseMultiply(w));
            var step = information.Cholesky().Solve(score);
            beta += step;
            if (step.AbsoluteMaximum() < Tolerance)
            {
                break;
            }
        }

        return new LogisticRegression(beta, information.Inverse(), iterations);
    }

    /// <summary>The fitted probability for the case <paramref name="row"/>.</summary>
    public double Predict(Vector<double> row) => Sigmoid(row.DotProduct(Coefficients));

    /// <summary>The logistic function.</summary>
    public static double Sigmoid(double eta) => eta >= 0 ? 1 / (1 + Math.Exp(-eta)) : Math.Exp(eta) / (1 + Math.Exp(eta));
}
