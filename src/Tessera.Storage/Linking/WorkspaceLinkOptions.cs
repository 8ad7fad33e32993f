using Tessera.Linkage.Running;

namespace Tessera.Storage.Linking;

/// <summary>Settings of <c>tessera link</c>: the linkage settings and the band of match probabilities that goes to clerical review.</summary>
public sealed record WorkspaceLinkOptions
{
    /// <summary>Linkage settings (threshold, blocking limits).</summary>
    public LinkageOptions Linkage { get; init; } = new();

    /// <summary>Pairs from this probability (default 0.2) …</summary>
    public double ReviewFrom { get; init; } = 0.2;

    /// <summary>… up to (not including) this one (default 0.9) are queued for a reviewer; below the match threshold they stay apart and above it joined until someone decides.</summary>
    public double ReviewTo { get; init; } = 0.9;
}
