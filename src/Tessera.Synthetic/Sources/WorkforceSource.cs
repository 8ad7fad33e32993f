using System.Globalization;
using Tessera.Synthetic.Effects;
using Tessera.Synthetic.Noise;
using Tessera.Synthetic.Output;
using Tessera.Synthetic.Population;
using Tessera.Synthetic.Randomness;

namespace Tessera.Synthetic.Sources;

/// <summary>
/// Workforce agency: job-training referrals, enrolment, first-day attendance, completion and
/// exit by provider. Planted: a clearly best and a clearly worst provider, a provider whose
/// referral-to-enrolment rate collapses for three months, and two equally effective providers of
/// whom one serves markedly harder cases (people released from prison).
/// </summary>
internal static class WorkforceSource
{
    private const string Name = SourceLayout.Workforce;
    private const string DateFormat = "yyyyMMdd";
    private static readonly string[] ReferralSources = ["TANF", "SNAP_E&T", "SELF", "REENTRY", "AJC"];

    public static void Generate(Household household, ChunkContext ctx)
    {
        var rng = Rng.For(ctx.Options.Seed, Rng.Stream.Workforce, household.Index);
        foreach (var person in household.Members)
        {
            var age = person.AgeOn(ctx.Start);
            if (age is < 18 or > 62)
            {
                continue;
            }

            var p = 0.03 + (0.10 * household.Need) + (person.Facts.OnBenefits ? 0.08 : 0);
            DateOnly earliest = ctx.Start;
            if (person.Facts.Incarcerations.Count > 0)
            {
                p += 0.25;
                earliest = person.Facts.Incarcerations[^1].Released;
            }

            if (!rng.Chance(p) || earliest >= ctx.End.AddMonths(-2))
            {
                continue;
            }

            var referrals = rng.Chance(0.12) ? 2 : 1;
            string? participantId = null;
            var when = rng.Day(earliest, ctx.End.AddMonths(-1));
            for (var r = 0; r < referrals && when < ctx.End; r++)
            {
                participantId ??= Participant(person, when, rng, ctx);
                when = Refer(person, participantId, r, when, rng, ctx).AddDays(rng.Next(60, 400));
            }
        }
    }

    private static string Participant(Person person, DateOnly when, Rng rng, ChunkContext ctx)
    {
        var id = ctx.Ids.Make(IdKind.WorkforceParticipant, person.Index, 0);
        var identity = ctx.Noise.Record(person, when, rng, AgencyProfile.Workforce);
        ctx.CountIdentity(Name, identity);
        var name = identity.Family.ToUpperInvariant() + ", " + identity.Given.ToUpperInvariant()
            + (identity.Middle.Length > 0 ? " " + identity.Middle[..1].ToUpperInvariant() : "")
            + (identity.Suffix.Length > 0 ? " " + identity.Suffix : "");
        ctx.Sink.Row(Name, ctx.Delivery(when, rng), "participants.csv")
            .F(id).F(name).Date(identity.BirthDate, DateFormat).F(identity.DashedSsn).F(person.Sex == 'F' ? "F" : "M")
            .F(RaceText(person.Race)).F(person.Hispanic ? "HISPANIC" : "NOT HISPANIC").F(person.Household.AddressOn(when).Zip)
            .F(rng.Chance(0.8) ? person.Phone : "").End();
        ctx.Truth.Record(Name, id, person.PersonId);
        return id;
    }

