namespace Tessera.Intake.Reading;

/// <summary>
/// Limits that stop a hostile or broken zip before it fills the disk or memory: a "zip bomb"
/// declares or expands to far more than any real export (HUD's largest CoC exports are a few
/// GB) or compresses impossibly well.
/// </summary>
public sealed record ZipLimits
{
    /// <summary>Largest total uncompressed size of all entries (default 20 GiB).</summary>
    public long MaxTotalBytes { get; init; } = 20L << 30;

    /// <summary>Largest uncompressed ÷ compressed ratio of one entry (default 200; CSV rarely exceeds 20).</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Most entries in one zip (default 1,000; an HMIS export has 24).</summary>
    public int MaxEntries { get; init; } = 1_000;
}
