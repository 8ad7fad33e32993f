using System.Globalization;
using Tessera.Synthetic.Randomness;

namespace Tessera.Synthetic.Population;

/// <summary>
/// Gives every person a distinct, structurally valid SSN (area 001–899 except 666, group 01–99,
/// serial 0001–9999) that reveals nothing about their place in the county.
/// </summary>
internal sealed class SsnAllocator(long seed)
{
    private const ulong Areas = 898;   // 001–665 and 667–899
    private const ulong Groups = 99;
    private const ulong Serials = 9999;
    private const ulong ValidCount = Areas * Groups * Serials;

    private readonly IdScrambler _scrambler = new(seed, "ssn", 30);

    public string For(int personIndex)
    {
        // Cycle-walking keeps the map a bijection onto the valid range.
        var x = _scrambler.Scramble((ulong)personIndex);
        while (x >= ValidCount)
        {
            x = _scrambler.Scramble(x);
        }

        var serial = (x % Serials) + 1;
        x /= Serials;
        var group = (x % Groups) + 1;
        var area = (x / Groups) + 1;
        if (area >= 666)
        {
            area++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{area:D3}{group:D2}{serial:D4}");
    }
}
