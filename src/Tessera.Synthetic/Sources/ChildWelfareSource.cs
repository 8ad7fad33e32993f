using Tessera.Synthetic.Effects;
using Tessera.Synthetic.Noise;
using Tessera.Synthetic.Output;
using Tessera.Synthetic.Population;
using Tessera.Synthetic.Randomness;

namespace Tessera.Synthetic.Sources;

/// <summary>
/// Child welfare: reports, allegations with investigation dispositions, removals with placement
/// episodes and exit reasons, risk assessments and family-preservation service episodes. Planted:
/// three or more months of family preservation halve the chance of a new screened-in report within
/// 12 months after services end; a risk score at or above a cut-off decides the referral to family
/// preservation (see <see cref="Planted.RiskCutoff"/>).
/// </summary>
internal static class ChildWelfareSource
{
    private const string Name = SourceLayout.ChildWelfare;
    private const string DateFormat = "M/d/yyyy";
    private const int MaxReports = 4;
    /// <summary>The county's family-preservation providers: id and name.</summary>
    internal static readonly (string Id, string Name)[] FamilyPreservationProviders =
        [("FP01", "Family Bridges"), ("FP02", "Harbor Family Services"), ("FP03", "New Roots Family Center"), ("FP04", "Kinship First")];

    private static readonly string[] MaltreatmentTypes = ["NEGLECT", "NEGLECT", "NEGLECT", "PHYSICAL_ABUSE", "EMOTIONAL_ABUSE", "SEXUAL_ABUSE"];
    private static readonly string[] ReporterTypes = ["SCHOOL", "LAW_ENFORCEMENT", "MEDICAL", "RELATIVE", "ANONYMOUS", "SOCIAL_SERVICES"];
    private static readonly string[] Settings = ["FOSTER_FAMILY", "FOSTER_FAMILY", "KINSHIP", "KINSHIP", "GROUP_HOME", "INSTITUTION"];

    public static void Generate(Household household, ChunkContext ctx)
    {
        var rng = Rng.For(ctx.Options.Seed, Rng.Stream.ChildWelfare, household.Index);
        var children = household.Members.Where(m => m.Role == HouseholdRole.Child).ToList();
        if (children.Count == 0 || !rng.Chance(0.05 + (0.30 * household.Need) + (household.Head.Facts.OnBenefits ? 0.05 : 0)))
        {
            return;
        }

        var state = new FamilyCase(household, children, ctx, rng, Rng.For(ctx.Options.Seed, Rng.Stream.ChildWelfareRisk, household.Index));
        var next = (DateOnly?)rng.Day(ctx.Start, ctx.End.AddMonths(-1));
        for (var r = 0; r < MaxReports && next is { } when && when < ctx.End; r++)
        {
            next = Report(state, when, r);
        }
    }

