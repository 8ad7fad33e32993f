namespace Tessera.Metrics.Evaluation;

/// <summary>A dose-response analysis: rates per band, comparisons with the first band, and covariate balance.</summary>
/// <param name="Bands">Each band's persons, outcomes, raw rate and adjusted rate.</param>
/// <param name="Contrasts">Each later band against the first.</param>
/// <param name="Balance">Standardised mean differences before and after weighting.</param>
/// <param name="AdjustedFor">The characteristics adjusted for (none: the adjusted columns stay empty).</param>
/// <param name="Seed">The bootstrap's seed.</param>
/// <param name="Replicates">Bootstrap replicates (0 when nothing was adjusted).</param>
/// <param name="Unbanded">Persons whose dose fell in no band (left out).</param>
public sealed record DoseResponseResult(
    IReadOnlyList<DoseResponseBand> Bands, IReadOnlyList<DoseContrast> Contrasts, IReadOnlyList<BalanceRow> Balance,
    IReadOnlyList<string> AdjustedFor, int Seed, int Replicates, long Unbanded);

/// <summary>One band of a dose-response analysis.</summary>
/// <param name="Band">The band as written, e.g. <c>3+</c>.</param>
/// <param name="Persons">Persons in the band.</param>
/// <param name="Outcomes">Of them, those with the outcome.</param>
/// <param name="Rate">The raw rate with its Wilson interval.</param>
/// <param name="Adjusted">The doubly robust adjusted rate with its bootstrap interval, when adjusted.</param>
public sealed record DoseResponseBand(string Band, long Persons, long Outcomes, Interval Rate, Interval? Adjusted);

/// <summary>A band against the first: raw difference and ratio, and the adjusted ones when adjusted.</summary>
public sealed record DoseContrast(string Band, string Against, Interval Difference, Interval Ratio, Interval? AdjustedDifference, Interval? AdjustedRatio);

/// <summary>One category's balance between a band and the first: its share in each, and the standardised difference before and after weighting.</summary>
public sealed record BalanceRow(string Trait, string Category, string Band, string Against, double Share, double AgainstShare, double Before, double After)
{
    /// <summary>A category's balance from its raw and weighted shares in a group and in the group compared with; the spread is the raw shares' pooled standard deviation.</summary>
    public static BalanceRow Of(string trait, string category, string band, string against, (double Raw, double Weighted) share, (double Raw, double Weighted) againstShare)
    {
        var spread = Math.Sqrt(((share.Raw * (1 - share.Raw)) + (againstShare.Raw * (1 - againstShare.Raw))) / 2);
        return new BalanceRow(trait, category, band, against, share.Raw, againstShare.Raw,
            spread == 0 ? 0 : (share.Raw - againstShare.Raw) / spread, spread == 0 ? 0 : (share.Weighted - againstShare.Weighted) / spread);
    }
}
