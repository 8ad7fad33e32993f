using System.Globalization;
using Tessera.Synthetic.Effects;

namespace Tessera.Synthetic.Sources;

/// <summary>
/// The job-training providers' own records, which each sends every month from its own system:
/// who was scheduled for which session and came (the first day above all), and the contacts staff
/// made between sessions. Clients are named by the workforce participant number only. The first
/// session's attendance is the same draw the agency's enrolment extract records, so both tell one
/// story — including WF04's planted six-week drop in first-day attendance.
/// </summary>
internal static class ProviderServicesSource
{
    /// <summary>The source's name, and its folder (one sub-folder per provider).</summary>
    public const string Name = "provider_services";

    /// <summary>The files each provider sends every month and their columns.</summary>
    public static IReadOnlyList<(string File, string[] Columns)> Files { get; } =
    [
        ("attendance.csv", ["provider_id", "session_id", "client_id", "session_date", "session_number", "attended"]),
        ("contacts.csv", ["provider_id", "contact_id", "client_id", "contact_date", "contact_type", "minutes"]),
    ];

    /// <summary>The sink key of <paramref name="provider"/>'s deliveries: its folder under the source's.</summary>
    public static string Folder(string provider) => Name + "/" + provider;

    private const string DateFormat = "yyyy-MM-dd";
    private const int MaxSessions = 26;
    private static readonly string[] ContactTypes = ["PHONE", "TEXT", "IN_PERSON", "VIDEO", "HOME_VISIT"];

    /// <summary>Writes the weekly sessions of one enrolment (numbered <paramref name="enrolment"/> in the county, for its own random draws) from its first day to its exit (or the county's end), and the contacts between them.</summary>
    public static void Sessions(ChunkContext ctx, TrainingProvider provider, long enrolment, string participantId, string enrollmentId, DateOnly enrolled, bool attendedFirstDay, bool completed, DateOnly exit)
    {
        var rng = Randomness.Rng.For(ctx.Options.Seed, Randomness.Rng.Stream.ProviderServices, enrolment);
        var folder = Folder(provider.Id);
        var last = exit < ctx.End ? exit : ctx.End.AddDays(-1);
        var contacts = 0;
        for (var session = 1; session <= MaxSessions; session++)
        {
            var day = enrolled.AddDays(7 * (session - 1));
            if (day > last || day >= ctx.End)
            {
                break;
            }

            // The first day is the enrolment's own draw; afterwards completers mostly come, those who drop out less and less.
            var attended = session == 1 ? attendedFirstDay : rng.Chance(completed ? 0.9 : attendedFirstDay ? 0.6 : 0.15);
            var month = ctx.Sink.MonthOf(day);
            ctx.Sink.Row(folder, month, "attendance.csv")
                .F(provider.Id).F("S" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)).F(participantId).Date(day, DateFormat).F(session).F(attended ? "Y" : "N").End();
            ctx.Tally.Add(string.Create(CultureInfo.InvariantCulture, $"provider_services.{provider.Id}.sessions"));
            if (session == 1)
            {
                ctx.Tally.Add($"provider_services.{provider.Id}.first_days");
                if (attended)
                {
                    ctx.Tally.Add($"provider_services.{provider.Id}.first_days_attended");
                }
            }

            // Staff reach out between sessions, more often to those who missed one.
            if (rng.Chance(attended ? 0.35 : 0.7))
            {
                var contactDay = day.AddDays(rng.Next(1, 7));
                if (contactDay < ctx.End && contactDay <= last)
                {
                    ctx.Sink.Row(folder, ctx.Sink.MonthOf(contactDay), "contacts.csv")
                        .F(provider.Id).F(string.Create(CultureInfo.InvariantCulture, $"{enrollmentId}-C{++contacts}")).F(participantId).Date(contactDay, DateFormat)
                        .F(rng.Pick(ContactTypes)).F(rng.Next(5, 61)).End();
                }
            }
        }
    }
}
