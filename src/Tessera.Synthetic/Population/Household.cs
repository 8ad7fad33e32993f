namespace Tessera.Synthetic.Population;

/// <summary>A household of the county: who lives together, where, and how much they struggle.</summary>
internal sealed class Household
{
    public required int Index { get; init; }

    public required string HouseholdId { get; init; }

    public required HouseholdType Type { get; init; }

    public List<Person> Members { get; } = [];

    /// <summary>Addresses over time, the first from before the window, later ones after moves.</summary>
    public List<(DateOnly From, Address Address)> Addresses { get; } = [];

    /// <summary>0 = comfortable, 1 = deep poverty; drives contact with every agency.</summary>
    public required double Need { get; init; }

    public Address AddressOn(DateOnly date)
    {
        var current = Addresses[0].Address;
        foreach (var (from, address) in Addresses)
        {
            if (from <= date)
            {
                current = address;
            }
        }

        return current;
    }

    public IEnumerable<Person> Adults(DateOnly on) => Members.Where(m => m.IsAdultOn(on));

    public IEnumerable<Person> Children(DateOnly on) => Members.Where(m => !m.IsAdultOn(on));

    public Person Head => Members[0];
}

/// <summary>The shape of a household.</summary>
internal enum HouseholdType
{
    SingleAdult,
    Couple,
    SingleParent,
    TwoParents,
    MultiGeneration,
}
