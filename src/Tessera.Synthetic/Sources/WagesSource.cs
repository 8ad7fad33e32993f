using System.Globalization;
using Tessera.Core.Time;
using Tessera.Synthetic.Effects;
using Tessera.Synthetic.Output;
using Tessera.Synthetic.Population;
using Tessera.Synthetic.Randomness;

namespace Tessera.Synthetic.Sources;

/// <summary>
/// Quarterly unemployment-insurance wage records (SSN, name, employer, quarter, wages), sent
/// two months after each quarter ends. Only people with an SSN appear: wage records carry no
/// birth date or address, so they link on SSN and name alone. Planted: completing job training
/// lifts employment in the 2nd quarter after exit; a child-care subsidy lifts a parent's
/// employment; prison stops earnings and depresses them after release.
/// </summary>
internal static class WagesSource
{
    private const int DeliveryLagMonths = 2;

    public static void Generate(Household household, ChunkContext ctx)
    {
        var rng = Rng.For(ctx.Options.Seed, Rng.Stream.Wages, household.Index);
        var quarters = Quarters(ctx);
        foreach (var person in household.Members)
        {
            if (person.Ssn.Length == 0)
            {
                // No SSN, no UI-covered wages: a subsidised parent's quarters count as quarters without them.
                foreach (var (_, _, first, _) in quarters.Where(q => person.AgeOn(q.First) is >= 18 and <= 70))
                {
                    TallySubsidyOutcome(person, first, false, ctx);
                }

                continue;
            }

            var employers = new[] { Employer(rng), Employer(rng) };
            var sequence = 0;
            foreach (var (year, quarter, first, last) in quarters)
            {
                var age = person.AgeOn(first);
                if (age is < 18 or > 70)
                {
                    continue;
                }

                var p = EmploymentChance(person, first, last);
                var employed = rng.Chance(p);
                TallyTrainingOutcome(person, first, employed, ctx);
                TallySubsidyOutcome(person, first, employed, ctx);
                if (!employed)
                {
                    continue;
                }

                var delivered = YearMonth.Of(last).AddMonths(DeliveryLagMonths);
                if (delivered > ctx.Options.LastMonth)
                {
                    continue;
                }

                var month = delivered.Ordinal - ctx.Options.Start.Ordinal;
                var jobs = rng.Chance(0.1) ? 2 : 1;
                for (var j = 0; j < jobs && sequence < 4096; j++)
                {
                    WriteRecord(person, year, quarter, first, employers[j], month, sequence++, rng, ctx);
                }
            }
        }
    }

    private static double EmploymentChance(Person person, DateOnly first, DateOnly last)
    {
        var p = person.Employability;
        foreach (var (admitted, released) in person.Facts.Incarcerations)
        {
            if (admitted <= last && released >= first)
            {
                return 0;
            }

            if (released < first && first.DayNumber - released.DayNumber < 365)
            {
                p *= 0.6;
            }
        }

        foreach (var (exit, completed) in person.Facts.TrainingExits)
        {
            if (exit < first)
            {
                p += completed ? Planted.CompletionEmploymentLift : 0.02;
            }
        }

        if (person.Facts.SubsidyStart is { } subsidy && subsidy < first)
        {
            p += Planted.SubsidyEmploymentLift;
        }

        return Math.Min(p, 0.97);
    }

    private static void TallyTrainingOutcome(Person person, DateOnly quarterStart, bool employed, ChunkContext ctx)
    {
        foreach (var (exit, completed) in person.Facts.TrainingExits)
        {
            // 2nd quarter after the exit quarter (WIOA's definition).
            var exitQuarterStart = new DateOnly(exit.Year, (((exit.Month - 1) / 3) * 3) + 1, 1);
            if (exitQuarterStart.AddMonths(6) == quarterStart)
            {
                var group = completed ? "completers" : "noncompleters";
                ctx.Tally.Add($"wages.q2_after_exit.{group}");
                if (employed)
                {
                    ctx.Tally.Add($"wages.q2_after_exit.{group}.employed");
                }
            }
        }
    }

    private static void TallySubsidyOutcome(Person person, DateOnly quarterStart, bool employed, ChunkContext ctx)
    {
        if (person.Facts.SubsidyStart is not { } subsidy)
        {
            return;
        }

        var group = quarterStart > subsidy ? "after" : "before";
        ctx.Tally.Add($"wages.subsidy_parents.{group}");
        if (employed)
        {
            ctx.Tally.Add($"wages.subsidy_parents.{group}.employed");
        }
    }

    private static void WriteRecord(Person person, int year, int quarter, DateOnly first, string employer, int month, int sequence, Rng rng, ChunkContext ctx)
    {
        var id = ctx.Ids.Make(IdKind.Wage, person.Index, sequence);
        var last = person.FamilyOn(first).ToUpperInvariant();
        if (last.Length > 14)
        {
            last = last[..14];
        }

        var given = person.Given.ToUpperInvariant();
        if (rng.Chance(0.25))
        {
            given = given[..1];
        }
        else if (rng.Chance(ctx.Options.NameErrorRate))
        {
            given = Noise.IdentityNoise.Typo(given, rng);
        }

        var ssn = person.Ssn;
        if (rng.Chance(0.005))
        {
            var chars = ssn.ToCharArray();
            var i = rng.Next(8);
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            ssn = new string(chars);
        }

        var wages = Math.Round((decimal)(Math.Exp(8.4 + (0.5 * rng.Normal())) * (0.6 + person.Employability)), 2);
        ctx.Sink.Row(SourceLayout.Workforce, month, SourceLayout.Wages.File)
            .F(id).F(ssn).F(last).F(given).F(employer).F(year).F(quarter).Money(wages).End();
        ctx.Truth.Record(SourceLayout.Workforce, id, person.PersonId);
        ctx.Tally.Add("wages.records");
    }

    private static string Employer(Rng rng) =>
        string.Create(CultureInfo.InvariantCulture, $"{rng.Next(10, 99)}-{rng.Next(1000000, 9999999)}");

    private static List<(int Year, int Quarter, DateOnly First, DateOnly Last)> Quarters(ChunkContext ctx)
    {
        var list = new List<(int, int, DateOnly, DateOnly)>();
        var start = ctx.Start;
        var q = new DateOnly(start.Year, (((start.Month - 1) / 3) * 3) + 1, 1);
        while (q < ctx.End)
        {
            list.Add((q.Year, ((q.Month - 1) / 3) + 1, q, q.AddMonths(3).AddDays(-1)));
            q = q.AddMonths(3);
        }

        return list;
    }
}
