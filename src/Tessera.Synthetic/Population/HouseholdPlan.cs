namespace Tessera.Synthetic.Population;

/// <summary>A household's shape before its members are drawn, so the county's size is known up front.</summary>
internal sealed record HouseholdPlan(HouseholdType Type, int Children, int Grandparents)
{
    public static HouseholdPlan Single { get; } = new(HouseholdType.SingleAdult, 0, 0);

    public int Size => Type switch
    {
        HouseholdType.SingleAdult => 1,
        HouseholdType.Couple => 2,
        HouseholdType.SingleParent => 1 + Children,
        _ => 2 + Children + Grandparents,
    };
}
