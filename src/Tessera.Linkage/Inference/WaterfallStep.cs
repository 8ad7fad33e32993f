namespace Tessera.Linkage.Inference;

/// <summary>
/// One bar of a match-weight waterfall: a comparison, the level the pair fell into, the two
/// values side by side and the weight (log2 Bayes factor) it added. The first step is the prior.
/// </summary>
public sealed record WaterfallStep(string Comparison, string Level, string? Left, string? Right, double Weight, bool TermFrequencyAdjusted);
