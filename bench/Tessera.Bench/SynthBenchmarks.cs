using BenchmarkDotNet.Attributes;
using Tessera.Synthetic;

namespace Tessera.Bench;

/// <summary>In-process cost of generating a county (files included); the 1M-person scale run is bench/synth-scale.sh.</summary>
[MemoryDiagnoser]
public class SynthBenchmarks
{
    private string _root = "";

    [Params(10_000, 100_000)]
    public int People { get; set; }

    [IterationSetup]
    public void Setup() => _root = Path.Combine(Path.GetTempPath(), "tessera-bench-" + Guid.NewGuid().ToString("N"));

    [IterationCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    public SynthSummary Generate() => new CountyGenerator(new SynthOptions { People = People, Seed = 1 }).Generate(_root);
}