    /// <summary>One report and everything that follows it; returns the date of the next report, if any.</summary>
    private static DateOnly? Report(FamilyCase fc, DateOnly received, int sequence)
    {
        var (ctx, rng, household) = (fc.Ctx, fc.Rng, fc.Household);
        var reportId = ctx.Ids.Make(IdKind.WelfareReport, household.Index, sequence);
        var screenedIn = sequence > 0 || rng.Chance(0.75);
        ctx.Sink.Row(Name, ctx.Delivery(received, rng), "reports.csv")
            .F(reportId).Date(received, DateFormat).F(rng.Pick(ReporterTypes)).F(screenedIn ? "Y" : "N").F("RIVERTON").End();
        if (!screenedIn)
        {
            return null;
        }

        var caregiver = household.Members.FirstOrDefault(m => m.Role is HouseholdRole.Head or HouseholdRole.Partner && m.Sex == 'F') ?? household.Head;
        var caregiverId = fc.PersonRecord(caregiver, received);
        var victims = fc.Children.Where(c => c.BirthDate < received && c.AgeOn(received) < 18).ToList();
        if (victims.Count == 0)
        {
            return null;
        }

        if (rng.Chance(0.6))
        {
            victims = [victims[rng.Next(victims.Count)]];
        }

        var roll = rng.NextDouble();
        var disposition = roll < 0.26 ? "SUBSTANTIATED" : roll < 0.40 ? "INDICATED" : "UNFOUNDED";
        var investigated = received.AddDays(rng.Next(0, 3));
        var disposed = investigated.AddDays(rng.Next(14, 60));
        var allegation = 0;
        foreach (var victim in victims)
        {
            var victimId = fc.PersonRecord(victim, received);
            ctx.Sink.Row(Name, ctx.Delivery(disposed < ctx.End ? disposed : received, rng), "allegations.csv")
                .F(ctx.Ids.Make(IdKind.WelfareAllegation, household.Index, (sequence * 32) + allegation++)).F(reportId).F(victimId).F(caregiverId)
                .F(rng.Pick(MaltreatmentTypes)).Date(investigated, DateFormat).F(disposed < ctx.End ? disposition : "PENDING")
                .Date(disposed < ctx.End ? disposed : null, DateFormat).End();
        }

        if (disposition == "UNFOUNDED" || disposed >= ctx.End)
        {
            return rng.Chance(0.10) ? disposed.AddDays(rng.Next(30, 500)) : null;
        }

        // The risk assessment decides: at or above the cut-off, family preservation; below it, a
        // removal for about half the families and nothing for the rest, with more new reports the
        // higher the score. The score and its row come from a stream of their own.
        var score = fc.Risk.Next(100);
        ctx.Sink.Row(Name, ctx.Delivery(disposed, fc.Risk), "assessments.csv")
            .F(ctx.Ids.Make(IdKind.WelfareAssessment, household.Index, sequence)).F(reportId).F(caregiverId).Date(disposed, DateFormat).N(score).End();
        var service = rng.NextDouble();
        DateOnly? next;
        if (score >= Planted.RiskCutoff)
        {
            next = FamilyPreservation(fc, caregiverId, reportId, disposed, sequence);
        }
        else
        {
            if (service < RemovalShareBelowCutoff)
            {
                foreach (var victim in victims)
                {
                    Removal(fc, victim, disposed.AddDays(-rng.Next(0, 10)), sequence);
                }
            }

            next = rng.Chance(Planted.RereportChance(score)) ? disposed.AddDays(rng.Next(30, 365)) : null;
        }

        if (disposed.AddDays(365) < ctx.End)
        {
            var side = score >= Planted.RiskCutoff ? "above" : "below";
            ctx.Tally.Add($"child_welfare.risk.{side}.cases");
            if (next is { } again && again <= disposed.AddDays(365))
            {
                ctx.Tally.Add($"child_welfare.risk.{side}.rereported_12m");
            }
        }

        return next;
    }

    /// <summary>Below the risk cut-off, the share of families whose children are removed.</summary>
    private const double RemovalShareBelowCutoff = 0.55;

    private static DateOnly? FamilyPreservation(FamilyCase fc, string caregiverId, string reportId, DateOnly disposed, int sequence)
    {
        var (ctx, rng) = (fc.Ctx, fc.Rng);
        var provider = FamilyPreservationProviders[rng.Next(FamilyPreservationProviders.Length)];
        var months = 1 + rng.Weighted([0.2, 0.25, 0.2, 0.15, 0.1, 0.1]);
        var start = disposed.AddDays(rng.Next(7, 30));
        var end = start.AddMonths(months).AddDays(-1);
        if (start >= ctx.End)
        {
            return null;
        }

        var ended = end < ctx.End;
        ctx.Sink.Row(Name, ctx.Delivery(ended ? end : start, rng), "fp_services.csv")
            .F(ctx.Ids.Make(IdKind.WelfareFamilyPreservation, fc.Household.Index, sequence)).F(caregiverId).F(reportId)
            .F(provider.Id).F(provider.Name).Date(start, DateFormat).Date(ended ? end : null, DateFormat).N(ended ? months : null).End();
        if (!ended)
        {
            return null;
        }

        var longDose = months >= 3;
        var reinvolved = rng.Chance(longDose ? Planted.ReinvolvementLongDose : Planted.ReinvolvementShortDose);
        var next = reinvolved ? end.AddDays(rng.Next(1, 366)) : (rng.Chance(0.08) ? end.AddDays(rng.Next(366, 700)) : (DateOnly?)null);
        if (end.AddDays(365) < ctx.End)
        {
            var group = longDose ? "long" : "short";
            ctx.Tally.Add($"child_welfare.fp.{group}.episodes");
            if (reinvolved)
            {
                ctx.Tally.Add($"child_welfare.fp.{group}.reinvolved_12m");
            }
        }

        return next;
    }

