namespace Tessera.Cli.Tests;

/// <summary>The provider registry's commands: import all or nothing with exit 2 naming file, line and field; list as a table or CSV.</summary>
public sealed class ProvidersCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tessera-cli-providers-").FullName;

    private string Folder => Path.Combine(_root, "ws");

    [Fact]
    public async Task Providers_import_from_the_minimal_file_and_list_as_csv()
    {
        await Cli.Run("init", Folder);
        var file = Write("providers.yaml", """
            providers:
              - id: WF01
                name: Northside Training
                program: job-training
                identifiers: [{ source: workforce, field: provider_id, value: WF01 }]
            """);

        var (code, output, error) = await Cli.Run("providers", "import", file, "--workspace", Folder);
        var (listed, csv, _) = await Cli.Run("providers", "list", "--format", "csv", "--workspace", Folder);

        Assert.True(code == 0, error);
        Assert.Contains("Imported 1 providers from providers.yaml: 1 new, 0 changed, 0 unchanged.", output, StringComparison.Ordinal);
        Assert.Contains("New programs: job-training.", output, StringComparison.Ordinal);
        Assert.Equal(0, listed);
        Assert.Equal("provider,name,type,program,agencies,identifiers,version\nWF01,Northside Training,,job-training,workforce,workforce.provider_id=WF01,1\n", csv);
    }

    [Fact]
    public async Task A_file_with_mistakes_exits_2_naming_file_line_and_field_and_stores_nothing()
    {
        await Cli.Run("init", Folder);
        var file = Write("providers.yaml", """
            providers:
              - id: WF01
                name: Northside Training
                program: job-training
                identifiers: [{ source: workforce, field: provider_code, value: WF01 }]
              - id: WF02
                program: job-training
            """);

        var (code, _, error) = await Cli.Run("providers", "import", file, "--workspace", Folder);

        Assert.Equal(2, code);
        Assert.Contains("providers.yaml line 6, providers[1]: 'name' is missing.", error, StringComparison.Ordinal);
        Assert.Contains("0 providers.", (await Cli.Run("providers", "list", "--workspace", Folder)).Out, StringComparison.Ordinal);

        var (fieldCode, _, fieldError) = await Cli.Run("providers", "import", Write("one.yaml", "providers:\n  - { id: WF01, name: A, program: job-training, identifiers: [{ source: workforce, field: provider_code, value: WF01 }] }\n"), "--workspace", Folder);
        Assert.Equal(2, fieldCode);
        Assert.Contains("one.yaml line 2, provider WF01 identifiers: workforce has no field 'provider_code'", fieldError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_invalid_input() =>
        Assert.Equal(2, (await Cli.Run("providers", "import", Path.Combine(_root, "nowhere.yaml"), "--workspace", Folder)).Code);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, text);
        return path;
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
