using Tessera.Fuzz;

namespace Tessera.Intake.Tests;

/// <summary>
/// A short, deterministic stand-in for the AFL++ fuzzing campaign (docs/fuzzing.md): thousands
/// of mutations of the fuzz corpus go through the same targets, and nothing may escape but a
/// plain-language rejection.
/// </summary>
public class MutationTests
{
    private static readonly byte[] Interesting = "\",\n\r\"\"\0\u00e9;|\t9-/".Select(c => (byte)c).ToArray();

    [Theory]
    [InlineData("csv", "members.csv", 3000)]
    [InlineData("hmis", "minimal.zip", 1500)]
    public void Mutated_inputs_are_rejected_cleanly_or_read(string target, string seedFile, int mutations)
    {
        var seed = File.ReadAllBytes(Path.Combine(CorpusFolder(), target, seedFile));
        Action<byte[]> run = target == "csv" ? FuzzTargets.Csv : FuzzTargets.Hmis;
        var random = new Random(20261123);
        run(seed);
        for (var i = 0; i < mutations; i++)
        {
            run(Mutate(seed, random));
        }
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = seed.ToList();
        for (var edits = random.Next(1, 6); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes.Insert(at, Interesting[random.Next(Interesting.Length)]); break;
                case 2: bytes.RemoveAt(at); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                default: bytes[at] = (byte)random.Next(256); break;
            }
        }

        return [.. bytes];
    }

    private static string CorpusFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "fuzz", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("fuzz/corpus was not found above the test's folder.");
    }
}
