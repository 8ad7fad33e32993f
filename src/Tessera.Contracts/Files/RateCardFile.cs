using Tessera.Contracts.Payments;
using Tessera.Core.Contracting;
using Tessera.Core.Text;

namespace Tessera.Contracts.Files;

/// <summary>
/// Reads a draft rate card for <c>tessera payments simulate</c>: a contract's <c>metrics:</c> and
/// <c>payments:</c> without the contract, and an optional <c>budget:</c>.
/// <code>
/// metrics:
///   - { metric: acm-training-completion, type: outcome, target: 0.50 }
/// payments:
///   base: 200000.00
///   withhold: { share: 0.10, earn_back_metric: acm-training-completion }
///   outcomes: [{ metric: acm-training-completion, rate: 800.00 }]
/// budget: 1200000.00
/// </code>
/// </summary>
public static class RateCardFile
{
    /// <summary>Reads <paramref name="text"/>, the content of the file <paramref name="name"/>.</summary>
    /// <exception cref="ContractingFileException">The file has problems; every one is listed with its line and field.</exception>
    public static RateCard Read(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reading = new YamlReading();
        RateCard? card = null;
        if (reading.Root(text) is { } root)
        {
            reading.OnlyKeys(root, "the file", "metrics", "payments", "budget");
            var metrics = ContractingFile.ReadMetrics(reading, root, "card", new DateOnly(1900, 1, 1));
            if (metrics.Count == 0)
            {
                reading.Problem(root, "card.metrics", "a rate card needs the metrics it pays on, each with a target.");
            }

            var payments = YamlReading.Node(root, "payments") is { } node ? PaymentTermsReading.Read(reading, node, "card.payments", metrics) : null;
            if (YamlReading.Node(root, "payments") is null)
            {
                reading.Problem(root, "the file", "'payments' is missing: the terms to try.");
            }

            var budget = ContractingFile.Parsed(reading, root, "budget", "card", required: false, t => Money.TryParse(t, out var v) && v >= Money.Zero ? v : (Money?)null, "an amount in dollars of 0 or more, e.g. 1200000.00");
            card = payments is null ? null : new RateCard(metrics, payments, budget);
        }

        if (reading.Problems.Count > 0 || card is null)
        {
            throw new ContractingFileException(name, reading.Problems.Count > 0 ? reading.Problems : ["is empty."]);
        }

        return card;
    }
}