    private static void Removal(FamilyCase fc, Person child, DateOnly removed, int sequence)
    {
        var (ctx, rng) = (fc.Ctx, fc.Rng);
        var childId = fc.PersonRecord(child, removed);
        var removalId = ctx.Ids.Make(IdKind.WelfareRemoval, child.Index, sequence);
        var discharged = removed.AddDays(rng.Next(30, 720));
        var reason = child.AgeOn(discharged) >= 18 ? "EMANCIPATION" : rng.Pick(DischargeReasons);
        var removalReason = rng.Pick(RemovalReasons);
        ctx.Sink.Row(Name, ctx.Delivery(removed, rng), "removals.csv")
            .F(removalId).F(childId).Date(removed, DateFormat).F(removalReason).Empty(2).End();
        if (discharged < ctx.End)
        {
            // The same removal again, now with its discharge: an update in a later delivery.
            ctx.Sink.Row(Name, ctx.Delivery(discharged, rng), "removals.csv")
                .F(removalId).F(childId).Date(removed, DateFormat).F(removalReason).Date(discharged, DateFormat).F(reason).End();
        }

        var placements = rng.Weighted([0.5, 0.3, 0.2]) + 1;
        var from = removed;
        for (var p = 0; p < placements; p++)
        {
            var to = p == placements - 1 ? discharged : from.AddDays(rng.Next(20, Math.Max(21, (discharged.DayNumber - from.DayNumber) / 2)));
            if (from >= ctx.End || to > discharged)
            {
                break;
            }

            ctx.Sink.Row(Name, ctx.Delivery(from, rng), "placements.csv")
                .F(ctx.Ids.Make(IdKind.WelfarePlacement, child.Index, (sequence * 8) + p)).F(removalId).F(childId)
                .Date(from, DateFormat).Date(to < ctx.End ? to : null, DateFormat).F(rng.Pick(Settings))
                .F("PR" + rng.Next(100, 160).ToString(System.Globalization.CultureInfo.InvariantCulture)).End();
            from = to.AddDays(1);
        }

        ctx.Tally.Add("child_welfare.removals");
    }

    private static readonly string[] DischargeReasons = ["REUNIFICATION", "REUNIFICATION", "REUNIFICATION", "ADOPTION", "GUARDIANSHIP", "LIVING_WITH_RELATIVE"];
    private static readonly string[] RemovalReasons = ["NEGLECT", "PHYSICAL_ABUSE", "PARENT_SUBSTANCE_USE", "INADEQUATE_HOUSING", "CAREGIVER_INABILITY"];

    /// <summary>One family's child-welfare history: each person gets one record the first time they appear.</summary>
    private sealed class FamilyCase(Household household, List<Person> children, ChunkContext ctx, Rng rng, Rng risk)
    {
        private readonly Dictionary<int, string> _records = [];

        public Household Household { get; } = household;

        public List<Person> Children { get; } = children;

        public ChunkContext Ctx { get; } = ctx;

        public Rng Rng { get; } = rng;

        /// <summary>Risk scores and their rows' delivery: a stream of their own, so the planted cut-off leaves every other draw alone.</summary>
        public Rng Risk { get; } = risk;

        public string PersonRecord(Person person, DateOnly firstSeen)
        {
            if (_records.TryGetValue(person.Index, out var id))
            {
                return id;
            }

            id = Ctx.Ids.Make(IdKind.WelfarePerson, person.Index, 0);
            _records[person.Index] = id;
            var identity = Ctx.Noise.Record(person, firstSeen, Rng, AgencyProfile.ChildWelfare);
            Ctx.CountIdentity(Name, identity);
            var estimated = Rng.Chance(0.03);
            var birth = estimated && identity.BirthDate is { } b ? new DateOnly(b.Year, 1, 1) : identity.BirthDate;
            Ctx.Sink.Row(Name, Ctx.Delivery(firstSeen, Rng), "persons.csv")
                .F(id).F(identity.Given).F(identity.Middle).F(identity.Family).F(identity.Suffix.Length > 0 ? (identity.Suffix == "JR" ? "Jr." : "Sr.") : "")
                .Date(birth, DateFormat).F(estimated ? "Y" : "N").F(identity.DashedSsn).F(person.Sex == 'F' ? "Female" : "Male")
                .F(person.Race.ToString()).F(person.Hispanic ? "Yes" : "No").End();
            Ctx.Truth.Record(Name, id, person.PersonId);
            return id;
        }
    }
}
