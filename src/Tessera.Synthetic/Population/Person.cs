namespace Tessera.Synthetic.Population;

/// <summary>A member of the synthetic county as they really are (the truth agencies only approximate).</summary>
internal sealed class Person
{
    public required int Index { get; init; }

    public required string PersonId { get; init; }

    public required Household Household { get; init; }

    public required HouseholdRole Role { get; init; }

    public required char Sex { get; init; }

    public required DateOnly BirthDate { get; init; }

    public required string Given { get; init; }

    public required string Middle { get; init; }

    /// <summary>Current family name (after any marriage).</summary>
    public required string Family { get; set; }

    /// <summary>Family name before marriage, when it changed; null otherwise.</summary>
    public string? BirthFamily { get; set; }

    /// <summary>When the family name changed from <see cref="BirthFamily"/> to <see cref="Family"/>.</summary>
    public DateOnly? NameChangeDate { get; set; }

    /// <summary>"JR", "SR" or empty.</summary>
    public string Suffix { get; set; } = "";

    /// <summary>Nine digits; empty when the person has no SSN at all.</summary>
    public required string Ssn { get; init; }

    public required Race Race { get; init; }

    public required bool Hispanic { get; init; }

    public required string Phone { get; init; }

    /// <summary>Baseline chance of having earnings in a quarter (0–1), before programme effects.</summary>
    public required double Employability { get; init; }

    public Person? Mother { get; set; }

    public Person? Father { get; set; }

    /// <summary>Facts other agencies' records depend on (release dates, programme completion …).</summary>
    public LifeFacts Facts { get; } = new();

    /// <summary>The family name the person used on <paramref name="date"/>.</summary>
    public string FamilyOn(DateOnly date) =>
        BirthFamily is not null && NameChangeDate is { } changed && date < changed ? BirthFamily : Family;

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        if (date < BirthDate.AddYears(age))
        {
            age--;
        }

        return age;
    }

    public bool IsAdultOn(DateOnly date) => AgeOn(date) >= 18;
}

/// <summary>The person's place in the household.</summary>
internal enum HouseholdRole
{
    Head,
    Partner,
    Child,
    Grandparent,
}

/// <summary>Race as the county's records carry it (one primary category per person).</summary>
internal enum Race
{
    White,
    Black,
    Asian,
    AmericanIndian,
    PacificIslander,
    Multiracial,
}
