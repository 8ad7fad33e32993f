using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Contracts.Planning;
using Tessera.Governance.Access;
using Tessera.Storage.Access;
using Tessera.Storage.Planning;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Plan;

/// <summary>
/// A rapid assessment: its sessions and participants, the questionnaire to record a participant's
/// answers, the scores as a radar chart and a table with the spread between participants, the
/// strengths and gaps, and the questions to discuss with a form to record the level the group
/// agreed. Prints as the report and downloads as a Word document.
/// </summary>
[Requires(Capability.ViewPlanning)]
public sealed class AssessmentModel(RequestAccess request) : PageModel
{
    /// <summary>The CSV and Excel columns of the scores.</summary>
    public static IReadOnlyList<string> Header { get; } = ["component", "score", "lowest_participant", "highest_participant", "spread", "participants"];

    /// <summary>The assessment.</summary>
    public AssessmentView View { get; private set; } = null!;

    /// <summary>True when the user may change it.</summary>
    public bool MayRun { get; private set; }

    /// <summary>Why the last change was refused.</summary>
    public string? Problem { get; private set; }

    /// <summary>What the last change did.</summary>
    public string? Done { get; private set; }

    /// <summary>Shows it.</summary>
    public IActionResult OnGet(long assessment) => Load(assessment) ? Page() : NotFound();

    /// <summary>The scores as CSV or Excel.</summary>
    public IActionResult OnGetExport(long assessment, string? format) =>
        Load(assessment)
            ? TableDownload.File(format, string.Create(CultureInfo.InvariantCulture, $"assessment-{assessment}-scores"), "Scores", Header, ScoreRows(View))
            : NotFound();

