namespace Tessera.Contracts.Management;

/// <summary>
/// Something someone agreed to do about a contract's performance: it comes back on every agenda
/// until it is closed, and closing it records what was learned.
/// </summary>
/// <param name="Id">The item's number.</param>
/// <param name="Title">What is to be done.</param>
/// <param name="Owner">Who does it.</param>
/// <param name="Due">When it is due.</param>
/// <param name="Program">The program it belongs to.</param>
/// <param name="Contract">The contract it is about, if one.</param>
/// <param name="Metric">The metric it is about, if one.</param>
/// <param name="Alert">The alert that raised it, if one.</param>
/// <param name="Report">The frontline report that raised it, if one.</param>
/// <param name="Meeting">The meeting that agreed it, if one.</param>
/// <param name="Created">The day it was created.</param>
/// <param name="Closed">The day it was closed; null while open.</param>
/// <param name="Lesson">What closing it taught (lessons learned).</param>
public sealed record ActionItem(
    long Id, string Title, string Owner, DateOnly Due, string Program, string? Contract, string? Metric, long? Alert, long? Report, long? Meeting,
    DateOnly Created, DateOnly? Closed, string? Lesson)
{
    /// <summary>True while the item is open.</summary>
    public bool IsOpen => Closed is null;

    /// <summary>"open" or "closed".</summary>
    public string Status => IsOpen ? "open" : "closed";

    /// <summary>True when the item is open after its due day.</summary>
    public bool IsOverdueOn(DateOnly day) => IsOpen && Due < day;
}
