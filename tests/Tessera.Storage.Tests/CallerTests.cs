using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Tests;

/// <summary>The use-case layer's one path: permit, then audit, then the work — refusals recorded and told apart (not allowed, not found).</summary>
public sealed class CallerTests
{
    [Fact]
    public void A_permitted_access_is_recorded_before_the_work()
    {
        using var test = new TestWorkspace();
        var partner = new Caller(test.Workspace, new AccessUser("hmis-lead@county", Role.DataPartner, AccessScope.OfSources(["homelessness"])), "data quality review", "10.0.0.7");

        partner.Permit(Capability.ViewQuarantine, AuditAction.Read, "quarantine of delivery 3", inScope: true);

        var last = test.Workspace.Audit.Records()[^1];
        Assert.Equal(new AuditEvent("hmis-lead@county", AuditAction.Read, "quarantine of delivery 3", "data quality review", "10.0.0.7", AuditOutcome.Allowed), last.Event);
    }

    [Fact]
    public void A_role_without_the_capability_is_not_allowed_and_on_record()
    {
        using var test = new TestWorkspace();
        var caseworker = new Caller(test.Workspace, new AccessUser("cw@county", Role.Caseworker, AccessScope.None), "operations", "10.0.0.8");

        var refused = Assert.Throws<AccessDeniedException>(() => caseworker.Permit(Capability.ViewQuarantine, AuditAction.Read, "quarantine of delivery 3"));

        Assert.False(refused.NotFound);
        Assert.Equal((AuditAction.Denied, AuditOutcome.Denied), (test.Workspace.Audit.Records()[^1].Event.Action, test.Workspace.Audit.Records()[^1].Event.Outcome));
    }

    [Fact]
    public void Something_outside_the_scope_is_not_found_and_on_record()
    {
        using var test = new TestWorkspace();
        var partner = new Caller(test.Workspace, new AccessUser("hmis-lead@county", Role.DataPartner, AccessScope.OfSources(["homelessness"])), "operations", "10.0.0.7");

        var refused = Assert.Throws<AccessDeniedException>(() => partner.Permit(Capability.ViewQuarantine, AuditAction.Read, "quarantine of delivery 4", inScope: false));

        Assert.True(refused.NotFound);
        Assert.Equal("quarantine of delivery 4", test.Workspace.Audit.Records()[^1].Event.Target);
    }

    [Fact]
    public void The_operator_is_the_workspaces_administrator_on_the_command_line()
    {
        using var test = new TestWorkspace();

        Caller.Operator(test.Workspace).Permit(Capability.Configure, AuditAction.Configure, "providers from providers.yaml");

        var last = test.Workspace.Audit.Records()[^1].Event;
        Assert.Equal(("tester@test", "operations", "cli@" + Environment.MachineName), (last.Actor, last.Purpose, last.Origin));
    }

    [Fact]
    public void When_the_record_cannot_be_written_the_work_does_not_start()
    {
        using var test = new TestWorkspace();
        var checkpoints = Path.Combine(test.Folder, Workspace.AuditCheckpointsFile);
        File.Delete(checkpoints);
        Directory.CreateDirectory(checkpoints);

        Assert.Throws<AuditUnavailableException>(() => Caller.Operator(test.Workspace).Permit(Capability.Configure, AuditAction.Configure, "anything"));
    }
}
