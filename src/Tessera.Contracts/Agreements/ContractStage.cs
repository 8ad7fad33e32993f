namespace Tessera.Contracts.Agreements;

/// <summary>Where a contract is in the outcomes-oriented cycle: plan → procure → manage → evaluate.</summary>
public enum ContractStage
{
    /// <summary>"plan": needs, goals and measures being worked out.</summary>
    Plan,

    /// <summary>"procure": out for proposals or being negotiated.</summary>
    Procure,

    /// <summary>"manage": in force, managed month by month.</summary>
    Manage,

    /// <summary>"evaluate": ended or ending, results assessed.</summary>
    Evaluate,
}
