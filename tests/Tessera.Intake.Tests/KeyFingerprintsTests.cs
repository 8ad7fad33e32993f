using Tessera.Intake.Delivering;
using Tessera.Intake.Validation;

namespace Tessera.Intake.Tests;

public class KeyFingerprintsTests
{
    [Fact]
    public void Distinct_keys_are_never_reported_as_repeated()
    {
        var keys = new KeyFingerprints([0, 1]);
        for (var i = 0; i < 200_000; i++)
        {
            keys.Add([StoredValue.Of("K" + i), StoredValue.Of((long)(i % 7))]);
        }

        Assert.False(keys.MaybeRepeated);
    }

    [Fact]
    public void A_repeated_key_is_noticed_even_when_written_differently()
    {
        var keys = new KeyFingerprints([0]);
        keys.Add([StoredValue.Of(1.5m)]);
        keys.Add([StoredValue.Of(2.5m)]);
        Assert.False(keys.MaybeRepeated);
        keys.Add([StoredValue.Of(1.50m)]);
        Assert.True(keys.MaybeRepeated);
    }

    [Fact]
    public void A_key_repeated_far_apart_in_a_large_file_is_noticed()
    {
        var keys = new KeyFingerprints([0]);
        for (var i = 0; i < 300_000; i++)
        {
            keys.Add([StoredValue.Of("E" + i.ToString("D10", System.Globalization.CultureInfo.InvariantCulture))]);
        }

        Assert.False(keys.MaybeRepeated);
        keys.Add([StoredValue.Of("E0000000007")]);
        Assert.True(keys.MaybeRepeated);
    }
}
