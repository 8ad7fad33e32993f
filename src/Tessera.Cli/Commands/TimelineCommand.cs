using System.CommandLine;
using System.Globalization;
using Tessera.Core.Text;
using Tessera.Storage.Access;
using Tessera.Storage.Linking;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera timeline PERSON [--family] [--format table|csv]</c>: a person's (and their
/// family's) events across agencies in date order, as their linked records hold them. On record.
/// </summary>
public static class TimelineCommand
{
    /// <summary>The CSV header.</summary>
    public const string Header = "date,end,person,relation,source,file,event,provider,protections";

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var workspace = WorkspaceOption.Create();
        var person = new Argument<string>("PERSON") { Description = "The person's id in the person index (tessera review list, or the linkage pages)." };
        var family = new Option<bool>("--family") { Description = "Include the family members the linked data know of." };
        var format = new Option<string>("--format") { Description = $"table, or csv ({Header}).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var command = new Command("timeline", "A person's (or family's) events across agencies, oldest first.") { person, family, format, workspace };
        command.SetAction(parsed =>
        {
            using var opened = WorkspaceOption.OpenQuietly(parsed, workspace);
            var timeline = Timelines.Of(Caller.Operator(opened), parsed.GetValue(person)!, parsed.GetValue(family));
            if (parsed.GetValue(format) == "csv")
            {
                var csv = new CsvWriter(output);
                csv.Row(Header.Split(','));
                foreach (var e in timeline.Events)
                {
                    csv.Row(e.Date, e.End, e.Person, e.Relation, e.Source, e.File, e.Type, e.Provider, string.Join("; ", e.Protections));
                }

                return ExitCodes.Ok;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Timeline of {timeline.Person}: {timeline.Events.Count:N0} events of {timeline.Persons} person(s){(timeline.LeftOut > 0 ? $"; the {timeline.LeftOut:N0} earliest left out" : "")}."));
            foreach (var e in timeline.Events)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{e.Date:yyyy-MM-dd}{(e.End is { } end ? $" to {end:yyyy-MM-dd}" : ""),-14}  {e.Type.Replace('_', ' '),-26} {e.Source}/{e.File}{(e.Provider is { } p ? $", {p}" : "")}{(timeline.Persons > 1 ? $"  ({e.Relation})" : "")}{(e.Protections.Count > 0 ? "  [" + string.Join("; ", e.Protections) + "]" : "")}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
