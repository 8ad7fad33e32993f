using Tessera.Contracts.Files;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;

namespace Tessera.Storage.Tests;

/// <summary>
/// Who sees which contract, through the use cases every page, API and command calls: a contract
/// manager their agency's, provider staff their provider's; another's contract — asked for by id —
/// is "not found", exactly as an id never used (no IDOR).
/// </summary>
public sealed class ContractAccessTests : IDisposable
{
    private const string Registry = """
        providers:
          - { id: WF01, name: Pathways Works, program: job-training, identifiers: [{ source: workforce, field: provider_id, value: WF01 }] }
          - { id: FP01, name: Family Bridges, program: family-preservation, identifiers: [{ source: child_welfare, field: provider_id, value: FP01 }] }
        contracts:
          - { id: WF01-2024, agency: workforce, provider: WF01, program: job-training, start: 2024-01-01, end: 2024-12-31, metrics: [{ metric: acm-training-completion, type: outcome, target: 0.5 }] }
          - { id: FP01-2024, agency: child_welfare, provider: FP01, program: family-preservation, start: 2024-01-01, end: 2024-12-31, metrics: [{ metric: fp-reinvolvement-12m, type: outcome, target: 0.2 }] }
        """;

    private readonly TestWorkspace _test = new();

    public ContractAccessTests()
    {
        var file = ContractingFile.Read("registry.yaml", Registry);
        ProviderRegistry.Import(Caller.Operator(_test.Workspace), file, "test");
        ContractRegistry.Import(Caller.Operator(_test.Workspace), [file], "test");
    }

    [Fact]
    public void A_contract_manager_sees_their_agencys_contracts_only()
    {
        var workforce = As(Role.ContractManager, AccessScope.OfSources(["workforce"]));

        Assert.Equal(["WF01-2024"], ContractRegistry.List(workforce).Select(c => c.Contract.Id.Value));
        Assert.Equal("WF01-2024", ContractRegistry.Show(workforce, "WF01-2024").Contract.Contract.Id.Value);
        AssertNotFound(() => ContractRegistry.Show(workforce, "FP01-2024"));
        AssertNotFound(() => ContractRegistry.Performance(workforce, "FP01-2024"));
    }

    [Fact]
    public void Provider_staff_see_their_providers_contracts_only()
    {
        var staff = As(Role.ProviderStaff, AccessScope.OfProviders(["FP01"]));

        Assert.Equal(["FP01-2024"], ContractRegistry.List(staff).Select(c => c.Contract.Id.Value));
        AssertNotFound(() => ContractRegistry.Show(staff, "WF01-2024"));
        Assert.Throws<AccessDeniedException>(() => ContractRegistry.Import(staff, [ContractingFile.Read("registry.yaml", Registry)], "sneaky"));
    }

    [Fact]
    public void Another_agencys_contract_and_an_id_never_used_get_the_same_answer()
    {
        var workforce = As(Role.ContractManager, AccessScope.OfSources(["workforce"]));

        var other = Assert.Throws<AccessDeniedException>(() => ContractRegistry.Show(workforce, "FP01-2024"));
        var none = Assert.Throws<AccessDeniedException>(() => ContractRegistry.Show(workforce, "FP09-2024"));

        Assert.Equal(other.Message.Replace("FP01", "FP09", StringComparison.Ordinal), none.Message);
        Assert.True(other.NotFound && none.NotFound);
    }

    [Fact]
    public void A_contract_manager_cannot_import_another_agencys_contract_and_nothing_changes()
    {
        var workforce = As(Role.ContractManager, AccessScope.OfSources(["workforce"]));
        var changed = Registry.Replace("target: 0.2", "target: 0.1", StringComparison.Ordinal);

        Assert.Throws<AccessDeniedException>(() => ContractRegistry.Import(workforce, [ContractingFile.Read("registry.yaml", changed)], "not mine"));

        Assert.Equal(0.2m, ContractRegistry.Show(Caller.Operator(_test.Workspace), "FP01-2024").Contract.Contract.Metrics[0].Targets[0].Value);
        Assert.Contains(_test.Workspace.Audit.Records(), r => r.Event.Target == "contract FP01-2024 of child_welfare" && r.Event.Outcome == Governance.Audit.AuditOutcome.Denied);
    }

    public void Dispose() => _test.Dispose();

    private Caller As(Role role, AccessScope scope) => new(_test.Workspace, new AccessUser("someone@county", role, scope), "contract management", "10.0.0.5");

    private static void AssertNotFound(Action access) => Assert.True(Assert.Throws<AccessDeniedException>(access).NotFound);
}
