using System.Globalization;
using Tessera.Synthetic.Noise;
using Tessera.Synthetic.Output;
using Tessera.Synthetic.Population;
using Tessera.Synthetic.Randomness;

namespace Tessera.Synthetic.Sources;

/// <summary>
/// TANF and SNAP cases: the case, its members with relationship to the head, monthly benefit
/// payments, and address history. Upper-case names, MM/DD/YYYY birth dates, SSNs as nine digits.
/// About one person in twenty is registered twice (a second member id from a later
/// re-application), and some erroneous member rows are re-sent corrected in a later month.
/// </summary>
internal static class BenefitsSource
{
    private const string Name = SourceLayout.Benefits;
    private const string DateFormat = "MM/dd/yyyy";
    private static readonly string[] Offices = ["RIVERTON CENTRAL", "RIVERTON EAST", "FAIRVIEW", "MILLBROOK", "OAK HARBOR"];

    public static void Generate(Household household, ChunkContext ctx)
    {
        var rng = Rng.For(ctx.Options.Seed, Rng.Stream.Benefits, household.Index);
        if (!rng.Chance(0.06 + (0.50 * household.Need)))
        {
            return;
        }

        var opened = rng.Chance(0.4) ? ctx.Start.AddDays(-rng.Next(30, 1000)) : rng.Day(ctx.Start, ctx.End.AddMonths(-1));
        var closed = opened.AddMonths(rng.Next(4, 37)).AddDays(rng.Next(0, 28));
        var children = household.Children(opened).Count();
        var programs = new List<string> { "SNAP" };
        if (children > 0 && household.Need > 0.55 && rng.Chance(0.55))
        {
            programs.Add("TANF");
        }

        var caseNumber = ctx.Ids.Make(IdKind.BenefitsCase, household.Index, 0);
        var office = rng.Pick(Offices);
        foreach (var program in programs)
        {
            var application = opened.AddDays(-rng.Next(5, 30));
            CaseRow(ctx, rng, caseNumber, program, application, opened, null, null, office, Max(opened, ctx.Start));
            if (closed < ctx.End)
            {
                CaseRow(ctx, rng, caseNumber, program, application, opened, closed, rng.Pick(CloseReasons), office, closed);
            }

            Payments(ctx, rng, caseNumber, program, household, opened, closed);
        }

        Addresses(ctx, rng, caseNumber, household, opened, closed);
        var sequence = 0;
        foreach (var member in household.Members)
        {
            member.Facts.OnBenefits = true;
            Member(ctx, rng, member, caseNumber, Max(opened, ctx.Start.AddDays(-365)), sequence++);
            if (ctx.Options.DuplicateRate > 0 && rng.Chance(ctx.Options.DuplicateRate))
            {
                // Re-application under a new member id: the same person, registered again.
                var again = rng.Day(Max(opened, ctx.Start), ctx.End);
                Member(ctx, rng, member, caseNumber, again, 64 + sequence++);
                ctx.Tally.Add("benefits.duplicate_registrations");
            }
        }
    }

    private static void Member(ChunkContext ctx, Rng rng, Person person, string caseNumber, DateOnly added, int sequence)
    {
        var memberId = ctx.Ids.Make(IdKind.BenefitsMember, person.Index, sequence);
        var identity = ctx.Noise.Record(person, added, rng, AgencyProfile.Benefits);
        ctx.CountIdentity(Name, identity);
        var month = ctx.Delivery(Max(added, ctx.Start), rng);
        WriteMember(ctx.Sink.Row(Name, month, "members.csv"), memberId, caseNumber, person, identity, added);
        ctx.Truth.Record(Name, memberId, person.PersonId);

        if ((identity.NameError || identity.BirthDateError) && rng.Chance(0.2) && month + 1 < ctx.Options.Months)
        {
            // A caseworker fixes the record; the corrected row arrives in a later delivery.
            var corrected = identity with { Given = person.Given, Family = person.FamilyOn(added), BirthDate = person.BirthDate, NameError = false, BirthDateError = false };
            var later = Math.Min(ctx.Options.Months - 1, month + rng.Next(1, 4));
            WriteMember(ctx.Sink.Row(Name, later, "members.csv"), memberId, caseNumber, person, corrected, added);
            ctx.Tally.Add("benefits.corrections");
        }
    }

