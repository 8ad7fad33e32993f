using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Contracts.Agreements;
using Tessera.Governance.Access;
using Tessera.Metrics.Definitions;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Metrics;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Contracts;

/// <summary>
/// The outcome section of an RFP or contract, generated from a contract's metrics: for each, the
/// plain-language definition, the data it is measured from, the kind of measure, how and how
/// often it is measured, the target and the benchmarks — printable, and as a Word document.
/// </summary>
[Requires(Capability.ViewContracts)]
public sealed class ExhibitModel(RequestAccess request) : PageModel
{
    /// <summary>The contract.</summary>
    public Contract Contract { get; private set; } = null!;

    /// <summary>One section per metric.</summary>
    public IReadOnlyList<ExhibitSection> Sections { get; private set; } = [];

    /// <summary>Shows the exhibit.</summary>
    public IActionResult OnGet(string contract) => Load(contract) ? Page() : NotFound();

    /// <summary>The exhibit as a Word document.</summary>
    public IActionResult OnGetWord(string contract)
    {
        if (!Load(contract))
        {
            return NotFound();
        }

        var word = new WordDocument().Heading($"Outcome measures — contract {Contract.Id}", 1)
            .Paragraph($"{Contract.Agency} with provider {Contract.Provider} for {Contract.Program}, {Contract.Start:yyyy-MM-dd} to {Contract.End:yyyy-MM-dd}.")
            .Paragraph("The provider's performance is measured from administrative data the agencies hold, linked across agencies by the integrated data system; the provider cannot edit it.");
        foreach (var section in Sections)
        {
            word.Heading(section.Title, 2).Paragraph(section.Definition).Table(["About the measure", "Detail"], section.Facts.Select(f => (IReadOnlyList<string>)[f.Name, f.Value]));
        }

        return word.File($"{Contract.Id}-outcome-measures.docx");
    }

    private bool Load(string id)
    {
        IReadOnlyList<PerformanceRow> rows;
        try
        {
            Contract = ContractRegistry.Show(request.Caller, id).Contract.Contract;
            rows = ContractRegistry.Performance(request.Caller, id);
        }
        catch (AccessDeniedException denied) when (denied.NotFound)
        {
            return false;
        }

        var catalog = MetricCatalog.Load(request.Caller.Workspace);
        Sections = Contract.Metrics.Select(m => Section(m, catalog.FirstOrDefault(e => e.Definition.Id == m.Metric)?.Definition, rows.Where(r => r.Metric == m.Metric).ToList())).ToList();
        return true;
    }

    private static ExhibitSection Section(ContractMetric metric, MetricDefinition? definition, List<PerformanceRow> rows)
    {
        static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
        string Figure(double? value) => DetailModel.Shown(value, definition);
        var latest = rows.LastOrDefault(r => r.PeerMedian is not null);
        var facts = new List<(string, string)>
        {
            ("Kind of measure", metric.Type.ToString().ToLowerInvariant() + (definition is null ? "" : definition.Polarity == "lower_is_better" ? " (lower is better)" : " (higher is better)")),
            ("Measured from", definition is null ? "—" : $"{definition.Population.Source} data ({definition.Population.File}), counted per {definition.Unit}"),
            ("How", definition is null ? "—" : $"{definition.Value.Replace('_', ' ')} by {definition.Population.Anchor.Replace('_', ' ')}; definition {definition.Id} version {definition.Version}{(definition.Standard.Length > 0 ? $", {definition.Standard}" : "")}"),
            ("How often", definition is null ? "—" : $"every {definition.Period}"),
            ("Target", string.Join("; ", metric.Targets.Select(t => $"{Number(t.Value)} from {t.From:yyyy-MM-dd}"))),
            ("Watch band", $"within {Number(metric.Watch)} of the target"),
            ("Historical benchmark", latest is null ? "not yet measured" : $"{Figure(latest.Historical)} (the provider's own year before {latest.PeriodStart:yyyy-MM-dd})"),
            ("Peer benchmark", latest is null ? "not yet measured" : $"median {Figure(latest.PeerMedian)}, middle half {Figure(latest.PeerQ1)} to {Figure(latest.PeerQ3)} (the program's providers, period from {latest.PeriodStart:yyyy-MM-dd})"),
            ("Best practice", metric.BestPractice is { } best ? $"{Number(best.Value)} ({best.Citation})" : "none entered"),
        };
        return new ExhibitSection(definition?.Title ?? metric.Metric, definition?.Description.Trim() ?? "", facts);
    }
}

/// <summary>One metric's part of the exhibit.</summary>
/// <param name="Title">The metric's title.</param>
/// <param name="Definition">Its plain-language definition.</param>
/// <param name="Facts">Name and value of each fact, in order.</param>
public sealed record ExhibitSection(string Title, string Definition, IReadOnlyList<(string Name, string Value)> Facts);
