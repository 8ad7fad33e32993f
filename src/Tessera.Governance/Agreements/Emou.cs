namespace Tessera.Governance.Agreements;

/// <summary>
/// The enterprise memorandum of understanding every party signs once: who takes part, what for,
/// how decisions are made, who reviews projects, and whether the community advisory team is
/// consulted on each project. Every data sharing agreement and data use licence rests on it.
/// </summary>
/// <param name="Id">Its id, e.g. "county-emou".</param>
/// <param name="Parties">The data partners (their source names, as in the data dictionaries).</param>
/// <param name="ReviewBody">Who approves projects besides the data partners, e.g. "review-body".</param>
/// <param name="Start">Its first day.</param>
/// <param name="End">Its last day.</param>
/// <param name="Purpose">What the parties share data for, in plain language.</param>
/// <param name="DecisionRules">How the parties decide (e.g. "each partner approves every use of its data").</param>
/// <param name="CommunityReview">True when each project needs a recorded consultation of the community advisory team before it is approved.</param>
public sealed record Emou(string Id, IReadOnlyList<string> Parties, string ReviewBody, DateOnly Start, DateOnly End, string? Purpose = null, string? DecisionRules = null, bool CommunityReview = false);