    private static void WriteMember(CsvBuffer row, string memberId, string caseNumber, Person person, RecordIdentity identity, DateOnly added) =>
        row.F(memberId).F(caseNumber).F(Relationship(person)).F(identity.Given.ToUpperInvariant()).F(identity.Middle.Length > 0 ? identity.Middle[..1].ToUpperInvariant() : "")
            .F(identity.Family.ToUpperInvariant()).F(identity.Suffix).Date(identity.BirthDate, DateFormat).F(identity.Ssn)
            .F(person.Sex.ToString()).F(RaceCode(person.Race)).F(person.Hispanic ? "Y" : "N").Date(added, DateFormat).End();

    private static void CaseRow(ChunkContext ctx, Rng rng, string caseNumber, string program, DateOnly application, DateOnly opened,
        DateOnly? closed, string? reason, string office, DateOnly updated) =>
        ctx.Sink.Row(Name, ctx.Delivery(updated, rng), "cases.csv")
            .F(caseNumber).F(program).Date(application, DateFormat).Date(opened, DateFormat).Date(closed, DateFormat).F(reason).F(office)
            .Date(updated, DateFormat).End();

    private static void Payments(ChunkContext ctx, Rng rng, string caseNumber, string program, Household household, DateOnly opened, DateOnly closed)
    {
        var size = household.Members.Count;
        var monthly = program == "SNAP" ? 190m + (170m * (size - 1)) : 280m + (110m * household.Children(opened).Count());
        for (var month = Max(new DateOnly(opened.Year, opened.Month, 1), ctx.Start); month < ctx.End && month <= closed; month = month.AddMonths(1))
        {
            var amount = Math.Round(monthly * (decimal)(0.85 + (0.3 * rng.NextDouble())), 2);
            var issued = month.AddDays(rng.Next(0, 10));
            ctx.Sink.Row(Name, ctx.Sink.MonthOf(issued), "payments.csv")
                .F(caseNumber).F(program).F(month.ToString("yyyyMM", CultureInfo.InvariantCulture)).Money(amount).Date(issued, DateFormat).End();
        }
    }

    private static void Addresses(ChunkContext ctx, Rng rng, string caseNumber, Household household, DateOnly opened, DateOnly closed)
    {
        WriteAddress(ctx, rng, caseNumber, household.AddressOn(opened), opened);
        foreach (var (from, address) in household.Addresses)
        {
            if (from > opened && from <= closed && from < ctx.End)
            {
                WriteAddress(ctx, rng, caseNumber, address, from);
            }
        }
    }

    private static void WriteAddress(ChunkContext ctx, Rng rng, string caseNumber, Address address, DateOnly effective) =>
        ctx.Sink.Row(Name, ctx.Delivery(Max(effective, ctx.Start), rng), "addresses.csv")
            .F(caseNumber).F(address.Line(abbreviate: true, includeUnit: rng.Chance(0.7)).ToUpperInvariant()).F(address.City.ToUpperInvariant())
            .F("XS").F(address.Zip).Date(effective, DateFormat).End();

    private static string Relationship(Person person) => person.Role switch
    {
        HouseholdRole.Head => "HEAD",
        HouseholdRole.Partner => "SPOUSE",
        HouseholdRole.Child => "CHILD",
        _ => "PARENT",
    };

    private static string RaceCode(Race race) => race switch
    {
        Race.White => "W",
        Race.Black => "B",
        Race.Asian => "A",
        Race.AmericanIndian => "I",
        Race.PacificIslander => "P",
        _ => "M",
    };

    private static readonly string[] CloseReasons = ["INCOME_OVER_LIMIT", "FAILED_RECERTIFICATION", "MOVED_OUT_OF_STATE", "VOLUNTARY_WITHDRAWAL", "TIME_LIMIT"];

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
