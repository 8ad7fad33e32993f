using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Tessera.Storage.Sessions;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Tests;

/// <summary>The server-side session record and the web app's sealed keys, on both engines, and older workspaces gaining them.</summary>
public sealed class SessionStoreTests
{
    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    private static readonly DateTime Now = new(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void A_session_stands_until_it_is_ended_and_only_its_id_opens_it(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        var sessions = test.Workspace.Sessions;

        var id = sessions.Begin("admin@demo", "Administrator", SessionRecord.Demo, Now);

        Assert.Equal(new SessionRecord("admin@demo", "Administrator", SessionRecord.Demo, Now, null, null), sessions.Find(id));
        Assert.Null(sessions.Find(id + "x"));
        Assert.True(sessions.End(id, "signed out", Now.AddMinutes(5)));
        Assert.False(sessions.End(id, "signed out", Now.AddMinutes(6)));
        Assert.Equal(new SessionRecord("admin@demo", "Administrator", SessionRecord.Demo, Now, Now.AddMinutes(5), "signed out"), sessions.Find(id));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void Ending_a_users_sessions_leaves_everyone_elses(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        var sessions = test.Workspace.Sessions;
        var first = sessions.Begin("ana@county.gov", "ContractManager", SessionRecord.Oidc, Now);
        var second = sessions.Begin("ana@county.gov", "ContractManager", SessionRecord.Oidc, Now.AddMinutes(1));
        var other = sessions.Begin("ben@county.gov", "Analyst", SessionRecord.Oidc, Now.AddMinutes(2));

        Assert.Equal(2, sessions.EndAll("ana@county.gov", "role changed", Now.AddHours(1)));

        Assert.False(sessions.Find(first)!.IsActive);
        Assert.False(sessions.Find(second)!.IsActive);
        Assert.True(sessions.Find(other)!.IsActive);
        Assert.Equal("ben@county.gov", Assert.Single(sessions.Active()).Actor);
        Assert.Equal(1, sessions.EndAll(null, "all ended", Now.AddHours(2)));
        Assert.Empty(sessions.Active());
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void Web_keys_are_kept_sealed_and_open_only_in_their_own_workspace(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        using var other = new TestWorkspace(engine);
        var secret = "<key id=\"1\"><value>c2VjcmV0</value></key>"u8.ToArray();

        var sealedBytes = test.Workspace.Keys.SealSecret(secret, "web keys");
        test.Workspace.WebKeys.Add("key-1", Convert.ToBase64String(sealedBytes), Now);

        Assert.Equal([Convert.ToBase64String(sealedBytes)], test.Workspace.WebKeys.All());
        Assert.Equal(secret, test.Workspace.Keys.OpenSecret(Convert.FromBase64String(test.Workspace.WebKeys.All()[0]), "web keys"));
        Assert.ThrowsAny<CryptographicException>(() => other.Workspace.Keys.OpenSecret(sealedBytes, "web keys"));
        Assert.ThrowsAny<CryptographicException>(() => test.Workspace.Keys.OpenSecret(sealedBytes, "another purpose"));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void Web_keys_survive_a_master_key_rotation(Engine engine)
    {
        using var test = new TestWorkspace(engine);
        var sealedBytes = test.Workspace.Keys.SealSecret("cookie key"u8, "web keys");

        test.Workspace.Keys.RotateMasterKey(Path.Combine(test.Root, "next.tessera-key"), "admin@test");

        using var reopened = Workspace.Open(test.Folder);
        Assert.Equal("cookie key"u8.ToArray(), reopened.Keys.OpenSecret(sealedBytes, "web keys"));
    }

    [Fact]
    public void A_workspace_made_before_ids_gets_one_when_opened_and_keeps_it()
    {
        using var test = new TestWorkspace();
        var marker = Path.Combine(test.Folder, Workspace.MarkerFile);
        var settings = JsonNode.Parse(File.ReadAllText(marker))!.AsObject();
        settings.Remove("id");
        File.WriteAllText(marker, settings.ToJsonString());

        string id;
        using (var upgraded = Workspace.Open(test.Folder))
        {
            id = upgraded.Id;
            Assert.Matches("^[0-9a-f]{32}$", id);
            Assert.NotNull(upgraded.Sessions.Begin("admin@test", "Administrator", SessionRecord.Oidc, Now));
        }

        using var again = Workspace.Open(test.Folder);
        Assert.Equal(id, again.Id);
        Assert.Single(again.Sessions.Active());
    }
}
