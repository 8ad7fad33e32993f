using Tessera.Core.Time;

namespace Tessera.Synthetic.Tests;

/// <summary>One 100,000-person county generated once for all distribution tests (about 3 s).</summary>
public sealed class CountyFixture : IDisposable
{
    public CountyFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "tessera-synth-tests-" + Guid.NewGuid().ToString("N"));
        Options = new SynthOptions { People = 100_000, Seed = 7, Months = 36, Start = new YearMonth(2023, 1) };
        Summary = new CountyGenerator(Options).Generate(Root);
    }

    public string Root { get; }

    public SynthOptions Options { get; }

    public SynthSummary Summary { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class CountyCollection : ICollectionFixture<CountyFixture>
{
    public const string Name = "county";
}
