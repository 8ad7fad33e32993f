using System.Globalization;
using Tessera.Core.Time;
using Tessera.Intake.Hmis;
using Tessera.Synthetic.Effects;
using Tessera.Synthetic.Noise;
using Tessera.Synthetic.Output;
using Tessera.Synthetic.Population;
using Tessera.Synthetic.Randomness;

namespace Tessera.Synthetic.Sources;

/// <summary>
/// Homeless services as an HMIS would record them: clients, household enrollments in outreach,
/// shelter, transitional housing, rapid rehousing and supportive housing, exits with HUD
/// destination codes, income and health at entry and exit, and bed nights for the night-by-night
/// shelter. Planted: a best and a worst shelter on exits to permanent housing, a racial disparity
/// in that outcome, winter seasonality of entries, and returns to homelessness after housing.
/// </summary>
internal static class HomelessnessSource
{
    private const string Name = SourceLayout.Homelessness;
    private const int MaxEpisodes = 3;
    private static readonly int[] TemporaryDestinations = [116, 116, 101, 312, 313, 314, 30, 99, 207, 8];

    public static void Generate(Household household, ChunkContext ctx)
    {
        var rng = Rng.For(ctx.Options.Seed, Rng.Stream.Homelessness, household.Index);
        var single = household.Members.Count == 1;
        var released = household.Head.Facts.Incarcerations.Count > 0;
        var p = 0.006 + (0.09 * household.Need * household.Need) + (released && single ? 0.15 : 0);
        if (!rng.Chance(p))
        {
            return;
        }

        var state = new HmisHousehold(household, ctx, rng);
        DateOnly? entry = SeasonalDay(rng, ctx, released ? household.Head.Facts.Incarcerations[^1].Released : ctx.Start.AddDays(-120));
        for (var episode = 0; episode < MaxEpisodes && entry is { } day && day < ctx.End; episode++)
        {
            entry = Episode(state, day, episode);
        }

        state.AddDuplicateStays();
    }

    /// <summary>One homeless episode (outreach or shelter, maybe rehousing); returns the entry date of a return, if any.</summary>
    private static DateOnly? Episode(HmisHousehold hh, DateOnly entry, int episode)
    {
        var (ctx, rng) = (hh.Ctx, hh.Rng);
        var families = hh.Household.Members.Count > 1;
        string first;
        if (families)
        {
            first = rng.Chance(0.85) ? (rng.Chance(0.6) ? "ES02" : "ES04") : "TH01";
        }
        else
        {
            var roll = rng.NextDouble();
            first = roll < 0.25 ? "SO01" : roll < 0.72 ? "ES01" : roll < 0.92 ? "ES03" : "TH01";
        }

        var project = HmisProjects.Get(first);
        var stay = project.ProjectType switch
        {
            4 => rng.Next(20, 200),
            2 => rng.Next(90, 540),
            1 => rng.Next(1, 60),
            _ => rng.Next(5, 120),
        };
        var exit = entry.AddDays(stay);
        var destination = Destination(hh, project, rng, out var subsidy);
        var exited = hh.Enroll(project, entry, exit < ctx.End ? exit : null, destination, subsidy, null);
        if (exited is null)
        {
            return null;
        }

        TallyExit(hh, project, destination);

        if (IsPermanent(destination))
        {
            return rng.Chance(0.15) ? SeasonalDay(rng, ctx, exited.Value.AddDays(rng.Next(30, 700))) : null;
        }

        // Not housed: some move on to rapid rehousing or supportive housing, others return later.
        var next = exited.Value.AddDays(rng.Next(0, 30));
        if (next < ctx.End && rng.Chance(0.35))
        {
            var psh = !families && hh.Household.Head.AgeOn(next) > 30 && rng.Chance(0.2);
            var housing = HmisProjects.Get(psh ? "PSH01" : "RRH01");
            var moveIn = next.AddDays(rng.Next(10, 70));
            var leave = psh ? next.AddDays(rng.Next(300, 1500)) : next.AddDays(rng.Next(90, 365));
            var housed = Planted.RapidRehousingExitToPermanent * (hh.Household.Head.Race == Race.Black ? Planted.BlackExitToPermanentFactor : 1);
            var housingDestination = psh ? (rng.Chance(0.8) ? 435 : 422) : (rng.Chance(housed) ? 435 : rng.Pick(TemporaryDestinations));
            var housingSubsidy = housingDestination == 435 ? (psh ? 439 : rng.Chance(0.7) ? 431 : 433) : (int?)null;
            if (hh.Enroll(housing, next, leave < ctx.End ? leave : null, housingDestination, housingSubsidy, moveIn < ctx.End && moveIn < leave ? moveIn : null) is not null)
            {
                TallyExit(hh, housing, housingDestination);
            }

            return null;
        }

        return rng.Chance(0.25) ? SeasonalDay(rng, ctx, exited.Value.AddDays(rng.Next(14, 400))) : null;
    }

