using Tessera.Core.Time;

namespace Tessera.Synthetic;

/// <summary>
/// What the synthetic county generator makes. The defaults are the error rates the linkage and
/// intake work is measured against; raise them to stress-test, lower them to debug.
/// </summary>
public sealed record SynthOptions
{
    /// <summary>Number of people in the county (every household member counts).</summary>
    public required int People { get; init; }

    /// <summary>The seed: the same seed and options give byte-identical output.</summary>
    public required long Seed { get; init; }

    /// <summary>Number of monthly deliveries per source.</summary>
    public int Months { get; init; } = 36;

    /// <summary>The first delivery month; events before it arrive in the first delivery.</summary>
    public YearMonth Start { get; init; } = new(2023, 1);

    /// <summary>Share of person records with a typo or a nickname in a name (at least 5%).</summary>
    public double NameErrorRate { get; init; } = 0.05;

    /// <summary>Share of person records with a wrong birth date (swapped day/month, typo, wrong year).</summary>
    public double BirthDateErrorRate { get; init; } = 0.03;

    /// <summary>Share of adult person records, outside wage records, with no SSN; children are missing more often.</summary>
    public double MissingSsnRate { get; init; } = 0.20;

    /// <summary>Share of person records with a placeholder SSN such as 000-00-0000 or 999-99-9999.</summary>
    public double PlaceholderSsnRate { get; init; } = 0.02;

    /// <summary>Share of persons registered twice in the same source (benefits and HMIS).</summary>
    public double DuplicateRate { get; init; } = 0.05;

    /// <summary>Day after the last delivery month; nothing happens on or after it.</summary>
    public DateOnly End => Start.AddMonths(Months).FirstDay;

    /// <summary>The last delivery month.</summary>
    public YearMonth LastMonth => Start.AddMonths(Months - 1);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that is out of range.</summary>
    public void Validate()
    {
        if (People is < 1 or > 20_000_000)
        {
            throw new ArgumentException($"--people must be between 1 and 20,000,000 (got {People}).");
        }

        if (Months is < 1 or > 240)
        {
            throw new ArgumentException($"--months must be between 1 and 240 (got {Months}).");
        }

        CheckRate(NameErrorRate, "--name-error-rate");
        CheckRate(BirthDateErrorRate, "--birth-date-error-rate");
        CheckRate(MissingSsnRate, "--missing-ssn-rate");
        CheckRate(PlaceholderSsnRate, "--placeholder-ssn-rate");
        CheckRate(DuplicateRate, "--duplicate-rate");
        if (MissingSsnRate + PlaceholderSsnRate > 1)
        {
            throw new ArgumentException("--missing-ssn-rate plus --placeholder-ssn-rate cannot exceed 1.");
        }
    }

    private static void CheckRate(double value, string name)
    {
        if (double.IsNaN(value) || value is < 0 or > 1)
        {
            throw new ArgumentException($"{name} must be a share between 0 and 1, e.g. 0.05 for 5% (got {value}).");
        }
    }
}
