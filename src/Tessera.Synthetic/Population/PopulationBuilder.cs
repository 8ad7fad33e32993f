using System.Globalization;
using Tessera.Synthetic.Randomness;

namespace Tessera.Synthetic.Population;

/// <summary>
/// Builds households: one or two parents with children, couples, single adults and
/// multi-generation households, with twins, Jr./Sr. namesakes, married-name changes,
/// hyphenated surnames, household moves and shared apartment-building addresses.
/// </summary>
internal sealed class PopulationBuilder(SynthOptions options)
{
    private static readonly double[] TypeWeights = [0.27, 0.13, 0.24, 0.29, 0.07];
    private readonly SsnAllocator _ssns = new(options.Seed);

    /// <summary>The household's shape and size, drawn from its own stream so sizes can be summed up front.</summary>
    public HouseholdPlan Plan(int householdIndex)
    {
        var rng = Rng.For(options.Seed, Rng.Stream.HouseholdSize, householdIndex);
        var type = (HouseholdType)rng.Weighted(TypeWeights);
        var children = rng.Weighted([0.0, 0.38, 0.33, 0.17, 0.08, 0.04]);
        return type switch
        {
            HouseholdType.SingleAdult => new(type, 0, 0),
            HouseholdType.Couple => new(type, 0, 0),
            HouseholdType.MultiGeneration => new(type, children, 1 + rng.Next(2)),
            _ => new(type, children, 0),
        };
    }

    public Household Build(int householdIndex, int firstPersonIndex, HouseholdPlan plan)
    {
        var type = plan.Type;
        var rng = Rng.For(options.Seed, Rng.Stream.Household, householdIndex);
        var start = options.Start.FirstDay;
        var race = (Race)rng.Weighted([0.55, 0.27, 0.06, 0.015, 0.005, 0.10]);
        var hispanic = rng.Chance(race == Race.White ? 0.28 : 0.05);
        var need = Math.Clamp(rng.NextDouble() * (type is HouseholdType.SingleParent or HouseholdType.MultiGeneration ? 1.3 : 1.0), 0, 1);
        var household = new Household
        {
            Index = householdIndex,
            HouseholdId = "H" + (householdIndex + 1).ToString("D7", CultureInfo.InvariantCulture),
            Type = type,
            Need = need,
        };
        AddAddresses(household, rng);

        var nextIndex = firstPersonIndex;
        var surname = Surname(rng, race, hispanic);
        Person Add(HouseholdRole role, char sex, DateOnly birth, string family, string? given = null)
        {
            var person = NewPerson(rng, household, nextIndex++, role, sex, birth, family, race, hispanic, given);
            household.Members.Add(person);
            return person;
        }

        switch (type)
        {
            case HouseholdType.SingleAdult:
                Add(HouseholdRole.Head, rng.Chance(0.55) ? 'M' : 'F', BirthForAge(rng, start, 18, 80), surname);
                break;
            case HouseholdType.Couple:
                {
                    var head = Add(HouseholdRole.Head, 'M', BirthForAge(rng, start, 20, 82), surname);
                    var partner = Add(HouseholdRole.Partner, 'F', NearBirth(rng, head.BirthDate, 6), Surname(rng, race, hispanic));
                    Marry(rng, head, partner, start);
                    break;
                }

            case HouseholdType.SingleParent:
                {
                    var parentSex = rng.Chance(0.85) ? 'F' : 'M';
                    var parent = Add(HouseholdRole.Head, parentSex, BirthForAge(rng, start, 19, 50), surname);
                    if (parentSex == 'F' && rng.Chance(0.3))
                    {
                        // A previous marriage: records from before it carry her birth name.
                        parent.BirthFamily = Surname(rng, race, hispanic);
                        parent.NameChangeDate = parent.BirthDate.AddYears(rng.Next(19, 30));
                    }

                    AddChildren(rng, household, plan.Children, parentSex == 'F' ? parent : null, parentSex == 'M' ? parent : null, parent.Family, start, ref nextIndex);
                    break;
                }

            default:
                {
                    var father = Add(HouseholdRole.Head, 'M', BirthForAge(rng, start, 20, 52), surname);
                    var mother = Add(HouseholdRole.Partner, 'F', NearBirth(rng, father.BirthDate, 5), Surname(rng, race, hispanic));
                    Marry(rng, father, mother, start);
                    var childFamily = mother.Family == father.Family || rng.Chance(0.7) ? father.Family : mother.Family + "-" + father.Family;
                    AddChildren(rng, household, plan.Children, mother, father, childFamily, start, ref nextIndex);
                    for (var g = 0; g < plan.Grandparents; g++)
                    {
                        var grandparent = NewPerson(rng, household, nextIndex++, HouseholdRole.Grandparent, g == 0 ? 'F' : 'M',
                            father.BirthDate.AddYears(-rng.Next(19, 35)).AddDays(-rng.Next(365)), father.Family, race, hispanic, null);
                        household.Members.Add(grandparent);
                        father.Mother ??= grandparent.Sex == 'F' ? grandparent : null;
                        father.Father ??= grandparent.Sex == 'M' ? grandparent : null;
                    }

                    break;
                }
        }

        return household;
    }

