namespace Tessera.Cli.Tests;

/// <summary>The service-account commands: a token is printed once, listed by name only, and revoked.</summary>
public sealed class TokensCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tessera-cli-tokens-").FullName;

    private string Folder => Path.Combine(_root, "ws");

    [Fact]
    public async Task A_token_is_shown_once_listed_by_name_and_revoked()
    {
        await Cli.Run("init", Folder);

        var (code, token, _) = await Cli.Run("tokens", "create", "--name", "hmis-nightly", "--source", "homelessness", "--workspace", Folder);
        Assert.Equal(0, code);
        Assert.StartsWith("tst_", token.Trim(), StringComparison.Ordinal);

        var listed = await Cli.Run("tokens", "list", "--workspace", Folder);
        Assert.Contains("hmis-nightly", listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Trim(), listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Trim(), (await Cli.Run("audit", "list", "--workspace", Folder)).Out, StringComparison.Ordinal);

        Assert.Equal(0, (await Cli.Run("tokens", "revoke", "hmis-nightly", "--workspace", Folder)).Code);
        Assert.Contains("revoked", (await Cli.Run("tokens", "list", "--workspace", Folder)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_for_an_unknown_source_or_a_taken_name_is_refused()
    {
        await Cli.Run("init", Folder);

        Assert.Equal(2, (await Cli.Run("tokens", "create", "--name", "x1", "--source", "nowhere", "--workspace", Folder)).Code);
        Assert.Equal(0, (await Cli.Run("tokens", "create", "--name", "x1", "--source", "benefits", "--workspace", Folder)).Code);
        var taken = await Cli.Run("tokens", "create", "--name", "x1", "--source", "benefits", "--workspace", Folder);
        Assert.Equal(2, taken.Code);
        Assert.Contains("exists already", taken.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_BI_tools_token_acts_as_a_contract_manager_of_its_agency_or_as_a_providers_staff()
    {
        await Cli.Run("init", Folder);
        await File.WriteAllTextAsync(Path.Combine(_root, "providers.yaml"), "providers:\n  - { id: WF01, name: Northside Training, program: job-training, identifiers: [{ source: workforce, field: provider_id, value: WF01 }] }\n");
        Assert.Equal(0, (await Cli.Run("providers", "import", Path.Combine(_root, "providers.yaml"), "--workspace", Folder)).Code);

        var manager = await Cli.Run("tokens", "create", "--name", "workforce-bi", "--role", "contract-manager", "--source", "workforce", "--workspace", Folder);
        var provider = await Cli.Run("tokens", "create", "--name", "wf01-bi", "--role", "provider-staff", "--provider", "WF01", "--workspace", Folder);
        var implied = await Cli.Run("tokens", "create", "--name", "wf01-nightly", "--provider", "WF01", "--workspace", Folder); // --provider alone: provider staff

        Assert.True(manager.Code == 0, manager.Err);
        Assert.True(provider.Code == 0, provider.Err);
        Assert.True(implied.Code == 0, implied.Err);
        using (var workspace = Storage.Workspaces.Workspace.Open(Folder))
        {
            Assert.Equal((Governance.Access.Role.ContractManager, "sources workforce"), workspace.ServiceAccounts.Find(manager.Out.Trim()) is { } m ? (m.Role, m.Scope.ToString()) : default);
            Assert.Equal((Governance.Access.Role.ProviderStaff, "providers WF01"), workspace.ServiceAccounts.Find(provider.Out.Trim()) is { } p ? (p.Role, p.Scope.ToString()) : default);
            Assert.Equal((Governance.Access.Role.ProviderStaff, "providers WF01"), workspace.ServiceAccounts.Find(implied.Out.Trim()) is { } i ? (i.Role, i.Scope.ToString()) : default);
        }

        var listed = (await Cli.Run("tokens", "list", "--workspace", Folder)).Out;
        Assert.Contains("contract-manager", listed, StringComparison.Ordinal);
        Assert.Contains("providers WF01", listed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("provider-staff", "--source", "workforce", "Name at least one provider")]
    [InlineData("provider-staff", "--provider", "NOBODY", "no registered provider 'NOBODY'")]
    [InlineData("contract-manager", "--provider", "WF01", "Name at least one source")]
    [InlineData("administrator", "--source", "workforce", "administrator")]
    public async Task A_token_whose_role_and_scope_do_not_fit_is_refused(string role, string option, string value, string message)
    {
        await Cli.Run("init", Folder);

        var (code, output, error) = await Cli.Run("tokens", "create", "--name", "bi", "--role", role, option, value, "--workspace", Folder);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("bi ", (await Cli.Run("tokens", "list", "--workspace", Folder)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_name_is_invalid_input()
    {
        await Cli.Run("init", Folder);

        var (code, _, error) = await Cli.Run("tokens", "create", "--name", "", "--source", "benefits", "--workspace", Folder);

        Assert.Equal(2, code);
        Assert.Contains("cannot name a service account", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_accounts_name_can_be_used_again_and_the_old_one_stays_listed()
    {
        await Cli.Run("init", Folder);
        var first = (await Cli.Run("tokens", "create", "--name", "hmis-nightly", "--source", "homelessness", "--workspace", Folder)).Out.Trim();
        await Cli.Run("tokens", "revoke", "hmis-nightly", "--workspace", Folder);

        var (code, second, error) = await Cli.Run("tokens", "create", "--name", "hmis-nightly", "--source", "homelessness", "--workspace", Folder);

        Assert.True(code == 0, error);
        using var workspace = Storage.Workspaces.Workspace.Open(Folder);
        Assert.Null(workspace.ServiceAccounts.Find(first));
        Assert.Equal("hmis-nightly", workspace.ServiceAccounts.Find(second.Trim())?.Name);
        var listed = (await Cli.Run("tokens", "list", "--workspace", Folder)).Out;
        Assert.Contains("hmis-nightly (revoked ", listed, StringComparison.Ordinal);
        Assert.Equal(2, workspace.ServiceAccounts.List().Count);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Files still closing; the temporary folder is cleaned later.
        }
    }
}
