using System.Globalization;
using System.Text;
using Tessera.Synthetic.Effects;
using Tessera.Synthetic.Sources;

namespace Tessera.Synthetic;

/// <summary>
/// The county's contracted providers as a registry file (<c>providers.yaml</c>, written beside the
/// sources): the job-training providers, the family-preservation providers, the child-care
/// providers and the homelessness projects, each with its program and the code the agency's data
/// names it by — what an IDS administrator would write for <c>tessera providers import</c>.
/// </summary>
public static class CountyProviders
{
    /// <summary>The file's name.</summary>
    public const string FileName = "providers.yaml";

    /// <summary>The registry file's text.</summary>
    public static string Yaml()
    {
        var yaml = new StringBuilder();
        yaml.Append("# The synthetic county's contracted providers (tessera providers import providers.yaml).\n");
        yaml.Append("programs:\n");
        foreach (var (id, name) in Programs)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: {id}, name: {name} }}\n");
        }

        yaml.Append("providers:\n");
        foreach (var p in Planted.TrainingProviders)
        {
            // The workforce agency's code, and the id the provider writes in the service records it sends itself.
            Provider(yaml, p.Id, p.Name, "job-training", SourceLayout.Workforce, "provider_id", p.Id, $", {{ source: {ProviderServicesSource.Name}, field: provider_id, value: \"{p.Id}\" }}");
        }

        foreach (var (id, name) in ChildWelfareSource.FamilyPreservationProviders)
        {
            Provider(yaml, id, name, "family-preservation", SourceLayout.ChildWelfare, "provider_id", id);
        }

        foreach (var (id, name) in ChildCareSource.CareProviders)
        {
            Provider(yaml, id, name, "child-care", SourceLayout.ChildCare, "provider_id", id);
        }

        foreach (var project in HmisProjects.Projects)
        {
            Provider(yaml, project.Id, project.Name, ProgramOf(project.ProjectType), SourceLayout.Homelessness, "ProjectID", project.Id);
        }

        return yaml.ToString();
    }

    private static readonly (string Id, string Name)[] Programs =
    [
        ("job-training", "Job training"), ("family-preservation", "Family preservation"), ("child-care", "Subsidised child care"),
        ("emergency-shelter", "Emergency shelter"), ("transitional-housing", "Transitional housing"), ("street-outreach", "Street outreach"),
        ("rapid-rehousing", "Rapid re-housing"), ("permanent-supportive-housing", "Permanent supportive housing"),
    ];

    // HUD's ProjectType codes: 0 and 1 emergency shelter (entry/exit, night-by-night), 2 transitional housing, 3 PSH, 4 street outreach, 13 rapid re-housing.
    private static string ProgramOf(int projectType) => projectType switch
    {
        0 or 1 => "emergency-shelter",
        2 => "transitional-housing",
        3 => "permanent-supportive-housing",
        4 => "street-outreach",
        13 => "rapid-rehousing",
        _ => "homelessness-services",
    };

    private static void Provider(StringBuilder yaml, string id, string name, string program, string source, string field, string value, string moreIdentifiers = "") =>
        yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: {id}, name: \"{name}\", program: {program}, identifiers: [{{ source: {source}, field: {field}, value: \"{value}\" }}{moreIdentifiers}] }}\n");
}
