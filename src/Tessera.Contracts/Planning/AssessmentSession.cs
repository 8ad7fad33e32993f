namespace Tessera.Contracts.Planning;

/// <summary>One of the rapid assessment's four meetings.</summary>
/// <param name="Position">1 to 4.</param>
/// <param name="Title">What it is.</param>
/// <param name="Hours">How long it is meant to take.</param>
/// <param name="HeldOn">When it is (or was) held.</param>
/// <param name="Agenda">Its agenda.</param>
/// <param name="Notes">What was said and decided, once held.</param>
public sealed record AssessmentSession(int Position, string Title, int Hours, DateOnly? HeldOn, string Agenda, string? Notes);
