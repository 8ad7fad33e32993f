namespace Tessera.Contracts.Payments;

/// <summary>What an outcome rate is paid per.</summary>
public enum OutcomeUnit
{
    /// <summary>Each person who achieved the outcome in the period, counted once however often they qualify.</summary>
    Person,

    /// <summary>The period's cohort as a whole, once, when its rate meets the target in force.</summary>
    Cohort,
}
