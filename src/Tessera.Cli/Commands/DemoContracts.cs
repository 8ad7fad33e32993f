using System.Globalization;
using System.Text;
using Tessera.Contracts.Files;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Metrics;
using Tessera.Storage.Workspaces;

namespace Tessera.Cli.Commands;

/// <summary>
/// The demo's contracts: one per registered provider, from the second year of the county's data
/// to its end, on the metrics of the provider's program, each target the median the program's
/// providers reached in the first year (watch band 0.05 for rates, a tenth otherwise). Written as
/// <c>contracts.yaml</c> beside the county's files — a file to read and edit — and imported.
/// </summary>
public static class DemoContracts
{
    /// <summary>The file's name in the incoming folder.</summary>
    public const string FileName = "contracts.yaml";

    private static readonly Dictionary<string, (string Metric, string Type)[]> MetricsOf = new(StringComparer.Ordinal)
    {
        ["job-training"] = [("acm-training-completion", "outcome"), ("acm-first-day-attendance", "activity"), ("acm-referral-to-enrolment", "activity"), ("wioa-employment-q2", "outcome"),
            ("services-first-day-attendance-weekly", "activity")],
        ["family-preservation"] = [("fp-reinvolvement-12m", "outcome")],
        ["child-care"] = [("twogen-parent-employment-after-subsidy", "outcome")],
        ["emergency-shelter"] = [("hmis-exit-to-permanent-housing", "outcome"), ("hmis-returns-to-homelessness-12m", "outcome")],
        ["transitional-housing"] = [("hmis-exit-to-permanent-housing", "outcome"), ("hmis-returns-to-homelessness-12m", "outcome")],
        ["rapid-rehousing"] = [("hmis-exit-to-permanent-housing", "outcome"), ("hmis-returns-to-homelessness-12m", "outcome")],
        ["permanent-supportive-housing"] = [("hmis-returns-to-homelessness-12m", "outcome")],
        ["street-outreach"] = [("hmis-exit-to-permanent-housing", "outcome")],
    };

    /// <summary>Writes the demo's contracts into <paramref name="folder"/> and imports them.</summary>
    /// <returns>What the import changed; null when the workspace has no deliveries or no providers yet.</returns>
    public static ContractImport? Register(Workspace workspace, string folder)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var operatorCaller = Caller.Operator(workspace);
        var deliveries = workspace.Vault.Deliveries().Where(d => d.Status == "current" && d.PeriodStart != default).ToList();
        var providers = ProviderRegistry.List(operatorCaller);
        if (deliveries.Count == 0 || providers.Count == 0)
        {
            return null;
        }

        var catalog = MetricCatalog.Load(workspace);
        // The year the first monthly deliveries cover (an HMIS export's period reaches back to when its projects opened).
        var firstYear = deliveries.Min(d => d.PeriodEnd).Year;
        var end = deliveries.Max(d => d.PeriodEnd);
        var (baselineFrom, baselineTo) = (new DateOnly(firstYear, 1, 1), new DateOnly(firstYear, 12, 31));
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"# The demo county's contracts: targets are the median each program's providers reached in {firstYear}.\ncontracts:\n");
        var baselines = new Dictionary<(string, string), (IReadOnlyDictionary<string, double> Providers, double? Median)>();
        foreach (var registered in providers)
        {
            var provider = registered.Provider;
            if (!MetricsOf.TryGetValue(provider.Program, out var metrics) || provider.Identifiers.Count == 0)
            {
                continue;
            }

            var lines = new StringBuilder();
            foreach (var (metric, type) in metrics)
            {
                if (!baselines.TryGetValue((metric, provider.Program), out var baseline))
                {
                    baselines[(metric, provider.Program)] = baseline = ProgramBaseline.Of(operatorCaller, metric, provider.Program, baselineFrom, baselineTo);
                }

                if (baseline.Median is not { } median)
                {
                    continue;
                }

                var rate = MetricCatalog.Find(catalog, metric).Definition.Value == "rate";
                var target = Math.Round((decimal)median, rate ? 2 : 1);
                var watch = rate ? 0.05m : Math.Round(target / 10, 1);
                lines.Append(CultureInfo.InvariantCulture,
                    $"      - {{ metric: {metric}, type: {type}, target: {target}, watch: {watch}, proposed_by: agency, agreed_on: {baselineTo.AddDays(1):yyyy-MM-dd}, reason: \"median of the program's providers in {firstYear}\" }}\n");
            }

            if (lines.Length == 0)
            {
                continue;
            }

            // The purchasing agency is the one whose data names the provider (not the provider's own service records).
            var agency = provider.Identifiers.First(c => !ServiceDeliveries.IsDeliveredByProviders(workspace, c.Source)).Source;
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: {provider.Id}-{firstYear + 1}\n    agency: {agency}\n    provider: {provider.Id}\n    program: {provider.Program}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    start: {firstYear + 1}-01-01\n    end: {end:yyyy-MM-dd}\n    value: {ValueOf(provider.Program)}\n    stage: manage\n    metrics:\n");
            yaml.Append(lines);
            if (provider.Program == "job-training" && lines.ToString().Contains("metric: acm-training-completion,", StringComparison.Ordinal))
            {
                // Training pays partly on results: a tenth of the base earned back on completion, and a price per graduate.
                yaml.Append("    payments:\n      base: 200000.00\n      period: quarter\n      withhold: { share: 0.10, earn_back_metric: acm-training-completion }\n");
                yaml.Append("      outcomes: [{ metric: acm-training-completion, rate: 800.00, per: person }]\n      cap: 40000.00\n");
            }
        }

        if (!yaml.ToString().Contains("  - id: ", StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.Combine(folder, FileName);
        File.WriteAllText(path, yaml.ToString(), new UTF8Encoding(false));
        return ContractRegistry.Import(operatorCaller, [ContractingFile.Read(FileName, yaml.ToString())], "demo county");
    }

    private static string ValueOf(string program) => program switch
    {
        "job-training" => "250000.00",
        "family-preservation" => "400000.00",
        "child-care" => "180000.00",
        _ => "320000.00",
    };
}
