namespace Tessera.Contracts.Payments;

/// <summary>What a statement line pays or takes; written in lower case with underscores (<c>earn_back</c>).</summary>
public enum StatementLineKind
{
    /// <summary>The period's equal part of the base.</summary>
    Base,

    /// <summary>The share of the base held back (negative).</summary>
    Withhold,

    /// <summary>What of the withhold is earned back on the earn-back metric.</summary>
    EarnBack,

    /// <summary>Outcomes achieved times their rate.</summary>
    Outcome,

    /// <summary>The highest bonus tier reached.</summary>
    Bonus,

    /// <summary>What a cap takes off the incentive (negative).</summary>
    Cap,

    /// <summary>What a floor adds to the incentive.</summary>
    Floor,

    /// <summary>A change to an earlier, paid period, because later deliveries changed its figures.</summary>
    Adjustment,
}
