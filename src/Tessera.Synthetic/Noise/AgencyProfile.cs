namespace Tessera.Synthetic.Noise;

/// <summary>
/// How one agency's intake habits distort identity: how often it leaves SSN blank, whether it
/// records middle names, whether it keeps a maiden name after marriage. Real agencies differ in
/// exactly these ways, which is why one linkage model trained on all of them must learn per field.
/// </summary>
/// <param name="AdultMissingSsnFactor">Multiplier on the configured missing-SSN rate for adults.</param>
/// <param name="ChildMissingSsn">Share of child records with no SSN.</param>
/// <param name="MiddleName">Full, initial only, or never.</param>
/// <param name="StaleSurnameRate">Share of married persons still recorded under their birth name.</param>
/// <param name="DuplicateRate">Whether the agency registers the same person twice (true for benefits and HMIS).</param>
internal sealed record AgencyProfile(
    double AdultMissingSsnFactor,
    double ChildMissingSsn,
    MiddleNameHabit MiddleName,
    double StaleSurnameRate,
    bool DuplicateRate)
{
    public static AgencyProfile Benefits { get; } = new(0.8, 0.35, MiddleNameHabit.Initial, 0.10, true);
    public static AgencyProfile ChildCare { get; } = new(1.0, 0.95, MiddleNameHabit.Full, 0.15, false);
    public static AgencyProfile ChildWelfare { get; } = new(2.0, 0.85, MiddleNameHabit.Full, 0.20, false);
    public static AgencyProfile Homelessness { get; } = new(1.2, 0.70, MiddleNameHabit.Full, 0.20, true);
    public static AgencyProfile Workforce { get; } = new(0.5, 1.0, MiddleNameHabit.Initial, 0.10, false);
    public static AgencyProfile Corrections { get; } = new(0.7, 1.0, MiddleNameHabit.Full, 0.25, false);
}

/// <summary>How an agency records middle names.</summary>
internal enum MiddleNameHabit
{
    Full,
    Initial,
    None,
}
