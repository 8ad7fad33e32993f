using Tessera.Core.Time;

namespace Tessera.Contracts.Management;

/// <summary>
/// One month of a program's 12-month improvement roadmap: the deep dive the month's meetings take
/// (the seeds' examples: family risk factors, referral matching, which service components matter).
/// </summary>
/// <param name="Program">The program.</param>
/// <param name="Month">The month.</param>
/// <param name="Topic">The deep-dive topic.</param>
/// <param name="Questions">The questions to answer, if written down.</param>
public sealed record RoadmapTopic(string Program, YearMonth Month, string Topic, string? Questions);