    /// <summary>The report as a Word document.</summary>
    public IActionResult OnGetWord(long assessment)
    {
        if (!Load(assessment))
        {
            return NotFound();
        }

        var a = View.Assessment;
        var word = new WordDocument()
            .Heading($"Rapid assessment: {a.Title}", 1)
            .Paragraph($"Agency: {a.Agency}. Facilitator: {a.Facilitator}. Participants: {string.Join(", ", a.Participants.Select(p => $"{p.Name} ({p.Team})"))}.")
            .Heading("Sessions", 2)
            .Table(["Session", "Date", "Hours", "Agenda", "Notes"], a.Sessions.Select(s => (IReadOnlyList<string>)[s.Title, s.HeldOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", s.Hours.ToString(CultureInfo.InvariantCulture), s.Agenda, s.Notes ?? ""]))
            .Heading("Scores", 2)
            .Paragraph("Each component from 1 (not yet) to 4 (established): the mean of its questions' levels — the level the group agreed, or else the mean of the answers. The spread is how far apart the participants' own scores are.")
            .Table(["Component", "Score", "Lowest participant", "Highest participant", "Spread"], View.Result.Components.Select(c => (IReadOnlyList<string>)
                [Questionnaire.Name(c.Component), Score(c.Score), Score(c.ByParticipant.Select(p => (double?)p.Score).Min()), Score(c.ByParticipant.Select(p => (double?)p.Score).Max()), Score(c.Spread)]))
            .Heading("Strengths", 2);
        foreach (var s in View.Result.Strengths)
        {
            word.Paragraph(s.Text);
        }

        word.Heading("Gaps", 2);
        foreach (var g in View.Result.Gaps)
        {
            word.Paragraph(g.Text);
        }

        if (View.Result.ToDiscuss.Count > 0)
        {
            word.Heading("To discuss", 2);
            foreach (var q in View.Result.ToDiscuss)
            {
                word.Paragraph($"{q.Question.Topic}: answers from {q.Answers.Min(x => x.Level)} to {q.Answers.Max(x => x.Level)}.");
            }
        }

        request.Record(Governance.Audit.AuditAction.Export, string.Create(CultureInfo.InvariantCulture, $"rapid assessment {assessment} report (Word)"));
        return word.File(string.Create(CultureInfo.InvariantCulture, $"assessment-{assessment}.docx"));
    }

    /// <summary>Adds a participant.</summary>
    public IActionResult OnPostParticipant(long assessment, string? name, string? team) =>
        Change(assessment, () => Storage.Planning.Assessments.AddParticipant(request.Caller, assessment, name ?? "", team ?? ""), $"{name?.Trim()} takes part.");

    /// <summary>Sets a session's date, agenda and notes.</summary>
    public IActionResult OnPostSession(long assessment, int position, DateOnly? date, string? agenda, string? notes) =>
        Change(assessment, () => Storage.Planning.Assessments.SetSession(request.Caller, assessment, position, date, agenda, notes), string.Create(CultureInfo.InvariantCulture, $"Session {position} saved."));

    /// <summary>Records a participant's answers: a level (level-QUESTION) and evidence (evidence-QUESTION) for each question answered.</summary>
    public IActionResult OnPostAnswer(long assessment, string? participant)
    {
        var answers = new List<(string, int, string?)>();
        foreach (var question in Questionnaire.Questions)
        {
            var level = Request.HasFormContentType ? Request.Form["level-" + question.Id].ToString() : "";
            if (level.Length == 0)
            {
                continue;
            }

            var evidence = Request.Form["evidence-" + question.Id].ToString();
            answers.Add((question.Id, int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 0, evidence.Length == 0 ? null : evidence));
        }

        return Change(assessment, () => Storage.Planning.Assessments.Answer(request.Caller, assessment, participant ?? "", answers),
            string.Create(CultureInfo.InvariantCulture, $"{answers.Count} answers of {participant} recorded."));
    }

    /// <summary>Records the level the group agreed on a question (none takes the agreement back).</summary>
    public IActionResult OnPostAgree(long assessment, string? question, int? level, string? note) =>
        Change(assessment, () => Storage.Planning.Assessments.Agree(request.Caller, assessment, question ?? "", level, note), level is null ? "Agreement taken back." : "Agreed level recorded.");

    /// <summary>The radar chart's series: the group's score and each participant's own, as the chart script reads them.</summary>
    public static string Radar(AssessmentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        string Values(Func<ComponentResult, double?> value) => string.Join("|", view.Result.Components.Select(c => value(c) is { } v ? Math.Round(v, 2).ToString(CultureInfo.InvariantCulture) : ""));
        var series = new List<object> { new { label = "Group", values = Values(c => c.Score) } };
        series.AddRange(view.Result.Participants.Select(p => new { label = p, values = Values(c => c.ByParticipant.FirstOrDefault(x => x.Participant == p)?.Score), dashed = true }));
        return JsonSerializer.Serialize(series);
    }

    /// <summary>A score as the page shows it.</summary>
    public static string Score(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    private static IEnumerable<IReadOnlyList<object?>> ScoreRows(AssessmentView view) =>
        view.Result.Components.Select(c => (IReadOnlyList<object?>)[Questionnaire.Key(c.Component), Round(c.Score), Round(c.ByParticipant.Select(p => (double?)p.Score).Min()),
            Round(c.ByParticipant.Select(p => (double?)p.Score).Max()), Round(c.Spread), c.ByParticipant.Count]);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;

    private IActionResult Change(long assessment, Action change, string done)
    {
        var refused = PlanningChange.Attempt(change, "You may read this assessment but not change it: running an assessment needs the planning role for its agency.");
        if (refused is { Status: StatusCodes.Status404NotFound })
        {
            return NotFound();
        }

        Done = refused is null ? done : null;
        Problem = refused?.Problem;
        Response.StatusCode = refused?.Status ?? StatusCodes.Status200OK;
        return Load(assessment) ? Page() : NotFound();
    }

    private bool Load(long assessment)
    {
        try
        {
            View = Storage.Planning.Assessments.Show(request.Caller, assessment);
            MayRun = AccessPolicy.Permits(request.User, Capability.RunPlanning) && AccessPolicy.SeesPlansOf(request.User, View.Assessment.Agency);
            return true;
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }
    }
}
