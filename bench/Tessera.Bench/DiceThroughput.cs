using System.Diagnostics;
using System.Globalization;
using Tessera.Linkage.Encodings;

namespace Tessera.Bench;

/// <summary>
/// Dice comparisons per second between two parties' 1,024-bit CLKs, every pair:
/// <c>dotnet run -c Release --project bench/Tessera.Bench -- dice [N]</c> (N filters a party, 20,000 by default: 400 million pairs).
/// Random filters: the cost of a comparison does not depend on the bits.
/// </summary>
internal static class DiceThroughput
{
    public static void Run(int perParty)
    {
        var random = new Random(20261205);
        ClkMatrix Party() => ClkMatrix.Of([.. Enumerable.Range(0, perParty).Select(_ =>
        {
            var clk = new byte[128];
            random.NextBytes(clk);
            return clk;
        })]);
        var (left, right) = (Party(), Party());
        left.CountAtLeast(right, 0.8); // warm up
        var best = double.MaxValue;
        long found = 0;
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            found = left.CountAtLeast(right, 0.8);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        var pairs = (double)perParty * perParty;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{perParty:N0} × {perParty:N0} CLKs of 1,024 bits: {pairs:N0} comparisons in {best:F3} s (best of 3) = {pairs / best / 1e6:F0} million a second on {Environment.ProcessorCount} cores; {found} pairs at 0.8 or more"));
    }
}
