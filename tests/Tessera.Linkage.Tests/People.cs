using Tessera.Linkage.Records;

namespace Tessera.Linkage.Tests;

/// <summary>Builds identity records for tests: <c>People.Record("a", given: "Ada", ...)</c>.</summary>
internal static class People
{
    public static IdentityRecord Record(
        string id,
        string? given = null,
        string? family = null,
        string? birthDate = null,
        string? ssn = null,
        string? sex = null,
        string? street = null,
        string? zip = null,
        string? phone = null,
        string? middle = null,
        int source = 0,
        string? city = null)
    {
        var values = new string?[StandardColumns.Count];
        values[(int)StandardColumn.GivenName] = given;
        values[(int)StandardColumn.MiddleName] = middle;
        values[(int)StandardColumn.FamilyName] = family;
        values[(int)StandardColumn.BirthDate] = birthDate;
        values[(int)StandardColumn.Ssn] = ssn;
        values[(int)StandardColumn.Sex] = sex;
        values[(int)StandardColumn.Street] = street;
        values[(int)StandardColumn.Zip] = zip;
        values[(int)StandardColumn.City] = city;
        values[(int)StandardColumn.Phone] = phone;
        return new IdentityRecord(source, id, values);
    }

    /// <summary>
    /// A crowd of distinct people living in households of one to five (sharing family name,
    /// address and phone, as real households do), so that training has non-matches to learn from.
    /// </summary>
    public static IEnumerable<IdentityRecord> Crowd(int count, int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < count;)
        {
            var surname = Word(random, 2, 3);
            var street = $"{random.Next(1, 9999)} {Word(random, 2, 3)} st";
            var zip = $"{random.Next(10000, 10100)}";
            var phone = $"555{random.Next(1000000, 9999999)}";
            var names = new HashSet<string>();
            var born = new HashSet<int>();
            var eldest = new DateOnly(1940, 1, 1).AddDays(random.Next(365 * 60));
            for (var member = random.Next(1, 6); member > 0 && n < count; member--, n++)
            {
                // Members of one household have their own names and are born at least a year apart
                // (twins are tested on their own).
                var given = Word(random, 2, 3);
                var years = names.Count == 0 ? 0 : random.Next(1, 25);
                if (!names.Add(given) || !born.Add(years))
                {
                    continue;
                }

                var birth = eldest.AddDays(years * 400);
                yield return Record(
                    $"crowd-{n}",
                    given,
                    surname,
                    birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    sex: random.Next(2) == 0 ? "M" : "F",
                    street: street,
                    zip: zip,
                    phone: phone);
            }
        }
    }

    /// <summary>A made-up name of a few syllables, so a crowd has thousands of distinct names as a county does.</summary>
    private static string Word(Random random, int fromSyllables, int toSyllables)
    {
        string[] syllables = ["ka", "lo", "mi", "ra", "sen", "tor", "vi", "bel", "dan", "gu", "har", "jo", "ne", "pa", "qui", "sa", "tu", "wen", "ya", "zo", "mar", "li", "ber", "co"];
        return string.Concat(Enumerable.Range(0, random.Next(fromSyllables, toSyllables + 1)).Select(_ => syllables[random.Next(syllables.Length)]));
    }
}
