using System.Text.Json;
using Tessera.Linkage.Blocking;
using Tessera.Linkage.Running;

namespace Tessera.Storage.Linking;

/// <summary>
/// What the linkage pages chart about a run, kept with it as JSON: the trained model (m, u and
/// weight of every comparison level), the blocking analysis, how match weights of the reported
/// pairs are spread, how many records persons have, and how long each stage took. Aggregates only.
/// </summary>
public sealed record LinkRunSummary(
    double Prior,
    IReadOnlyList<ComparisonSummary> Model,
    BlockingAnalysis Blocking,
    IReadOnlyList<WeightBin> WeightDistribution,
    IReadOnlyList<SizeBin> PersonSizes,
    IReadOnlyList<StageTime> Timings)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The summary as stored.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a stored summary; null when it is empty or from an older format.</summary>
    public static LinkRunSummary? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<LinkRunSummary>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Reported pairs whose match weight falls in [Weight, Weight + 1).</summary>
public sealed record WeightBin(int Weight, int Pairs);

/// <summary>Persons with this many records.</summary>
public sealed record SizeBin(int Records, int Persons);

/// <summary>How long a stage of the run took.</summary>
public sealed record StageTime(string Stage, double Seconds);