    private void AddChildren(Rng rng, Household household, int count, Person? mother, Person? father, string family, DateOnly start, ref int nextIndex)
    {
        var youngestParent = new[] { mother, father }.Where(p => p is not null).Max(p => p!.BirthDate);
        var earliest = youngestParent.AddYears(17);
        var oldest = start.AddYears(-17);
        var from = earliest > oldest ? earliest : oldest;
        Person? previous = null;
        var juniorGiven = false;
        for (var c = 0; c < count; c++)
        {
            var sex = rng.Chance(0.51) ? 'M' : 'F';
            var twin = previous is not null && rng.Chance(0.035);
            var birth = twin ? previous!.BirthDate : rng.Day(from, start);
            string? given = null;
            if (!juniorGiven && sex == 'M' && father is not null && rng.Chance(0.10)
                && !household.Members.Exists(m => m.Role == HouseholdRole.Child && m.Given == father.Given))
            {
                given = father.Given;
                juniorGiven = true;
            }

            var child = NewPerson(rng, household, nextIndex++, HouseholdRole.Child, sex, birth, family, household.Members[0].Race, household.Members[0].Hispanic, given);
            if (given is not null)
            {
                child.Suffix = "JR";
                father!.Suffix = "SR";
            }

            child.Mother = mother;
            child.Father = father;
            household.Members.Add(child);
            previous = child;
        }
    }

    private static void Marry(Rng rng, Person husband, Person wife, DateOnly start)
    {
        var choice = rng.NextDouble();
        if (choice >= 0.8)
        {
            return; // kept her own name
        }

        wife.BirthFamily = wife.Family;
        wife.Family = choice < 0.7 ? husband.Family : wife.Family + "-" + husband.Family;
        var wedding = rng.Chance(0.12)
            ? rng.Day(start, start.AddMonths(30))
            : wife.BirthDate.AddYears(rng.Next(20, Math.Max(21, Math.Min(40, start.Year - wife.BirthDate.Year))));
        wife.NameChangeDate = wedding;
    }

