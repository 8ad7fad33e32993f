namespace Tessera.Cli.Tests;

/// <summary>The command-line contract: exit codes 0/1/2, plain-language errors, help on every command.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tessera-cli-" + Guid.NewGuid().ToString("N"));

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => Cli.Run(args);

    [Theory]
    [InlineData("--help")]
    [InlineData("synth", "--help")]
    [InlineData("demo", "--help")]
    [InlineData("serve", "--help")]
    public async Task Every_command_has_help(params string[] args)
    {
        var (code, output, _) = await Run(args);
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_option_is_invalid_input()
    {
        var (code, _, error) = await Run("synth", "--out", Path.Combine(_root, "x"));
        Assert.Equal(2, code);
        Assert.Contains("--people", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "x")));
    }

    [Fact]
    public async Task Unknown_command_is_invalid_input()
    {
        var (code, _, error) = await Run("frobnicate");
        Assert.Equal(2, code);
        Assert.Contains("tessera --help", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--start", "2023-13")]
    [InlineData("--name-error-rate", "1.5")]
    [InlineData("--people", "0")]
    [InlineData("--people", "many")]
    public async Task Bad_option_values_are_invalid_input_and_write_nothing(string option, string value)
    {
        var target = Path.Combine(_root, "bad");
        var args = new List<string> { "synth", "--people", "10", "--out", target };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (code, _, error) = await Run([.. args]);
        Assert.Equal(2, code);
        Assert.StartsWith("tessera:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task Synth_into_a_folder_with_files_refuses_and_leaves_it_alone()
    {
        var target = Path.Combine(_root, "busy");
        Directory.CreateDirectory(target);
        await File.WriteAllTextAsync(Path.Combine(target, "notes.txt"), "keep me");
        var (code, _, error) = await Run("synth", "--people", "10", "--out", target);
        Assert.Equal(2, code);
        Assert.Contains("not empty", error, StringComparison.Ordinal);
        Assert.Single(Directory.GetFileSystemEntries(target));
    }

    [Fact]
    public async Task Synth_onto_a_file_is_invalid_input_and_leaves_the_file_alone()
    {
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "county.csv");
        await File.WriteAllTextAsync(file, "not a folder");
        var (code, _, error) = await Run("synth", "--people", "10", "--out", file);
        Assert.Equal(2, code);
        Assert.Contains("is a file", error, StringComparison.Ordinal);
        Assert.Equal("not a folder", await File.ReadAllTextAsync(file));
        Assert.Single(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public async Task Synth_writes_the_county_reports_progress_and_exits_0()
    {
        var target = Path.Combine(_root, "county");
        var (code, output, error) = await Run("synth", "--people", "500", "--seed", "2", "--months", "3", "--out", target);
        Assert.Equal(0, code);
        Assert.Contains("500 people", output, StringComparison.Ordinal);
        Assert.Contains("100%", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(target, "truth", "records.csv")));
        Assert.Equal(["2023-01", "2023-02", "2023-03"], Directory.GetDirectories(Path.Combine(target, "benefits")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Demo_without_serving_prepares_a_workspace_and_reuses_it_next_time()
    {
        var workspace = Path.Combine(_root, "ws");
        var first = await Run("demo", "--workspace", workspace, "--people", "300", "--no-serve");
        Assert.Equal(0, first.Code);
        Assert.True(Directory.Exists(Path.Combine(workspace, "incoming", "homelessness")));
        var second = await Run("demo", "--workspace", workspace, "--no-serve");
        Assert.Equal(0, second.Code);
        Assert.Contains("already", second.Out, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
