using Tessera.Synthetic.Noise;
using Tessera.Synthetic.Output;
using Tessera.Synthetic.Population;
using Tessera.Synthetic.Randomness;

namespace Tessera.Synthetic.Sources;

/// <summary>
/// Department of corrections: inmates and their releases, and the state criminal-history
/// system's arrests and convictions. Planted: re-arrest within one year of release ≈ 30%,
/// within three years ≈ 45%.
/// </summary>
internal static class CorrectionsSource
{
    private const string Name = SourceLayout.Corrections;
    private const string DateFormat = "yyyy-MM-dd";
    private static readonly string[] Facilities = ["Riverton Correctional Center", "State Prison North", "Millbrook Women's Facility", "Cedar Falls Work Release"];
    private static readonly string[] Agencies = ["RIVERTON PD", "COUNTY SHERIFF", "FAIRVIEW PD", "STATE PATROL"];

    public static void Generate(Household household, ChunkContext ctx)
    {
        var rng = Rng.For(ctx.Options.Seed, Rng.Stream.Corrections, household.Index);
        foreach (var person in household.Adults(ctx.Start))
        {
            var age = person.AgeOn(ctx.Start);
            var risk = (person.Sex == 'M' ? 0.014 : 0.004) * (1 + (2.5 * household.Need)) * (age < 45 ? 1.5 : 0.4);
            if (rng.Chance(risk))
            {
                Incarcerate(person, rng, ctx);
            }
            else if (rng.Chance(risk * 0.8))
            {
                Arrest(person, rng.Day(ctx.Start, ctx.End), rng, ctx);
            }
        }
    }

    private static void Incarcerate(Person person, Rng rng, ChunkContext ctx)
    {
        var released = rng.Day(ctx.Start, ctx.End.AddMonths(-1));
        var admitted = released.AddDays(-rng.Next(180, 365 * 5));
        person.Facts.Incarcerations.Add((admitted, released));

        var docNumber = ctx.Ids.Make(IdKind.Inmate, person.Index, 0);
        var identity = ctx.Noise.Record(person, admitted, rng, AgencyProfile.Corrections);
        ctx.CountIdentity(Name, identity);
        ctx.Sink.Row(Name, ctx.Delivery(admitted, rng), "inmates.csv")
            .F(docNumber).F(identity.Family.ToUpperInvariant()).F(identity.Given.ToUpperInvariant()).F(identity.Middle.ToUpperInvariant())
            .F(identity.Suffix).Date(identity.BirthDate, DateFormat).F(identity.Ssn).F(person.Sex.ToString()).F(RaceCode(person)).End();
        ctx.Truth.Record(Name, docNumber, person.PersonId);

        ctx.Sink.Row(Name, ctx.Delivery(released, rng), "releases.csv")
            .F(ctx.Ids.Make(IdKind.Release, person.Index, 0)).F(docNumber).Date(admitted, DateFormat).Date(released, DateFormat)
            .F(rng.Pick(ReleaseTypes)).F(rng.Pick(Facilities)).End();
        ctx.Tally.Add("corrections.releases");

        // Recidivism hazard: most re-arrests come early.
        var rearrest = rng.Chance(0.30) ? released.AddDays(rng.Next(5, 365))
            : rng.Chance(0.22) ? released.AddDays(rng.Next(366, 365 * 3))
            : (DateOnly?)null;
        if (rearrest is { } when && when < ctx.End)
        {
            Arrest(person, when, rng, ctx);
        }

        if (ctx.End.DayNumber - released.DayNumber >= 365)
        {
            ctx.Tally.Add("corrections.releases_with_1y_followup");
        }
    }

    private static void Arrest(Person person, DateOnly when, Rng rng, ChunkContext ctx)
    {
        var arrestId = ctx.Ids.Make(IdKind.Arrest, person.Index, 0);
        var identity = ctx.Noise.Record(person, when, rng, AgencyProfile.Corrections);
        ctx.CountIdentity(Name, identity);
        var felony = rng.Chance(0.4);
        ctx.Sink.Row(Name, ctx.Delivery(when, rng), "arrests.csv")
            .F(arrestId).F(ctx.Ids.Make(IdKind.StateId, person.Index, 0)).F(identity.Family.ToUpperInvariant()).F(identity.Given.ToUpperInvariant())
            .Date(identity.BirthDate, DateFormat).F(person.Sex.ToString()).F(RaceCode(person)).Date(when, DateFormat)
            .F(felony ? "F" : "M").F(rng.Pick(Agencies)).End();
        ctx.Truth.Record(Name, arrestId, person.PersonId);
        ctx.Tally.Add("corrections.arrests");
        if (person.Facts.Incarcerations.Count > 0 && when.DayNumber - person.Facts.Incarcerations[^1].Released.DayNumber <= 365)
        {
            ctx.Tally.Add("corrections.rearrest_within_1y");
        }

        if (rng.Chance(0.55))
        {
            var disposed = when.AddDays(rng.Next(45, 240));
            if (disposed < ctx.End)
            {
                ctx.Sink.Row(Name, ctx.Delivery(disposed, rng), "convictions.csv")
                    .F(ctx.Ids.Make(IdKind.Conviction, person.Index, 0)).F(arrestId).Date(disposed, DateFormat)
                    .F(felony && rng.Chance(0.7) ? "F" : "M").F(rng.Pick(SentenceTypes)).End();
            }
        }
    }

    private static readonly string[] ReleaseTypes = ["PAROLE", "PAROLE", "MAX_OUT", "PROBATION"];
    private static readonly string[] SentenceTypes = ["PRISON", "JAIL", "PROBATION", "FINE"];

    private static string RaceCode(Person person) => person.Hispanic ? "H" : person.Race switch
    {
        Race.White => "W",
        Race.Black => "B",
        Race.Asian => "A",
        Race.AmericanIndian => "I",
        _ => "O",
    };
}
