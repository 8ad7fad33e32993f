namespace Tessera.Contracts.Planning;

/// <summary>
/// One question of the rapid assessment's questionnaire: a statement about the agency, with four
/// maturity levels written so that a participant picks the one that reads like their agency today.
/// </summary>
/// <param name="Id">Its id, e.g. <c>metrics.outcomes</c>.</param>
/// <param name="Component">The component it scores.</param>
/// <param name="Topic">What it asks about, in a few words.</param>
/// <param name="Levels">Levels 1 to 4, lowest first, each in plain words.</param>
public sealed record AssessmentQuestion(string Id, AssessmentComponent Component, string Topic, IReadOnlyList<string> Levels)
{
    /// <summary>The lowest level.</summary>
    public const int Lowest = 1;

    /// <summary>The highest level.</summary>
    public const int Highest = 4;

    /// <summary>The words of <paramref name="level"/> (1 to 4).</summary>
    public string Describe(int level) => Levels[Math.Clamp(level, Lowest, Highest) - 1];
}
