using Tessera.Contracts.Planning;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Planning;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Tests;

/// <summary>
/// Rapid assessments and the contract inventory kept in the operational store, on both engines:
/// answers recorded all or nothing, agreed levels, weights that re-rank, promotion recorded, and
/// who may see and change an agency's planning.
/// </summary>
public sealed class PlanningTests
{
    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void An_assessment_keeps_its_sessions_participants_answers_and_agreed_levels(Engine engine)
    {
        using var test = Workspace(engine);
        var admin = Caller.Operator(test.Workspace);

        var id = Assessments.Create(admin, "clinic", "Clinic agency, spring 2027", new DateOnly(2027, 1, 11));
        Assessments.AddParticipant(admin, id, "Ana", "program");
        Assessments.AddParticipant(admin, id, "Bo", "budget");
        Assessments.AddParticipant(admin, id, "Cy", "data");
        Assessments.Answer(admin, id, "Ana", [("goals.outcomes", 3, "Strategic plan"), ("goals.population", 2, null), ("goals.two_generation", 1, null)]);
        Assessments.Answer(admin, id, "Bo", [("goals.outcomes", 2, null), ("goals.population", 2, null), ("goals.two_generation", 1, null)]);
        Assessments.Answer(admin, id, "Cy", [("goals.outcomes", 1, null), ("goals.population", 3, null), ("goals.two_generation", 1, null)]);
        Assessments.Answer(admin, id, "Cy", [("goals.outcomes", 1, "We count visits")]); // a second set replaces the same question's answer
        Assessments.SetSession(admin, id, 2, new DateOnly(2027, 1, 26), null, "Goals compared; outcomes to settle in workshop 2.");

        var before = Assessments.Show(admin, id);
        Assert.Equal(4, before.Assessment.Sessions.Count);
        Assert.Equal(new DateOnly(2027, 1, 26), before.Assessment.Sessions[1].HeldOn);
        Assert.StartsWith("Case examples", before.Assessment.Sessions[1].Agenda, StringComparison.Ordinal); // the agenda stays
        Assert.Equal(["procurement"], before.MissingTeams);
        Assert.Equal(9, before.Answers.Count);
        Assert.Equal("We count visits", before.Answers.Single(a => a.Participant == "Cy" && a.Question == "goals.outcomes").Evidence);
        Assert.Equal(16.0 / 9, Goals(before).Score!.Value, 1e-9);
        Assert.Equal(["goals.outcomes"], before.Result.ToDiscuss.Select(q => q.Question.Id));

        Assessments.Agree(admin, id, "goals.outcomes", 3, "Plan adopted in 2026");
        var after = Assessments.Show(admin, id);
        Assert.Equal((3 + (7.0 / 3) + 1) / 3, Goals(after).Score!.Value, 1e-9);
        Assert.Empty(after.Result.ToDiscuss);
    }

