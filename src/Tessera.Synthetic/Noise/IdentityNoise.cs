using Tessera.Synthetic.Population;
using Tessera.Synthetic.Randomness;

namespace Tessera.Synthetic.Noise;

/// <summary>
/// Turns a true person into what a clerk typed: typos, nicknames, swapped day and month,
/// missing or placeholder SSNs, stale maiden names, suffixes dropped or glued to the surname.
/// The rates come from <see cref="SynthOptions"/>; the mix of kinds is fixed.
/// </summary>
internal sealed class IdentityNoise(SynthOptions options)
{
    private static readonly string[] Placeholders = ["000000000", "999999999", "123456789"];
    private const string Keyboard = "qwertyuiopasdfghjklzxcvbnm";

    public RecordIdentity Record(Person person, DateOnly on, Rng rng, AgencyProfile profile)
    {
        var family = person.FamilyOn(on);
        if (person.BirthFamily is not null && family != person.BirthFamily && rng.Chance(profile.StaleSurnameRate))
        {
            family = person.BirthFamily;
        }

        var given = person.Given;
        var nameError = rng.Chance(options.NameErrorRate);
        if (nameError)
        {
            if (NameBank.Nicknames.TryGetValue(given, out var nicknames) && rng.Chance(0.5))
            {
                given = rng.Pick(nicknames);
            }
            else if (rng.Chance(0.6))
            {
                given = Typo(given, rng);
            }
            else
            {
                family = Typo(family, rng);
            }
        }

        var middle = profile.MiddleName switch
        {
            MiddleNameHabit.Full when rng.Chance(0.8) => person.Middle,
            MiddleNameHabit.Initial or MiddleNameHabit.Full when person.Middle.Length > 0 && rng.Chance(0.7) => person.Middle[..1],
            _ => "",
        };

        var suffix = person.Suffix;
        if (suffix.Length > 0)
        {
            var roll = rng.NextDouble();
            if (roll < 0.3)
            {
                suffix = "";
            }
            else if (roll < 0.5)
            {
                family = family + " " + suffix;
                suffix = "";
            }
        }

        DateOnly? birth = person.BirthDate;
        var birthError = rng.Chance(options.BirthDateErrorRate);
        if (birthError)
        {
            birth = WrongBirthDate(person.BirthDate, rng);
        }

        var (ssn, state) = SsnFor(person, on, rng, profile);
        return new RecordIdentity(given, middle, family, suffix, birth, ssn, state, nameError, birthError);
    }

    private (string Ssn, SsnState State) SsnFor(Person person, DateOnly on, Rng rng, AgencyProfile profile)
    {
        var child = !person.IsAdultOn(on);
        var missing = child ? profile.ChildMissingSsn : Math.Min(1, options.MissingSsnRate * profile.AdultMissingSsnFactor);
        var roll = rng.NextDouble();
        if (roll < options.PlaceholderSsnRate)
        {
            return (rng.Pick(Placeholders), SsnState.Placeholder);
        }

        if (person.Ssn.Length == 0 || roll < options.PlaceholderSsnRate + missing)
        {
            return ("", SsnState.Missing);
        }

        if (rng.Chance(0.01))
        {
            var chars = person.Ssn.ToCharArray();
            var i = rng.Next(8);
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            var typo = new string(chars);
            return typo == person.Ssn ? (person.Ssn, SsnState.Valid) : (typo, SsnState.Typo);
        }

        return (person.Ssn, SsnState.Valid);
    }

    public static DateOnly WrongBirthDate(DateOnly truth, Rng rng)
    {
        if (truth.Day <= 12 && truth.Day != truth.Month && rng.Chance(0.5))
        {
            return new DateOnly(truth.Year, truth.Day, truth.Month);
        }

        return rng.Next(3) switch
        {
            0 => truth.AddDays(rng.Chance(0.5) ? 1 : -1),
            1 => truth.AddYears(rng.Chance(0.5) ? 1 : -1),
            _ => truth.AddDays(rng.Chance(0.5) ? 10 : -10), // a mistyped tens digit of the day
        };
    }

    public static string Typo(string text, Rng rng)
    {
        if (text.Length < 2)
        {
            return text + "a";
        }

        var chars = new List<char>(text);
        var i = rng.Next(1, chars.Count);
        switch (rng.Next(4))
        {
            case 0:
                var replacement = Keyboard[rng.Next(Keyboard.Length)];
                chars[i] = char.IsUpper(chars[i]) ? char.ToUpperInvariant(replacement) : replacement;
                break;
            case 1:
                (chars[i - 1], chars[i]) = (chars[i], chars[i - 1]);
                break;
            case 2:
                chars.RemoveAt(i);
                break;
            default:
                chars.Insert(i, chars[i]);
                break;
        }

        var result = new string([.. chars]);
        return result == text ? text + "e" : result;
    }
}
