using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Metrics;

namespace Tessera.Storage.Management;

/// <summary>
/// What of active contract management a caller sees: everything about a contract they see (its
/// alerts, check-ins, action items); a program's own meetings and items when they run contract
/// management and see at least one of its contracts (provider staff see their contracts' things only).
/// </summary>
internal sealed class ManagementScope
{
    private readonly Caller _caller;

    public ManagementScope(Caller caller)
    {
        _caller = caller;
        Publication = PublishedFigures.Current(caller.Workspace);
        All = PublishedFigures.Get(caller.Workspace, Publication, "contracts", () => ContractRegistry.Read(caller.Workspace));
        Contracts = All.Values.Where(c => AccessPolicy.SeesContract(caller.User, c.Contract.Id.Value, c.Contract.Agency, c.Contract.Provider.Value))
            .OrderBy(c => c.Contract.Id.Value, StringComparer.Ordinal).ToList();
    }

    /// <summary>What the workspace had published when the scope was read.</summary>
    public Publication Publication { get; }

    /// <summary>Every registered contract, by id (kept per publication: read, never changed).</summary>
    public IReadOnlyDictionary<string, RegisteredContract> All { get; }

    /// <summary>The contracts the caller sees.</summary>
    public IReadOnlyList<RegisteredContract> Contracts { get; }

    /// <summary>True when the caller sees the contract.</summary>
    public bool SeesContract(string? contract) => contract is not null && Contracts.Any(c => c.Contract.Id.Value == contract);

    /// <summary>True when the caller sees a program's own meetings and items.</summary>
    public bool SeesProgram(string program) =>
        AccessPolicy.Permits(_caller.User, Capability.RunManagement) && Contracts.Any(c => c.Contract.Program == program);

    /// <summary>True when the caller sees something of <paramref name="program"/>, about <paramref name="contract"/> if one.</summary>
    public bool Sees(string program, string? contract) => contract is null ? SeesProgram(program) : SeesContract(contract);

    /// <summary>The programs whose own meetings and items the caller sees.</summary>
    public IReadOnlyList<string> Programs => [.. All.Values.Select(c => c.Contract.Program).Distinct(StringComparer.Ordinal).Where(SeesProgram).Order(StringComparer.Ordinal)];
}
