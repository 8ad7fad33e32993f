using System.Globalization;
using Tessera.Contracts.Agreements;
using Tessera.Contracts.Payments;
using Tessera.Core.Contracting;
using Tessera.Core.Text;
using YamlDotNet.RepresentationModel;
using static Tessera.Contracts.Files.ContractingFile;

namespace Tessera.Contracts.Files;

/// <summary>
/// Reads a contract's <c>payments:</c> — base, period, withhold, outcome rates, bonus tiers, cap,
/// floor and contract cap — naming every mistake by line and field: a rate on a metric the
/// contract does not measure, a negative amount, a cap below the floor, a withhold without a base.
/// </summary>
internal static class PaymentTermsReading
{
    private const string Dollars = "an amount in dollars of 0 or more with at most two decimals, e.g. 1500.00";

    public static PaymentTerms? Read(YamlReading reading, YamlNode node, string path, IReadOnlyList<ContractMetric> metrics)
    {
        if (reading.Mapping(node, path) is not { } map)
        {
            return null;
        }

        var problems = reading.Problems.Count;
        reading.OnlyKeys(map, path, "base", "period", "withhold", "outcomes", "bonus", "cap", "floor", "contract_cap");
        var measured = metrics.Select(m => m.Metric).ToHashSet(StringComparer.Ordinal);
        var period = Parsed(reading, map, "period", path, required: false, text => Enum.TryParse<PaymentPeriodKind>(text, ignoreCase: true, out var v) && !int.TryParse(text, out _) ? v : (PaymentPeriodKind?)null, "month, quarter or year")
            ?? PaymentPeriodKind.Quarter;
        var baseAmount = Amount(reading, map, "base", path);
        var cap = Amount(reading, map, "cap", path);
        var floor = Amount(reading, map, "floor", path);
        var contractCap = Amount(reading, map, "contract_cap", path);
        if (cap is { } c && floor is { } f && c < f)
        {
            reading.Problem(YamlReading.Node(map, "cap")!, path + ".cap", $"the cap ({c}) is below the floor ({f}); a period could not pay both.");
        }

        Withhold? withhold = null;
        if (YamlReading.Node(map, "withhold") is { } withholdNode && reading.Mapping(withholdNode, path + ".withhold") is { } withholdMap)
        {
            var withholdPath = path + ".withhold";
            reading.OnlyKeys(withholdMap, withholdPath, "share", "earn_back_metric");
            var share = Parsed(reading, withholdMap, "share", withholdPath, required: true, Number, "a share above 0 and at most 1, e.g. 0.10 for 10%");
            if (share is { } s && s is <= 0 or > 1)
            {
                reading.Problem(YamlReading.Node(withholdMap, "share")!, withholdPath + ".share", string.Create(CultureInfo.InvariantCulture, $"expected a share above 0 and at most 1, e.g. 0.10 for 10%, found {s}."));
            }

            var metric = Measured(reading, withholdMap, "earn_back_metric", withholdPath, measured);
            if (baseAmount is null)
            {
                reading.Problem(withholdNode, withholdPath, "a withhold is a share of the base; give 'base' too.");
            }

            withhold = share is { } held && metric is not null ? new Withhold(held, metric) : null;
        }

        var outcomes = new List<OutcomeRate>();
        var items = reading.Items(map, "outcomes", path + ".outcomes");
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = Path(path + ".outcomes", i);
            if (reading.Mapping(items[i], itemPath) is not { } item)
            {
                continue;
            }

            reading.OnlyKeys(item, itemPath, "metric", "rate", "per");
            var metric = Measured(reading, item, "metric", itemPath, measured);
            var rate = Amount(reading, item, "rate", itemPath, required: true);
            var per = Parsed(reading, item, "per", itemPath, required: false, text => Enum.TryParse<OutcomeUnit>(text, ignoreCase: true, out var v) && !int.TryParse(text, out _) ? v : (OutcomeUnit?)null, "person or cohort") ?? OutcomeUnit.Person;
            if (metric is not null && outcomes.Any(o => o.Metric == metric))
            {
                reading.Problem(item, itemPath + ".metric", $"{metric} has a rate already; an outcome is priced once.");
            }
            else if (metric is not null && rate is { } r)
            {
                outcomes.Add(new OutcomeRate(metric, r, per));
            }
        }

        var bonuses = new List<BonusTier>();
        var tiers = reading.Items(map, "bonus", path + ".bonus");
        for (var i = 0; i < tiers.Count; i++)
        {
            var itemPath = Path(path + ".bonus", i);
            if (reading.Mapping(tiers[i], itemPath) is not { } item)
            {
                continue;
            }

            reading.OnlyKeys(item, itemPath, "metric", "at_least", "at_most", "amount");
            var metric = Measured(reading, item, "metric", itemPath, measured);
            var key = YamlReading.Node(item, "at_most") is not null ? "at_most" : "at_least";
            var threshold = Parsed(reading, item, key, itemPath, required: true, Number, "the figure to reach, e.g. 0.60");
            var amount = Amount(reading, item, "amount", itemPath, required: true);
            if (metric is not null && threshold is { } t && amount is { } a)
            {
                bonuses.Add(new BonusTier(metric, t, a));
            }
        }

        if (baseAmount is null && outcomes.Count == 0 && bonuses.Count == 0)
        {
            reading.Problem(map, path, "nothing to pay: give a base, outcome rates or a bonus.");
        }

        return reading.Problems.Count > problems ? null : new PaymentTerms(period, baseAmount, withhold, outcomes, bonuses, cap, floor, contractCap);
    }

    private static Money? Amount(YamlReading reading, YamlMappingNode map, string key, string path, bool required = false) =>
        Parsed(reading, map, key, path, required, text => Money.TryParse(text, out var v) && v >= Money.Zero ? v : (Money?)null, Dollars);

    private static string? Measured(YamlReading reading, YamlMappingNode map, string key, string path, HashSet<string> measured)
    {
        var metric = reading.Text(map, key, path, required: true);
        if (metric is not null && !measured.Contains(metric))
        {
            reading.Problem(YamlReading.Node(map, key)!, $"{path}.{key}", $"the contract does not measure {metric}; pay only on its metrics ({string.Join(", ", measured.Order(StringComparer.Ordinal))}).");
            return null;
        }

        return metric;
    }
}