    private Person NewPerson(Rng rng, Household household, int index, HouseholdRole role, char sex, DateOnly birth, string family, Race race, bool hispanic, string? given)
    {
        var names = sex == 'F' ? NameBank.FemaleGiven : NameBank.MaleGiven;
        if (given is null)
        {
            // Parents do not give two of their children one name (twins least of all): a name a
            // sibling already has moves down the list, drawing nothing more from the generator.
            var rank = Zipf(rng, names.Length);
            while (role == HouseholdRole.Child && household.Members.Exists(m => m.Role == HouseholdRole.Child && m.Given == names[rank]))
            {
                rank = (rank + 1) % names.Length;
            }

            given = names[rank];
        }

        var middleNames = sex == 'F' ? NameBank.FemaleGiven : NameBank.MaleGiven;
        var middle = rng.Chance(0.75) ? middleNames[Zipf(rng, middleNames.Length)] : "";
        if (middle == given)
        {
            middle = "";
        }

        var childRace = role == HouseholdRole.Child && rng.Chance(0.05) ? Race.Multiracial : race;
        var hasSsn = !rng.Chance(role == HouseholdRole.Child ? 0.02 : 0.03);
        return new Person
        {
            Index = index,
            PersonId = "P" + (index + 1).ToString("D8", CultureInfo.InvariantCulture),
            Household = household,
            Role = role,
            Sex = sex,
            BirthDate = birth,
            Given = given,
            Middle = middle,
            Family = family,
            Ssn = hasSsn ? _ssns.For(index) : "",
            Race = childRace,
            Hispanic = hispanic,
            Phone = Phone(rng),
            Employability = Math.Clamp(0.35 + (0.5 * rng.NextDouble()) - (0.25 * household.Need), 0.05, 0.95),
        };
    }

    /// <summary>The address before the window, then 0–3 moves on dates inside it.</summary>
    private void AddAddresses(Household household, Rng rng)
    {
        household.Addresses.Add((DateOnly.MinValue, RandomAddress(rng, household.Index)));
        var moves = Enumerable.Range(0, rng.Weighted([0.55, 0.3, 0.12, 0.03]))
            .Select(_ => rng.Day(options.Start.FirstDay, options.End))
            .Order()
            .ToList();
        foreach (var moved in moves)
        {
            household.Addresses.Add((moved, RandomAddress(rng, household.Index)));
        }
    }

    private static Address RandomAddress(Rng rng, int householdIndex)
    {
        var (city, zips) = NameBank.Cities[rng.Weighted([0.45, 0.12, 0.14, 0.08, 0.09, 0.07, 0.05])];
        var zip = zips[rng.Next(zips.Length)];
        if (rng.Chance(0.15))
        {
            // Apartment complexes: many households at one street address, units often left off.
            var complex = rng.Next(1 + (householdIndex / 60));
            var crng = Rng.For(7, Rng.Stream.Household, complex);
            var number = crng.Next(100, 9900);
            var unit = string.Create(CultureInfo.InvariantCulture, $"Apt {rng.Next(1, 40)}{(char)('A' + rng.Next(4))}");
            return new Address(number, NameBank.StreetNames[crng.Next(NameBank.StreetNames.Length)], crng.Next(NameBank.StreetTypes.Length), unit, city, zip);
        }

        return new Address(rng.Next(1, 9999), NameBank.StreetNames[rng.Next(NameBank.StreetNames.Length)], rng.Next(NameBank.StreetTypes.Length), "", city, zip);
    }

    private static string Surname(Rng rng, Race race, bool hispanic)
    {
        var pool = hispanic ? NameBank.HispanicSurnames : race == Race.Asian ? NameBank.AsianSurnames : NameBank.GeneralSurnames;
        if (!hispanic && rng.Chance(0.06))
        {
            pool = NameBank.HispanicSurnames;
        }

        return pool[Zipf(rng, pool.Length)];
    }

    private static int Zipf(Rng rng, int count)
    {
        // Weight 1/(rank+3): the top name is ~10x the last in a list of 100, as in census tables.
        var u = rng.NextDouble();
        var x = Math.Exp(u * Math.Log((count + 3) / 3.0)) * 3.0;
        return Math.Clamp((int)x - 3, 0, count - 1);
    }

    private static DateOnly BirthForAge(Rng rng, DateOnly at, int minAge, int maxAge) =>
        rng.Day(at.AddYears(-maxAge - 1).AddDays(1), at.AddYears(-minAge));

    private static DateOnly NearBirth(Rng rng, DateOnly birth, int years) =>
        birth.AddDays(rng.Next(-years * 365, (years * 365) + 1));

    private static string Phone(Rng rng) =>
        string.Create(CultureInfo.InvariantCulture, $"{rng.Pick(AreaCodes)}{rng.Next(200, 999)}{rng.Next(0, 10000):D4}");

    private static readonly string[] AreaCodes = ["406", "555", "327"];
}
