using System.Security.Cryptography;

namespace Tessera.Synthetic.Tests;

public sealed class DeterminismTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tessera-det-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Same_seed_gives_byte_identical_output()
    {
        var first = Generate("a", seed: 3);
        var second = Generate("b", seed: 3);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Different_seeds_give_different_counties()
    {
        var first = Generate("a", seed: 3);
        var other = Generate("c", seed: 4);
        Assert.NotEqual(first["truth/records.csv"], other["truth/records.csv"]);
    }

    [Fact]
    public void Output_folder_that_is_not_empty_is_refused_and_left_alone()
    {
        var target = Path.Combine(_root, "busy");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "keep.txt"), "mine");
        var generator = new CountyGenerator(new SynthOptions { People = 50, Seed = 1, Months = 2 });
        Assert.Throws<OutputFolderUnusableException>(() => generator.Generate(target));
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(target).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(0, 0.05, 36)]
    [InlineData(100, 1.5, 36)]
    [InlineData(100, -0.1, 36)]
    [InlineData(100, 0.05, 0)]
    public void Invalid_options_are_rejected_with_the_option_named(int people, double nameErrorRate, int months)
    {
        var ex = Assert.Throws<ArgumentException>(() => new CountyGenerator(new SynthOptions { People = people, Seed = 1, NameErrorRate = nameErrorRate, Months = months }));
        Assert.Contains("--", ex.Message, StringComparison.Ordinal);
    }

    private SortedDictionary<string, string> Generate(string name, long seed)
    {
        var dir = Path.Combine(_root, name);
        new CountyGenerator(new SynthOptions { People = 3000, Seed = seed, Months = 6 }).Generate(dir);
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            hashes[Path.GetRelativePath(dir, file).Replace('\\', '/')] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return hashes;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
