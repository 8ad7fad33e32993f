using System.CommandLine;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using Tessera.Tests;

namespace Tessera.Cli.Tests;

/// <summary>
/// The secret two agencies encode with never reaches the hub: only <c>tessera encode</c> takes
/// one, the hub's code cannot build an encoder, and after the CLKs are ingested and linked no file
/// of the workspace holds the secret in any spelling.
/// </summary>
public sealed class HubSecretTests : IDisposable
{
    private static readonly string Folder = Path.Combine(SharedData.Linkage, "anonlink_tutorial_multiparty");
    private readonly string _root = Directory.CreateTempSubdirectory("tessera-hub-secret-").FullName;

    private string PathOf(string name) => Path.Combine(_root, name);

    [Fact]
    public async Task Partners_that_agreed_to_encode_are_ingested_and_linked_and_the_workspace_never_holds_the_secret()
    {
        var secret = "partners-only-" + Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(PathOf("secret.txt"), secret);
        var workspace = PathOf("ws");
        Assert.Equal(0, (await Cli.Run("init", workspace)).Code);

        // At the hub: two partners that send CLKs only, and one whose dictionary still takes a plain name.
        foreach (var agency in new[] { "shelter", "clinic" })
        {
            await File.WriteAllTextAsync(PathOf(agency + ".yaml"), $$"""
                source: {{agency}}
                files:
                  - name: clients
                    primary_key: [record_id]
                    person_key: record_id
                    fields:
                      - { name: record_id, type: string, required: true }
                      - { name: clk, type: bloom_filter, sensitivity: direct_identifier }
                    identity: { clk: clk }
                """);
            var (added, _, addError) = await Cli.Run("source", "add", agency, "--dictionary", PathOf(agency + ".yaml"), "--workspace", workspace);
            Assert.True(added == 0, addError);
        }

        await File.WriteAllTextAsync(PathOf("jail.yaml"), """
            source: jail
            files:
              - name: bookings
                primary_key: [booking_id]
                fields:
                  - { name: booking_id, type: string, required: true }
                  - { name: last_name, type: string, sensitivity: direct_identifier }
                identity: { family_name: last_name }
            """);
        Assert.Equal(0, (await Cli.Run("source", "add", "jail", "--dictionary", PathOf("jail.yaml"), "--workspace", workspace)).Code);
        await File.WriteAllTextAsync(PathOf("agreements.yaml"), """
            emou: { id: county-emou, parties: [shelter, clinic, jail], review_body: review-body, start: 2024-01-01, end: 2040-12-31 }
            dsas:
              - { id: dsa-shelter, partner: shelter, sources: [shelter], transfer: encoded, destroy_on: 2040-12-31 }
              - { id: dsa-clinic, partner: clinic, sources: [clinic], transfer: encoded, destroy_on: 2040-12-31 }
              - { id: dsa-jail, partner: jail, sources: [jail], transfer: encoded, destroy_on: 2040-12-31 }
            """);
        var (imported, _, importError) = await Cli.Run("agreements", "import", PathOf("agreements.yaml"), "--workspace", workspace);
        Assert.True(imported == 0, importError);

        foreach (var agency in new[] { "shelter", "clinic" })
        {
            // At the agency: its extract encoded on its own machine.
            var dataset = agency == "shelter" ? 1 : 2;
            var drop = Path.Combine(_root, agency, "2026-11");
            Directory.CreateDirectory(drop);
            var (code, _, error) = await Cli.Run("encode", "--schema", Path.Combine(Folder, "schema.json"), "--secret-file", PathOf("secret.txt"),
                "--input", Path.Combine(Folder, $"dataset-{dataset}.csv"), "--out", Path.Combine(drop, "clients.csv"), "--format", "csv", "--project", "homeless-health");
            Assert.True(code == 0, error);

            // At the hub: only the CLKs arrive.
            (code, _, error) = await Cli.Run("ingest", "--workspace", workspace, "--source", agency, drop);
            Assert.True(code == 0, error);
        }

        // The partner that agreed to encode but whose dictionary takes a plain name: refused before anything is read.
        var jail = Path.Combine(_root, "jail", "2026-11");
        Directory.CreateDirectory(jail);
        await File.WriteAllTextAsync(Path.Combine(jail, "bookings.csv"), "booking_id,last_name\nB1,Garcia\n");
        var (refused, _, refusal) = await Cli.Run("ingest", "--workspace", workspace, "--source", "jail", jail);
        Assert.NotEqual(0, refused);
        Assert.Contains("Its data sharing agreement (dsa-jail) says identifiers arrive encoded, but its dictionary takes plain direct identifiers: bookings.last_name", refusal, StringComparison.Ordinal);
        var (_, sources, _) = await Cli.Run("source", "list", "--workspace", workspace);
        Assert.Contains("encoded (dsa-shelter)", sources, StringComparison.Ordinal);
        var (_, deliveries, _) = await Cli.Run("deliveries", "--source", "jail", "--workspace", workspace);
        Assert.DoesNotContain("accepted", deliveries, StringComparison.Ordinal);

        await File.WriteAllTextAsync(PathOf("link.yaml"), "one_to_one: greedy\n");
        var (linked, output, linkError) = await Cli.Run("link", "--workspace", workspace, "--config", PathOf("link.yaml"), "--out", PathOf("out"));
        Assert.True(linked == 0, linkError);
        var clusters = (await File.ReadAllLinesAsync(PathOf("out/clusters.csv"))).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(3228 + 3242, clusters.Count);
        var joined = clusters.GroupBy(r => r[2]).Count(g => g.Count() == 2);
        Assert.True(joined > 900, $"{joined} persons hold a record of each agency");

        var spellings = new[]
        {
            Encoding.UTF8.GetBytes(secret), Encoding.Unicode.GetBytes(secret),
            Encoding.ASCII.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret))),
            Encoding.ASCII.GetBytes(Convert.ToHexString(Encoding.UTF8.GetBytes(secret))),
            Encoding.ASCII.GetBytes(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(secret))),
        };
        var files = Directory.GetFiles(workspace, "*", SearchOption.AllDirectories).Append(workspace + ".tessera-key").ToList();
        Assert.True(files.Count > 3);
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.All(spellings, spelling => Assert.True(bytes.AsSpan().IndexOf(spelling) < 0, $"{Path.GetFileName(file)} holds the secret"));
        }
    }

    [Fact]
    public void Only_the_encode_command_takes_a_secret_and_it_opens_no_workspace()
    {
        var root = TesseraCli.BuildRoot(TextWriter.Null, TextWriter.Null);
        var withSecret = Commands(root).Where(c => c.Options.Any(o => o.Name.Contains("secret", StringComparison.OrdinalIgnoreCase))).Select(c => c.Name).ToList();

        Assert.Equal(["encode"], withSecret);
        Assert.DoesNotContain(Commands(root).Single(c => c.Name == "encode").Options, o => o.Name == "--workspace");
    }

    [Theory]
    [InlineData("Tessera.Storage", "LinkageEngine")]
    [InlineData("Tessera.Web", "WebApplication")]
    public void The_hubs_code_cannot_build_an_encoder(string assembly, string used)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, assembly + ".dll"));
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var referenced = metadata.TypeReferences.Select(handle => metadata.GetString(metadata.GetTypeReference(handle).Name)).ToList();

        Assert.Contains(used, referenced); // the scan sees what the assembly does use
        Assert.DoesNotContain("ClkEncoder", referenced);
        Assert.DoesNotContain("ClkHardening", referenced);
    }

    private static IEnumerable<Command> Commands(Command command) => command.Subcommands.SelectMany(Commands).Prepend(command);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