    [Fact]
    public void A_set_of_answers_with_one_bad_answer_records_none_of_them()
    {
        using var test = Workspace(Engine.Embedded);
        var admin = Caller.Operator(test.Workspace);
        var id = Assessments.Create(admin, "clinic", "Clinic", new DateOnly(2027, 1, 11));
        Assessments.AddParticipant(admin, id, "Ana", "program");

        var level = Assert.Throws<WorkspaceException>(() => Assessments.Answer(admin, id, "Ana", [("goals.outcomes", 3, null), ("metrics.outcomes", 9, null)]));
        var stranger = Assert.Throws<WorkspaceException>(() => Assessments.Answer(admin, id, "Zed", [("goals.outcomes", 3, null)]));
        var session = Assert.Throws<WorkspaceException>(() => Assessments.SetSession(admin, id, 5, null, null, null));

        Assert.Equal("Question 'metrics.outcomes': the level must be 1 to 4, not 9.", level.Message);
        Assert.Contains("'Zed' is not a participant of assessment 1", stranger.Message, StringComparison.Ordinal);
        Assert.Contains("has no session 5", session.Message, StringComparison.Ordinal);
        Assert.Empty(Assessments.Show(admin, id).Answers);
        Assert.Throws<WorkspaceException>(() => Assessments.Create(admin, "nowhere", "X", new DateOnly(2027, 1, 1)));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void The_inventory_ranks_with_the_weights_kept_and_remembers_a_promotion(Engine engine)
    {
        using var test = Workspace(engine);
        var admin = Caller.Operator(test.Workspace);
        var id = Assessments.Create(admin, "clinic", "Clinic", new DateOnly(2027, 1, 11));
        foreach (var (item, value, ratings) in new[]
        {
            ("Youth employment RFP", 900_000m, new[] { 3, 5, 3, 5, 4 }), ("Family preservation renewal", 2_400_000m, [5, 4, 4, 3, 3]), ("Shelter operations", 1_800_000m, [4, 2, 5, 4, 2]),
            ("Child-care subsidy administration", 600_000m, [2, 5, 2, 2, 5]), ("Reentry services RFP", 1_000_000m, [3, 1, 4, 5, 5]),
        })
        {
            Inventory.Save(admin, id, new InventoryItem("", item, InventoryKind.Contract, "", "clinic-visits", value, new DateOnly(2027, 9, 1), null, null, null,
                Enum.GetValues<ReadinessCriterion>().Zip(ratings).ToDictionary(x => x.First, x => x.Second)));
        }

        Assert.Equal(["I1", "I2", "I5", "I3", "I4"], Inventory.Rank(admin, id).Items.Select(r => r.Item.Id));

        Inventory.SetWeight(admin, id, ReadinessCriterion.DataAvailability, 3);
        var ranked = Inventory.Rank(admin, id);
        Assert.Equal(["I1", "I2", "I4", "I3", "I5"], ranked.Items.Select(r => r.Item.Id));
        Assert.Equal([4.29m, 3.86m, 3.71m, 3.00m, 2.86m], ranked.Items.Select(r => r.Score));

        Inventory.Promoted(admin, id, "I1", "CL01-2027");
        Inventory.Save(admin, id, ranked.Items[0].Item with { Name = "Youth employment RFP (revised)", Contract = null }); // a later edit keeps the promotion
        Assert.Equal("CL01-2027", Inventory.Rank(admin, id).Items.Single(r => r.Item.Id == "I1").Item.Contract);
        Assert.Contains("At least one criterion", Assert.Throws<WorkspaceException>(() =>
        {
            foreach (var c in Enum.GetValues<ReadinessCriterion>())
            {
                Inventory.SetWeight(admin, id, c, 0);
            }
        }).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contract_manager_plans_for_their_own_agency_and_an_analyst_only_reads()
    {
        using var test = Workspace(Engine.Embedded);
        var admin = Caller.Operator(test.Workspace);
        var clinic = Assessments.Create(admin, "clinic", "Clinic", new DateOnly(2027, 1, 11));
        var other = Assessments.Create(admin, "clinic2", "Clinic 2", new DateOnly(2027, 1, 11));
        var manager = As(test, Role.ContractManager, AccessScope.OfSources(["clinic"]));
        var analyst = As(test, Role.Analyst, AccessScope.None);
        var staff = As(test, Role.ProviderStaff, AccessScope.OfProviders(["CL01"]));

        Assert.Equal([clinic], Assessments.List(manager).Select(a => a.Id));
        Assessments.AddParticipant(manager, clinic, "Ana", "program");
        Assert.True(Assert.Throws<AccessDeniedException>(() => Assessments.Show(manager, other)).NotFound);
        Assert.True(Assert.Throws<AccessDeniedException>(() => Assessments.Show(manager, 99)).NotFound);
        Assert.Throws<AccessDeniedException>(() => Assessments.Create(manager, "clinic2", "Not mine", new DateOnly(2027, 1, 1)));

        Assert.Equal([other, clinic], Assessments.List(analyst).Select(a => a.Id));
        Assert.Equal("Clinic", Assessments.Show(analyst, clinic).Assessment.Title);
        Assert.Throws<AccessDeniedException>(() => Assessments.AddParticipant(analyst, clinic, "Eve", "data"));
        Assert.Throws<AccessDeniedException>(() => Inventory.SetWeight(analyst, clinic, ReadinessCriterion.Timing, 2));
        Assert.Throws<AccessDeniedException>(() => Assessments.List(staff));
        Assert.Throws<AccessDeniedException>(() => ServiceOverlap.Of(staff));
    }

    private static ComponentResult Goals(AssessmentView view) => view.Result.Components.Single(c => c.Component == AssessmentComponent.Goals);

    private static Caller As(TestWorkspace test, Role role, AccessScope scope) => new(test.Workspace, new AccessUser($"{role}@test", role, scope), "planning", "test");

    private static TestWorkspace Workspace(Engine engine)
    {
        var test = new TestWorkspace(engine);
        test.Workspace.Sources.Add("clinic", Clinic.Dictionary, "clinic.yaml", DateTime.UtcNow);
        test.Workspace.Sources.Add("clinic2", Clinic.Dictionary.Replace("source: clinic", "source: clinic2", StringComparison.Ordinal), "clinic2.yaml", DateTime.UtcNow);
        return test;
    }
}
