namespace Tessera.Cli.Tests;

/// <summary>Contract files with mistakes: exit 2, every problem named by file, line and field, nothing written; a good file imports, lists and shows.</summary>
public sealed class ContractsCommandTests : IDisposable
{
    private const string Contract = """
        contracts:
          - id: WF01-2024
            agency: workforce
            provider: WF01
            program: job-training
            start: 2024-01-01
            end: 2024-12-31
            value: 250000.00
            metrics:
              - metric: acm-training-completion
                type: outcome
                target: 0.50
                watch: 0.05          # within 0.05 below target: watch; further: off track
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("tessera-cli-contracts-").FullName;

    private string Folder => Path.Combine(_root, "ws");

    [Fact]
    public async Task The_issues_minimal_contract_imports_lists_as_csv_and_shows()
    {
        await Ready();

        var (code, output, error) = await Cli.Run("contracts", "import", Write("contracts.yaml", Contract), "--workspace", Folder);
        var csv = (await Cli.Run("contracts", "list", "--format", "csv", "--workspace", Folder)).Out;
        var again = await Cli.Run("contracts", "import", Write("contracts.yaml", Contract.Replace("0.50", "0.55", StringComparison.Ordinal)), "--reason", "agreed at the March meeting", "--workspace", Folder);
        var shown = (await Cli.Run("contracts", "show", "WF01-2024", "--workspace", Folder)).Out;

        Assert.True(code == 0, error);
        Assert.Contains("Imported 1 contracts: 1 new, 0 changed, 0 unchanged.", output, StringComparison.Ordinal);
        Assert.Equal("contract,agency,provider,program,start,end,value,stage,metrics,version\nWF01-2024,workforce,WF01,job-training,2024-01-01,2024-12-31,250000.00,manage,acm-training-completion,1\n", csv);
        Assert.Contains("1 changed", again.Out, StringComparison.Ordinal);
        Assert.Contains("target 0.55 from 2024-01-01", shown, StringComparison.Ordinal);
        Assert.Contains("2  ", shown, StringComparison.Ordinal);
        Assert.Contains("agreed at the March meeting", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acm-training-completion", "acm-training-complete", "line 2, contract WF01-2024 metric: there is no metric 'acm-training-complete'")]
    [InlineData("provider: WF01", "provider: WF09", "line 2, contract WF01-2024 provider: 'WF09' is not a registered provider")]
    [InlineData("    value: 250000.00", "    value: 250000.00\n    colour: blue", "contracts.yaml line 9, contracts[0]: unknown key 'colour'")]
    [InlineData("target: 0.50", "target: 50", "line 2, contract WF01-2024 target: acm-training-completion is a rate, so its target must be from 0 to 1 (0.5 is 50%); found 50.")]
    [InlineData("end: 2024-12-31", "end: 2024-13-01", "contracts.yaml line 7, contracts[0].end: expected a date that exists, written yyyy-MM-dd")]
    [InlineData("agency: workforce", "agency: labour", "line 2, contract WF01-2024 agency: 'labour' is not a source of this workspace")]
    [InlineData("watch: 0.05          # within 0.05 below target: watch; further: off track", "watch: 0.05\n    payments: { outcomes: [{ metric: wioa-employment-q2, rate: 1500.00 }] }", "contracts.yaml line 14, contracts[0].payments.outcomes[0].metric: the contract does not measure wioa-employment-q2")]
    [InlineData("watch: 0.05          # within 0.05 below target: watch; further: off track", "watch: 0.05\n    payments: { outcomes: [{ metric: acm-training-completion, rate: -1500.00 }] }", "contracts.yaml line 14, contracts[0].payments.outcomes[0].rate: expected an amount in dollars of 0 or more")]
    [InlineData("watch: 0.05          # within 0.05 below target: watch; further: off track", "watch: 0.05\n    payments: { base: 1000.00, cap: 10.00, floor: 20.00 }", "contracts.yaml line 14, contracts[0].payments.cap: the cap (10.00) is below the floor (20.00)")]
    public async Task A_contract_file_with_a_mistake_exits_2_naming_file_line_and_field(string good, string bad, string message)
    {
        await Ready();

        var (code, _, error) = await Cli.Run("contracts", "import", Write("contracts.yaml", Contract.Replace(good, bad, StringComparison.Ordinal)), "--workspace", Folder);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("0 contracts.", (await Cli.Run("contracts", "list", "--workspace", Folder)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payment_run_for_a_period_outside_the_contract_exits_2_and_writes_nothing()
    {
        await Ready();
        await Cli.Run("contracts", "import", Write("contracts.yaml", Contract + "\n    payments: { base: 100000.00 }\n"), "--workspace", Folder);

        var (code, output, error) = await Cli.Run("payments", "run", "--contract", "WF01-2024", "--period", "2025-Q1", "--workspace", Folder);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("2025-Q1 is not a payment period of contract WF01-2024: it pays by quarter from 2024-Q1 to 2024-Q4.", error, StringComparison.Ordinal);
        Assert.Empty((await Cli.Run("payments", "list", "--workspace", Folder)).Out);
    }

    [Fact]
    public async Task Whoever_prepared_a_statement_cannot_approve_it()
    {
        await Ready();
        await Cli.Run("contracts", "import", Write("contracts.yaml", Contract + "\n    payments: { base: 100000.00 }\n"), "--workspace", Folder);
        var prepared = await Cli.Run("payments", "run", "--contract", "WF01-2024", "--period", "2024-Q1", "--workspace", Folder);

        var (code, _, error) = await Cli.Run("payments", "approve", prepared.Out.Trim().Split('\n')[^1].Trim(), "--workspace", Folder);

        Assert.Equal(2, code);
        Assert.Matches(@"^tessera: Statement 1 was prepared by .+; another person approves it \(two-person rule\)\.\n$", error);
        Assert.Contains(" prepared ", (await Cli.Run("payments", "list", "--workspace", Folder)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overlapping_contracts_of_one_provider_and_program_are_refused()
    {
        await Ready();
        var second = Contract.Replace("contracts:\n", "", StringComparison.Ordinal).Replace("WF01-2024", "WF01-2024B", StringComparison.Ordinal).Replace("start: 2024-01-01", "start: 2024-07-01", StringComparison.Ordinal);

        var (code, _, error) = await Cli.Run("contracts", "import", Write("contracts.yaml", Contract + "\n" + second), "--workspace", Folder);

        Assert.Equal(2, code);
        Assert.Contains("contracts.yaml line 14, contracts[1].start: its period overlaps contract WF01-2024 (2024-01-01 to 2024-12-31)", error, StringComparison.Ordinal);

        Assert.Equal(0, (await Cli.Run("contracts", "import", Write("first.yaml", Contract), "--workspace", Folder)).Code);
        var later = await Cli.Run("contracts", "import", Write("second.yaml", "contracts:\n" + second), "--workspace", Folder);
        Assert.Equal(2, later.Code);
        Assert.Contains("second.yaml line 2, contract WF01-2024B start: its period overlaps contract WF01-2024", later.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_contract_is_not_found()
    {
        await Ready();

        var (code, _, error) = await Cli.Run("contracts", "performance", "NOPE-2024", "--workspace", Folder);

        Assert.Equal(2, code);
        Assert.Contains("There is no performance of contract NOPE-2024 you may see.", error, StringComparison.Ordinal);
    }

    private async Task Ready()
    {
        await Cli.Run("init", Folder);
        var providers = Write("providers.yaml", "providers:\n  - { id: WF01, name: Northside Training, program: job-training, identifiers: [{ source: workforce, field: provider_id, value: WF01 }] }\n");
        Assert.Equal(0, (await Cli.Run("providers", "import", providers, "--workspace", Folder)).Code);
    }

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
