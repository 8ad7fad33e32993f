using System.Globalization;
using System.Text.Json;
using Tessera.Contracts.Payments;
using Tessera.Core.Contracting;

namespace Tessera.Storage.Contracting;

/// <summary>
/// A contract's payment terms as the registry keeps them: one JSON document per contract version,
/// amounts and shares written as decimal text so nothing passes through a binary fraction.
/// </summary>
internal static class PaymentTermsDocument
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The terms as stored, in the shape of the contract file's <c>payments:</c>.</summary>
    public static object Stored(PaymentTerms terms) => new
    {
        @base = terms.Base?.ToString(),
        period = terms.Period.ToString().ToLowerInvariant(),
        withhold = terms.Withhold is { } w ? new { share = Text(w.Share), earn_back_metric = w.EarnBackMetric } : null,
        outcomes = terms.Outcomes.Select(o => new { metric = o.Metric, rate = o.Rate.ToString(), per = o.Per.ToString().ToLowerInvariant() }),
        bonus = terms.Bonuses.Select(b => new { metric = b.Metric, at_least = Text(b.Threshold), amount = b.Amount.ToString() }),
        cap = terms.Cap?.ToString(),
        floor = terms.Floor?.ToString(),
        contract_cap = terms.ContractCap?.ToString(),
    };

    /// <summary>The JSON text of <paramref name="terms"/>.</summary>
    public static string Write(PaymentTerms terms) => JsonSerializer.Serialize(Stored(terms), Json);

    /// <summary>The terms <see cref="Write"/> wrote.</summary>
    public static PaymentTerms Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        static Money? Amount(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? new Money(Number(v)) : null;
        static decimal Number(JsonElement v) => decimal.Parse(v.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
        var withhold = root.GetProperty("withhold") is { ValueKind: JsonValueKind.Object } w ? new Withhold(Number(w.GetProperty("share")), w.GetProperty("earn_back_metric").GetString()!) : null;
        return new PaymentTerms(
            Enum.Parse<PaymentPeriodKind>(root.GetProperty("period").GetString()!, ignoreCase: true),
            Amount(root, "base"),
            withhold,
            [.. root.GetProperty("outcomes").EnumerateArray().Select(o => new OutcomeRate(o.GetProperty("metric").GetString()!, new Money(Number(o.GetProperty("rate"))), Enum.Parse<OutcomeUnit>(o.GetProperty("per").GetString()!, ignoreCase: true)))],
            [.. root.GetProperty("bonus").EnumerateArray().Select(b => new BonusTier(b.GetProperty("metric").GetString()!, Number(b.GetProperty("at_least")), new Money(Number(b.GetProperty("amount")))))],
            Amount(root, "cap"), Amount(root, "floor"), Amount(root, "contract_cap"));
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
