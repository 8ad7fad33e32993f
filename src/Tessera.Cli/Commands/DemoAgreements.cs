using System.Globalization;
using System.Text;
using Tessera.Governance.Agreements;
using Tessera.Storage.Access;
using Tessera.Storage.Agreements;
using Tessera.Storage.Metrics;
using Tessera.Storage.Transparency;
using Tessera.Storage.Workspaces;

namespace Tessera.Cli.Commands;

/// <summary>
/// The demo's agreements: an eMOU of the county's agencies with a review body and the community
/// advisory team consulted on every project, each agency's data sharing agreement, and one active
/// data use licence — the demo analyst's shelter-to-work evaluation — every one approved by its
/// parties. Written as <c>agreements.yaml</c> beside the county's files and imported; then a few
/// differentially private yearly results are published for the transparency page.
/// </summary>
public static class DemoAgreements
{
    /// <summary>The file's name in the incoming folder.</summary>
    public const string FileName = "agreements.yaml";

    /// <summary>The demo's licence: the analyst's shelter-to-work evaluation.</summary>
    public const string Licence = "dul-shelter-to-work";

    private static readonly string[] Agencies = ["benefits", "child_welfare", "homelessness", "workforce", "corrections", "child_care"];

    private static readonly string[] Published = ["hmis-exit-to-permanent-housing", "acm-training-completion", "fp-reinvolvement-12m"];

    /// <summary>Writes the agreements into <paramref name="folder"/>, imports them, approves them as every party, and publishes the yearly private results.</summary>
    /// <returns>How many agreements are active, and how many private results were published; null when the workspace lacks the county's agencies.</returns>
    public static (int Active, int Results)? Register(Workspace workspace, string folder)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var sources = workspace.Sources.List().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (!Agencies.All(sources.Contains))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(workspace.UtcNow);
        var yaml = new StringBuilder();
        yaml.Append("# The demo county's agreements (docs/agreements.md).\n");
        yaml.Append(CultureInfo.InvariantCulture, $"emou: {{ id: county-emou, parties: [{string.Join(", ", Agencies)}], review_body: review-body, start: {today.Year - 3}-01-01, end: {today.Year + 3}-12-31, community_review: true,\n");
        yaml.Append("        purpose: \"Link the county's records to learn which services help people and families, and to manage providers by their results.\",\n");
        yaml.Append("        decision_rules: \"Each agency approves every use of its data; the review body approves every project.\" }\ndsas:\n");
        foreach (var agency in Agencies)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: dsa-{agency.Replace('_', '-')}, partner: {agency}, sources: [{agency}], transfer: plaintext, destroy_on: {today.Year + 3}-12-31, retention: \"until the eMOU ends\" }}\n");
        }

        yaml.Append(CultureInfo.InvariantCulture, $"""
            duls:
              - id: {Licence}
                licensee: analyst@demo
                project: shelter-to-work
                purpose: Do exits from shelter to permanent housing raise employment and earnings?
                questions: [Are people who exit shelter to permanent housing more often employed a year later?, Do their quarterly wages rise faster?]
                sources: {"{"} homelessness: [Client, Enrollment, Exit], workforce: [participants, ui_wages] {"}"}
                level: deidentified
                start: {today.Year}-01-01
                end: {today.Year + 1}-12-31
                destroy_on: {today.Year + 2}-03-31
                security_plan: Kept on the university's encrypted research server; only the named analyst has access.
                dissemination_plan: Aggregate tables with cells of 11 or more, shared with the agencies before publication.

            """);
        File.WriteAllText(Path.Combine(folder, FileName), yaml.ToString(), new UTF8Encoding(false));
        var admin = Caller.Operator(workspace);
        AgreementRegistry.Import(admin, AgreementsFile.Read(FileName, yaml.ToString()));
        foreach (var standing in AgreementRegistry.List(admin))
        {
            foreach (var party in standing.Missing)
            {
                AgreementRegistry.Approve(admin, standing.Id, party);
            }
        }

        if (AgreementRegistry.Detail(admin, Licence).ConsultedOn is null)
        {
            AgreementRegistry.RecordConsultation(admin, Licence);
        }

        var results = 0;
        var published = new PublishedMetrics(workspace);
        foreach (var metric in Published)
        {
            // The last whole year the metric has periods for.
            var year = published.LatestRun(metric) is { } run
                ? published.Results(metric, runId: run.Id).Select(r => r.PeriodStart.Year).Where(y => y < today.Year).DefaultIfEmpty().Max()
                : 0;
            if (year > 0)
            {
                PrivateResults.Publish(admin, metric, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), 0.25m);
                results++;
            }
        }

        return (AgreementRegistry.List(admin).Count(s => s.Status == AgreementStatus.Active), results);
    }
}
