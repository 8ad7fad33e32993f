namespace Tessera.Cli.Tests;

/// <summary>The key commands' contract: rotate writes a new key file and leaves the old one unused; destroy shreds one source.</summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tessera-cli-keys-").FullName;

    private string Folder => Path.Combine(_root, "ws");

    [Fact]
    public async Task Rotate_then_delete_the_old_key_file_and_the_workspace_still_works()
    {
        await Cli.Run("init", Folder);
        var newKey = Path.Combine(_root, "rotated.tessera-key");

        var (code, output, error) = await Cli.Run("keys", "rotate", "--new-key-file", newKey, "--workspace", Folder);
        Assert.True(code == 0, error);
        Assert.Contains("no longer used", output, StringComparison.Ordinal);
        File.Delete(Path.Combine(_root, "ws.tessera-key"));

        var listed = await Cli.Run("keys", "list", "--workspace", Folder);
        Assert.Equal(0, listed.Code);
        Assert.Contains(newKey, listed.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await Cli.Run("audit", "verify", "--workspace", Folder)).Code);

        var again = await Cli.Run("keys", "rotate", "--new-key-file", newKey, "--workspace", Folder);
        Assert.Equal(2, again.Code);
        Assert.Contains("exists already", again.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Destroy_shreds_one_source_and_says_so()
    {
        await Cli.Run("init", Folder);

        var (code, output, _) = await Cli.Run("keys", "destroy", "--source", "workforce", "--workspace", Folder);
        Assert.Equal(0, code);
        Assert.Contains("Destroyed 1 data key(s) of workforce", output, StringComparison.Ordinal);

        var listed = await Cli.Run("keys", "list", "--workspace", Folder);
        Assert.Contains("workforce", listed.Out, StringComparison.Ordinal);
        Assert.Matches(@"workforce\s+destroyed", listed.Out);
        Assert.Matches(@"benefits\s+1 key", listed.Out);

        var unknown = await Cli.Run("keys", "destroy", "--source", "nobody", "--workspace", Folder);
        Assert.Equal(2, unknown.Code);
    }

    [Fact]
    public async Task Destroy_due_shreds_the_sources_whose_sharing_agreement_reached_its_destruction_day()
    {
        await Cli.Run("init", Folder);
        var agreements = Path.Combine(_root, "agreements.yaml");
        await File.WriteAllTextAsync(agreements, """
            emou: { id: county-emou, parties: [homelessness, workforce], review_body: review-body, start: 2020-01-01, end: 2040-12-31 }
            dsas:
              - { id: dsa-hmis, partner: homelessness, sources: [homelessness], transfer: plaintext, destroy_on: 2021-06-30 }
              - { id: dsa-wf, partner: workforce, sources: [workforce], transfer: plaintext, destroy_on: 2040-12-31 }
            """);
        Assert.Equal(0, (await Cli.Run("agreements", "import", agreements, "--workspace", Folder)).Code);

        var (code, output, error) = await Cli.Run("keys", "destroy", "--due", "--workspace", Folder);
        Assert.True(code == 0, error);
        Assert.Contains("Destroyed 1 data key(s) of homelessness", output, StringComparison.Ordinal);
        Assert.Contains("1 source(s) shredded", output, StringComparison.Ordinal);
        var listed = await Cli.Run("keys", "list", "--workspace", Folder);
        Assert.Matches(@"homelessness\s+destroyed", listed.Out);
        Assert.Matches(@"workforce\s+1 key", listed.Out);

        Assert.Contains("no key was destroyed", (await Cli.Run("keys", "destroy", "--due", "--workspace", Folder)).Out, StringComparison.Ordinal);
        Assert.Equal(2, (await Cli.Run("keys", "destroy", "--workspace", Folder)).Code); // neither --source nor --due
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