    private static int Destination(HmisHousehold hh, HmisProject project, Rng rng, out int? subsidy)
    {
        subsidy = null;
        var toPermanent = project.ProjectType switch
        {
            4 => 0.12,
            2 => 0.60,
            _ => Planted.ShelterExitToPermanent.TryGetValue(project.Id, out var rate) ? rate : 0.36,
        };
        var black = hh.Household.Head.Race == Race.Black;
        if (black)
        {
            toPermanent *= Planted.BlackExitToPermanentFactor;
        }

        var permanent = rng.Chance(toPermanent);
        if (!permanent)
        {
            return rng.Pick(TemporaryDestinations);
        }

        var roll = rng.NextDouble();
        if (roll < 0.45)
        {
            subsidy = rng.Pick(new[] { 431, 433, 434, 420 });
            return 435;
        }

        return roll < 0.75 ? 410 : roll < 0.9 ? 422 : 423;
    }

    private static bool IsPermanent(int destination) => destination is >= 400 and < 500;

    // A household's exit as its records show it (exits after the end of the data are not yet exits): by project, and by the head's race.
    private static void TallyExit(HmisHousehold hh, HmisProject project, int destination)
    {
        var race = hh.Household.Head.Race == Race.Black ? "black" : "other";
        hh.Ctx.Tally.Add($"hmis.exits.{project.Id}");
        hh.Ctx.Tally.Add($"hmis.exits.{race}");
        if (IsPermanent(destination))
        {
            hh.Ctx.Tally.Add($"hmis.exits.{project.Id}.permanent");
            hh.Ctx.Tally.Add($"hmis.exits.{race}.permanent");
        }
    }

    private static DateOnly SeasonalDay(Rng rng, ChunkContext ctx, DateOnly earliest)
    {
        var from = earliest < ctx.Start.AddDays(-180) ? ctx.Start.AddDays(-180) : earliest;
        var first = YearMonth.Of(from);
        var last = ctx.Options.LastMonth;
        if (first > last)
        {
            return ctx.End;
        }

        Span<double> weights = stackalloc double[last.Ordinal - first.Ordinal + 1];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = Planted.EntrySeasonality[first.AddMonths(i).Month - 1];
        }