    private static DateOnly Refer(Person person, string participantId, int sequence, DateOnly referred, Rng rng, ChunkContext ctx)
    {
        var provider = Planted.TrainingProviders[rng.Next(Planted.TrainingProviders.Count)];
        var hard = person.Facts.Incarcerations.Count > 0 && person.Facts.Incarcerations[^1].Released < referred;
        if (hard ? rng.Chance(Planted.HarderCasesRouting) : provider.Id == Planted.HarderCasesProvider && rng.Chance(Planted.EasierCasesRouting))
        {
            // Re-entry referrals go mostly to the provider for harder cases; it takes few of the others, who go to its twin.
            provider = Planted.TrainingProviders.First(p => p.Id == (hard ? Planted.HarderCasesProvider : Planted.ClientMixPair.First(id => id != Planted.HarderCasesProvider)));
        }
        var referralId = ctx.Ids.Make(IdKind.WorkforceReferral, person.Index, sequence);
        var month = ctx.Sink.MonthOf(referred);
        ctx.Sink.Row(Name, ctx.Delivery(referred, rng), "referrals.csv")
            .F(referralId).F(participantId).F(provider.Id).F(provider.Name).F("JOB_TRAINING").Date(referred, DateFormat)
            .F(person.Facts.Incarcerations.Count > 0 ? "REENTRY" : rng.Pick(ReferralSources)).End();
        ctx.Tally.Add($"workforce.{provider.Id}.referrals");
        ctx.Tally.Add(string.Create(CultureInfo.InvariantCulture, $"workforce.{provider.Id}.m{month:D3}.referrals"));

        var enrolment = provider.Enrolment;
        var collapse = Planted.CollapseMonth(ctx.Options.Months);
        if (provider.Id == Planted.CollapsingTrainingProvider && month >= collapse && month < collapse + 3)
        {
            enrolment = Planted.CollapsedEnrolment;
        }

        if (!rng.Chance(enrolment))
        {
            return referred;
        }

        var enrolled = referred.AddDays(provider.Id == Planted.BestTrainingProvider ? rng.Next(3, 15) : rng.Next(5, 45));
        if (enrolled >= ctx.End)
        {
            return referred;
        }

        ctx.Tally.Add($"workforce.{provider.Id}.enrolments");
        ctx.Tally.Add(string.Create(CultureInfo.InvariantCulture, $"workforce.{provider.Id}.m{month:D3}.enrolments"));
        var attended = rng.Chance(Planted.FirstDayChance(provider, enrolled, ctx.Options.Start, ctx.Options.Months));
        var mix = Planted.ClientMixPair.Contains(provider.Id);
        var completed = attended && rng.Chance(provider.Completion * (hard ? Planted.AfterPrisonCompletionFactor : 1));
        if (mix)
        {
            ctx.Tally.Add($"workforce.{provider.Id}.{(hard ? "hard" : "easy")}.enrolments");
            if (completed)
            {
                ctx.Tally.Add($"workforce.{provider.Id}.{(hard ? "hard" : "easy")}.completions");
            }
        }
        var exit = completed ? enrolled.AddDays(rng.Next(60, 180)) : enrolled.AddDays(rng.Next(1, 60));
        if (completed)
        {
            ctx.Tally.Add($"workforce.{provider.Id}.completions");
        }

        var enrollmentId = ctx.Ids.Make(IdKind.WorkforceEnrollment, person.Index, sequence);
        ProviderServicesSource.Sessions(ctx, provider, ((long)person.Index << 12) | (uint)sequence, participantId, enrollmentId, enrolled, attended, completed, exit);
        var cost = Math.Round(provider.CostPerEnrollee * (decimal)(0.7 + (0.6 * rng.NextDouble())) * (completed ? 1m : 0.4m), 2);
        WriteEnrollment(ctx, rng, enrolled, enrollmentId, referralId, participantId, provider, enrolled, attended, null, null, null, false, null);
        if (exit < ctx.End)
        {
            person.Facts.TrainingExits.Add((exit, completed));
            var credential = completed && rng.Chance(0.7);
            WriteEnrollment(ctx, rng, exit, enrollmentId, referralId, participantId, provider, enrolled, attended,
                completed ? exit : null, exit, completed ? "COMPLETED" : attended ? "DROPPED_OUT" : "NO_SHOW", credential, cost);
        }

        return exit;
    }

    private static void WriteEnrollment(ChunkContext ctx, Rng rng, DateOnly asOf, string enrollmentId, string referralId, string participantId,
        TrainingProvider provider, DateOnly enrolled, bool attended, DateOnly? completed, DateOnly? exit, string? exitReason, bool credential, decimal? cost)
    {
        var row = ctx.Sink.Row(Name, ctx.Delivery(asOf, rng), "enrollments.csv")
            .F(enrollmentId).F(referralId).F(participantId).F(provider.Id).Date(enrolled, DateFormat).F(attended ? "Y" : "N")
            .Date(completed, DateFormat).Date(exit, DateFormat).F(exitReason).F(exit is null ? "" : credential ? "Y" : "N");
        if (cost is { } c)
        {
            row.Money(c);
        }
        else
        {
            row.Empty();
        }

        row.Date(asOf, DateFormat).End();
    }

    private static string RaceText(Race race) => race switch
    {
        Race.White => "WHITE",
        Race.Black => "BLACK",
        Race.Asian => "ASIAN",
        Race.AmericanIndian => "AMERICAN INDIAN",
        Race.PacificIslander => "PACIFIC ISLANDER",
        _ => "TWO OR MORE",
    };
}
