namespace Tessera.Contracts.Planning;

/// <summary>Someone taking part in the rapid assessment, and the team they come from (program, budget, data, procurement or other).</summary>
/// <param name="Name">Their name.</param>
/// <param name="Team">Their team.</param>
public sealed record Participant(string Name, string Team)
{
    /// <summary>The teams the workshop series recommends be in the room.</summary>
    public static IReadOnlyList<string> RecommendedTeams { get; } = ["program", "budget", "data", "procurement"];
}