        var month = first.AddMonths(rng.Weighted(weights));
        var day = rng.Day(month.FirstDay, month.LastDay.AddDays(1));
        return day < from ? from : day;
    }

    /// <summary>A household's HMIS records: one client per person (two for duplicated people), enrollments, exits.</summary>
    private sealed class HmisHousehold(Household household, ChunkContext ctx, Rng rng)
    {
        private readonly Dictionary<string, (Person Person, RecordIdentity Identity, DateOnly Created, int DobQuality, int SsnQuality)> _clients = [];
        private readonly Dictionary<int, string> _personalIds = [];
        private readonly HashSet<(int Month, string PersonalId)> _clientsWritten = [];
        private int _sequence;

        public Household Household { get; } = household;

        public ChunkContext Ctx { get; } = ctx;

        public Rng Rng { get; } = rng;

        /// <summary>Enrolls the household; returns the exit date when they exit within the window.</summary>
        public DateOnly? Enroll(HmisProject project, DateOnly entry, DateOnly? exit, int destination, int? subsidy, DateOnly? moveIn)
        {
            var members = project.ServesFamilies || Household.Members.Count == 1 ? Household.Members : [Household.Head];
            var householdId = Ctx.Ids.Make(IdKind.HmisHousehold, Household.Index, _sequence);
            var entryMonth = Ctx.Delivery(entry, Rng);
            var exitMonth = exit is { } x ? Math.Max(entryMonth, Ctx.Delivery(x, Rng)) : -1;
            foreach (var person in members)
            {
                if (person.BirthDate > entry)
                {
                    continue;
                }

                var personalId = PersonalId(person, entry);
                var enrollmentId = Ctx.Ids.Make(IdKind.HmisEnrollment, person.Index, _sequence);
                var head = person == Household.Head;
                var adult = person.IsAdultOn(entry);
                var disabled = adult && Rng.Chance(0.3);
                if (exitMonth != entryMonth)
                {
                    // An export carries each record once, in its latest state.
                    WriteEnrollment(entryMonth, project, person, personalId, enrollmentId, householdId, entry, head, adult, disabled, moveIn, entry);
                }

                if (adult)
                {
                    WriteAssessments(entryMonth, person, personalId, enrollmentId, entry, 1, disabled);
                }

                if (project.ProjectType == 1)
                {
                    WriteBedNights(personalId, enrollmentId, entry, exit ?? Ctx.End.AddDays(-1), entryMonth);
                }

                Ctx.Tally.Add($"hmis.entries.m{entry.Month:D2}");
                if (exit is { } exited)
                {
                    WriteEnrollment(exitMonth, project, person, personalId, enrollmentId, householdId, entry, head, adult, disabled, moveIn, exited);
                    var row = new HmisRow(HmisCsvFy2024.File("Exit.csv"))
                        .Set("ExitID", Ctx.Ids.Make(IdKind.HmisExit, person.Index, _sequence)).Set("EnrollmentID", enrollmentId).Set("PersonalID", personalId)
                        .Set("ExitDate", exited).Set("Destination", destination).Set("DestinationSubsidyType", subsidy)
                        .Audit(exited, exited, User(), ExportId(exitMonth));
                    row.WriteTo(Ctx.Sink.Row(Name, exitMonth, "Exit.csv"));
                    if (adult)
                    {
                        WriteAssessments(exitMonth, person, personalId, enrollmentId, exited, 3, disabled);
                    }
                }
            }

            _sequence++;
            return exit;
        }

        /// <summary>Persons planted as HMIS duplicates who had only one stay get a one-night stay under a second client record.</summary>
        public void AddDuplicateStays()
        {
            foreach (var person in Household.Members)
            {
                if (!_personalIds.ContainsKey(person.Index) || !Rng.Chance(Ctx.Options.DuplicateRate))
                {
                    continue;
                }

                var secondId = Ctx.Ids.Make(IdKind.HmisPersonal, person.Index, 1);
                var night = Rng.Day(Ctx.Start, Ctx.End.AddDays(-1));
                _personalIds[person.Index] = secondId;
                RegisterClient(person, secondId, night);
                Ctx.Tally.Add("hmis.duplicate_clients");
                var project = HmisProjects.Get("ES03");
                var month = Ctx.Delivery(night, Rng);
                var enrollmentId = Ctx.Ids.Make(IdKind.HmisEnrollment, person.Index, 2048 + _sequence);
                var householdId = Ctx.Ids.Make(IdKind.HmisHousehold, Household.Index, 2048 + _sequence);
                WriteEnrollment(month, project, person, secondId, enrollmentId, householdId, night, true, person.IsAdultOn(night), false, null, night);
                var leave = night.AddDays(1);
                if (leave < Ctx.End)
                {
                    new HmisRow(HmisCsvFy2024.File("Exit.csv")).Set("ExitID", Ctx.Ids.Make(IdKind.HmisExit, person.Index, 2048 + _sequence))
                        .Set("EnrollmentID", enrollmentId).Set("PersonalID", secondId).Set("ExitDate", leave).Set("Destination", 30)
                        .Audit(leave, leave, User(), ExportId(month)).WriteTo(Ctx.Sink.Row(Name, month, "Exit.csv"));
                }

                WriteBedNights(secondId, enrollmentId, night, night, month);
                _sequence++;
            }
        }

        private string PersonalId(Person person, DateOnly entry)
        {
            if (_personalIds.TryGetValue(person.Index, out var id))
            {
                return id;
            }

            id = Ctx.Ids.Make(IdKind.HmisPersonal, person.Index, 0);
            _personalIds[person.Index] = id;
            RegisterClient(person, id, entry);
            return id;
        }

        private void RegisterClient(Person person, string personalId, DateOnly created)
        {
            var identity = Ctx.Noise.Record(person, created, Rng, AgencyProfile.Homelessness);
            Ctx.CountIdentity(Name, identity);
            var dobQuality = identity.BirthDate is null ? 99 : Rng.Chance(0.02) ? 99 : Rng.Chance(0.03) ? 2 : 1;
            var ssnQuality = identity.SsnState switch
            {
                SsnState.Missing => Rng.Chance(0.7) ? 99 : Rng.Chance(0.5) ? 8 : 9,
                _ => Rng.Chance(0.04) ? 2 : 1,
            };
            _clients[personalId] = (person, identity, created, dobQuality, ssnQuality);
            Ctx.Truth.Record(Name, personalId, person.PersonId);
        }

        private void EnsureClient(int month, string personalId)
        {
            if (!_clientsWritten.Add((month, personalId)))
            {
                return;
            }

            var (person, identity, created, dobQuality, ssnQuality) = _clients[personalId];
            var ssn = ssnQuality switch
            {
                1 => identity.Ssn,
                2 => identity.Ssn.Length == 9 ? "xxxxx" + identity.Ssn[5..] : "",
                _ => "",
            };
            var row = new HmisRow(HmisCsvFy2024.File("Client.csv"))
                .Set("PersonalID", personalId).Set("FirstName", identity.Given).Set("MiddleName", identity.Middle).Set("LastName", identity.Family)
                .Set("NameSuffix", identity.Suffix.Length > 0 ? (identity.Suffix == "JR" ? "Jr" : "Sr") : null).Set("NameDataQuality", 1)
                .Set("SSN", ssn).Set("SSNDataQuality", ssnQuality)
                .Set("DOB", dobQuality == 99 ? null : identity.BirthDate).Set("DOBDataQuality", dobQuality)
                .Set("AmIndAKNative", Flag(person.Race == Race.AmericanIndian)).Set("Asian", Flag(person.Race == Race.Asian))
                .Set("BlackAfAmerican", Flag(person.Race is Race.Black or Race.Multiracial)).Set("HispanicLatinaeo", Flag(person.Hispanic))
                .Set("MidEastNAfrican", 0).Set("NativeHIPacific", Flag(person.Race == Race.PacificIslander))
                .Set("White", Flag(person.Race is Race.White or Race.Multiracial))
                .Set("Woman", Flag(person.Sex == 'F')).Set("Man", Flag(person.Sex == 'M')).Set("NonBinary", 0).Set("CulturallySpecific", 0)
                .Set("Transgender", 0).Set("Questioning", 0).Set("DifferentIdentity", 0)
                .Set("VeteranStatus", person.IsAdultOn(created) ? (Rng.Chance(0.06) ? 1 : 0) : 99)
                .Audit(created, created, User(), ExportId(month));
            row.WriteTo(Ctx.Sink.Row(Name, month, "Client.csv"));
        }

        private void WriteEnrollment(int month, HmisProject project, Person person, string personalId, string enrollmentId, string householdId,
            DateOnly entry, bool head, bool adult, bool disabled, DateOnly? moveIn, DateOnly updated)
        {
            EnsureClient(month, personalId);
            var relationship = head ? 1 : person.Role == HouseholdRole.Child ? 2 : person.Role == HouseholdRole.Partner ? 3 : 4;
            var priorSituation = project.ProjectType is 3 or 13 ? 101 : Rng.Pick(new[] { 116, 116, 101, 312, 313, 207, 215, 410 });
            var row = new HmisRow(HmisCsvFy2024.File("Enrollment.csv"))
                .Set("EnrollmentID", enrollmentId).Set("PersonalID", personalId).Set("ProjectID", project.Id).Set("EntryDate", entry)
                .Set("HouseholdID", householdId).Set("RelationshipToHoH", relationship).Set("EnrollmentCoC", head ? HmisProjects.CocCode : null)
                .Set("LivingSituation", adult || head ? priorSituation : null)
                .Set("LengthOfStay", adult || head ? Rng.Pick(new[] { 2, 3, 4, 5, 10, 11 }) : null)
                .Set("DisablingCondition", disabled ? 1 : Rng.Chance(0.03) ? 99 : 0)
                .Set("DateOfEngagement", project.ProjectType == 4 ? entry.AddDays(Rng.Next(0, 20)) : null)
                .Set("MoveInDate", moveIn is { } m && m <= updated ? m : null)
                .Set("TranslationNeeded", adult ? 0 : null)
                .Audit(entry, updated, User(), ExportId(month));
            if (adult || head)
            {
                row.Set("PreviousStreetESSH", priorSituation is 116 or 101 ? 1 : 0)
                    .Set("TimesHomelessPastThreeYears", Rng.Pick(new[] { 1, 1, 2, 3, 4, 8, 99 }))
                    .Set("MonthsHomelessPastThreeYears", Rng.Next(101, 114));
                if (priorSituation is 116 or 101)
                {
                    row.Set("DateToStreetESSH", entry.AddDays(-Rng.Next(0, 400)));
                }
            }

            row.WriteTo(Ctx.Sink.Row(Name, month, "Enrollment.csv"));
        }

        private void WriteAssessments(int month, Person person, string personalId, string enrollmentId, DateOnly on, int stage, bool disabled)
        {
            var earned = Rng.Chance(person.Employability * 0.5);
            var earnedAmount = earned ? Rng.Next(300, 2200) : 0;
            var tanf = person.Facts.OnBenefits && Rng.Chance(0.3);
            var tanfAmount = tanf ? Rng.Next(200, 600) : 0;
            var any = earned || tanf;
            var exportId = ExportId(month);
            var suffix = stage.ToString(CultureInfo.InvariantCulture);
            new HmisRow(HmisCsvFy2024.File("IncomeBenefits.csv"))
                .Set("IncomeBenefitsID", "IB" + enrollmentId + suffix).Set("EnrollmentID", enrollmentId).Set("PersonalID", personalId)
                .Set("InformationDate", on).Set("IncomeFromAnySource", any ? 1 : 0).Set("TotalMonthlyIncome", earnedAmount + tanfAmount)
                .Set("Earned", Flag(earned)).Set("EarnedAmount", earned ? earnedAmount : null).Set("TANF", Flag(tanf)).Set("TANFAmount", tanf ? tanfAmount : null)
                .Set("Unemployment", 0).Set("SSI", 0).Set("SSDI", 0).Set("ChildSupport", 0).Set("OtherIncomeSource", 0)
                .Set("BenefitsFromAnySource", Flag(person.Facts.OnBenefits)).Set("SNAP", Flag(person.Facts.OnBenefits))
                .Set("InsuranceFromAnySource", 1).Set("Medicaid", 1).Set("Medicare", 0)
                .Set("DataCollectionStage", stage).Audit(on, on, User(), exportId)
                .WriteTo(Ctx.Sink.Row(Name, month, "IncomeBenefits.csv"));
            if (stage != 1)
            {
                return;
            }

            var survivor = person.Sex == 'F' ? Rng.Chance(0.25) : Rng.Chance(0.05);
            new HmisRow(HmisCsvFy2024.File("HealthAndDV.csv"))
                .Set("HealthAndDVID", "HD" + enrollmentId).Set("EnrollmentID", enrollmentId).Set("PersonalID", personalId).Set("InformationDate", on)
                .Set("DomesticViolenceSurvivor", Flag(survivor)).Set("WhenOccurred", survivor ? Rng.Next(1, 5) : null)
                .Set("CurrentlyFleeing", survivor ? (Rng.Chance(0.3) ? 1 : 0) : null).Set("DataCollectionStage", 1)
                .Audit(on, on, User(), exportId).WriteTo(Ctx.Sink.Row(Name, month, "HealthAndDV.csv"));
            if (disabled)
            {
                new HmisRow(HmisCsvFy2024.File("Disabilities.csv"))
                    .Set("DisabilitiesID", "DI" + enrollmentId).Set("EnrollmentID", enrollmentId).Set("PersonalID", personalId).Set("InformationDate", on)
                    .Set("DisabilityType", Rng.Pick(new[] { 5, 6, 7, 8, 9, 10 })).Set("DisabilityResponse", 1).Set("IndefiniteAndImpairs", 1)
                    .Set("DataCollectionStage", 1).Audit(on, on, User(), exportId).WriteTo(Ctx.Sink.Row(Name, month, "Disabilities.csv"));
            }
        }

        /// <summary>Bed nights are delivered in their own month, but never before the enrollment they belong to.</summary>
        private void WriteBedNights(string personalId, string enrollmentId, DateOnly from, DateOnly to, int enrollmentMonth)
        {
            var n = 0;
            for (var night = from; night <= to && night < Ctx.End && n < 60; night = night.AddDays(Rng.Chance(0.8) ? 1 : 2), n++)
            {
                var month = Math.Max(Ctx.Sink.MonthOf(night), enrollmentMonth);
                EnsureClient(month, personalId);
                new HmisRow(HmisCsvFy2024.File("Services.csv"))
                    .Set("ServicesID", "SV" + enrollmentId + n.ToString("D2", CultureInfo.InvariantCulture)).Set("EnrollmentID", enrollmentId)
                    .Set("PersonalID", personalId).Set("DateProvided", night).Set("RecordType", 200).Set("TypeProvided", 200)
                    .Audit(night, night, User(), ExportId(month)).WriteTo(Ctx.Sink.Row(Name, month, "Services.csv"));
            }

            Ctx.Tally.Add("hmis.bed_night_stays");
        }

        private string ExportId(int month) => HmisProjects.ExportId(Ctx.Options.Start.AddMonths(month));

        private string User() => "U" + Rng.Next(1, 6).ToString(CultureInfo.InvariantCulture);

        private static int Flag(bool value) => value ? 1 : 0;
    }
}
