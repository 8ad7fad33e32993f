using Tessera.Intake.Delivering;
using Tessera.Storage.Linking;
using Tessera.Storage.Workspaces;
using Tessera.Synthetic;

namespace Tessera.Web.Tests;

/// <summary>
/// The real web app over an initialised workspace holding an ingested synthetic county and a
/// small "clinic" source with one quarantined row (an identifier) and one formula-like value,
/// linked once (<c>tessera link</c>) so the linkage pages have a run and a review queue.
/// </summary>
public sealed class IngestedAppFactory : KestrelAppFactory
{
    public const string ClinicDictionary = """
        source: clinic
        max_error_share: 0.9
        files:
          - name: patients
            primary_key: [patient_id]
            fields:
              - { name: patient_id, type: string, required: true }
              - { name: first_name, type: string, required: true, sensitivity: direct_identifier }
              - { name: dob, type: date, required: true, sensitivity: direct_identifier }
              - { name: sex, type: string, codes: { F: Female, M: Male } }
            identity: { given_name: first_name, birth_date: dob }
        """;

    /// <summary>Two providers of two agencies, each with a contract: the workforce one is the demo contract manager's and the demo provider's, and pays on results.</summary>
    public const string Registry = """
        providers:
          - { id: WF01, name: Pathways Works, program: job-training, identifiers: [{ source: workforce, field: provider_id, value: WF01 }] }
          - { id: FP01, name: Family Bridges, program: family-preservation, identifiers: [{ source: child_welfare, field: provider_id, value: FP01 }] }
        contracts:
          - { id: WF01-2024, agency: workforce, provider: WF01, program: job-training, start: 2024-01-01, end: 2024-12-31, metrics: [{ metric: acm-training-completion, type: outcome, target: 0.5 }], payments: { base: 100000.00, outcomes: [{ metric: acm-training-completion, rate: 500.00 }] } }
          - { id: FP01-2024, agency: child_welfare, provider: FP01, program: family-preservation, start: 2024-01-01, end: 2024-12-31, metrics: [{ metric: fp-reinvolvement-12m, type: outcome, target: 0.2 }], payments: { base: 80000.00 } }
        """;

    public IngestedAppFactory()
    {
        new CountyGenerator(new SynthOptions { People = 1500, Seed = 5, Months = 3 }).Generate(Path.Combine(Folder, "incoming"));
        using (var workspace = Workspace.Create(Folder, null, "tester@test", DateTime.UtcNow))
        {
            foreach (var source in new[] { "benefits", "homelessness" })
            {
                foreach (var month in Directory.GetDirectories(Path.Combine(Folder, "incoming", source)).Order(StringComparer.Ordinal))
                {
                    workspace.Ingest(new DeliveryRequest { Source = source, Paths = [month] }, TimeProvider.System);
                }
            }

            workspace.Sources.Add("clinic", ClinicDictionary, "clinic.yaml", DateTime.UtcNow);
            var clinic = Path.Combine(Root, "clinic", "2024-05");
            Directory.CreateDirectory(clinic);
            File.WriteAllText(Path.Combine(clinic, "patients.csv"), "patient_id,first_name,dob,sex\nP1,Ada,1985-12-10,F\nP2,Alan,1972-13-23,M\nP3,Grace,1966-12-09,=cmd|' /C calc'!A0\n");
            ClinicDelivery = workspace.Ingest(new DeliveryRequest { Source = "clinic", Paths = [clinic] }, TimeProvider.System).DeliveryId!.Value;
            LinkRun = WorkspaceLinker.Run(workspace, "tester@test", new WorkspaceLinkOptions()).Run;
            var registry = Contracts.Files.ContractingFile.Read("registry.yaml", Registry);
            Storage.Contracting.ProviderRegistry.Import(Storage.Access.Caller.Operator(workspace), registry, "test");
            Storage.Contracting.ContractRegistry.Import(Storage.Access.Caller.Operator(workspace), [registry], "test");
            Storage.Payments.PaymentRuns.Run(Storage.Access.Caller.Operator(workspace), "WF01-2024", "2024-Q1"); // statement 1, prepared by the operator
            Storage.Payments.PaymentRuns.Run(Storage.Access.Caller.Operator(workspace), "FP01-2024", "2024-Q1"); // statement 2, another agency's
            // Rapid assessment 1, of the homelessness agency (not the demo contract manager's workforce agency), with an inventory item I1.
            var assessment = Storage.Planning.Assessments.Create(Storage.Access.Caller.Operator(workspace), "homelessness", "Homelessness agency, spring 2027", new DateOnly(2027, 1, 11));
            Storage.Planning.Inventory.Save(Storage.Access.Caller.Operator(workspace), assessment, new Contracts.Planning.InventoryItem("I1", "Shelter operations", Contracts.Planning.InventoryKind.Contract, "", "emergency-shelter", 1_800_000m, new DateOnly(2027, 9, 1), null, null, null, new Dictionary<Contracts.Planning.ReadinessCriterion, int>()));
        }

        Start();
    }

    public override string Folder => Path.Combine(Root, "ws");

    public long ClinicDelivery { get; }

    /// <summary>The linkage run over the ingested sources.</summary>
    public LinkRun LinkRun { get; }
}
