namespace Tessera.Contracts.Payments;

/// <summary>How often a contract pays: the base in equal parts, outcomes, bonuses, caps and floors per period of this length.</summary>
public enum PaymentPeriodKind
{
    /// <summary>Calendar months.</summary>
    Month,

    /// <summary>Calendar quarters (January–March …).</summary>
    Quarter,

    /// <summary>Calendar years.</summary>
    Year,
}
