using Tessera.Synthetic.Effects;
using Tessera.Synthetic.Noise;
using Tessera.Synthetic.Output;
using Tessera.Synthetic.Randomness;

namespace Tessera.Synthetic.Sources;

/// <summary>Everything a source generator needs while it turns one chunk of households into rows.</summary>
internal sealed class ChunkContext(SynthOptions options, RecordIds ids, IdentityNoise noise)
{
    public SynthOptions Options { get; } = options;

    public RecordIds Ids { get; } = ids;

    public IdentityNoise Noise { get; } = noise;

    public DeliverySink Sink { get; } = new(options);

    public TruthSink Truth { get; } = new();

    public EffectTally Tally { get; } = new();

    public DateOnly Start => Options.Start.FirstDay;

    public DateOnly End => Options.End;

    /// <summary>
    /// Months a record arrives late (planted effect "delivery lag"): most arrive in the month
    /// they were created, about one in ten a month or more later.
    /// </summary>
    public int Lag(Rng rng)
    {
        var lag = rng.Weighted([0.90, 0.06, 0.025, 0.015]);
        Tally.Add("lag.months." + lag.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return lag;
    }

    /// <summary>The delivery month offset a record created on <paramref name="created"/> lands in, lag included.</summary>
    public int Delivery(DateOnly created, Rng rng) => Sink.MonthOf(created, Lag(rng));

    /// <summary>Count a person record's identity errors for the error-rate report.</summary>
    public void CountIdentity(string source, RecordIdentity identity)
    {
        Tally.Add($"identity.{source}.records");
        if (identity.NameError)
        {
            Tally.Add($"identity.{source}.name_error");
        }

        if (identity.BirthDateError)
        {
            Tally.Add($"identity.{source}.birth_date_error");
        }

        Tally.Add($"identity.{source}.ssn_{identity.SsnState.ToString().ToLowerInvariant()}");
    }
}
