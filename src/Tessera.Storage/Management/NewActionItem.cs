namespace Tessera.Storage.Management;

/// <summary>An action item as a form or command enters it.</summary>
/// <param name="Title">What is to be done.</param>
/// <param name="Owner">Who does it.</param>
/// <param name="Due">When it is due.</param>
/// <param name="Program">The program, when the item is not about one contract.</param>
/// <param name="Contract">The contract it is about, if one (its program is the item's).</param>
/// <param name="Metric">The contract metric it is about, if one.</param>
/// <param name="Alert">The alert that raised it, if one.</param>
/// <param name="Meeting">The meeting that agreed it, if one.</param>
public sealed record NewActionItem(string? Title, string? Owner, DateOnly? Due, string? Program = null, string? Contract = null, string? Metric = null, long? Alert = null, long? Meeting = null);
