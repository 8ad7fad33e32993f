namespace Tessera.Storage.Metrics;

/// <summary>What a workspace has published: how many metric runs, the latest run, how many registry versions. All only grow.</summary>
internal readonly record struct Publication(long Runs, long LatestRun, long RegistryVersions)
{
    /// <summary>True when this publication has something <paramref name="other"/> has not.</summary>
    public bool IsAfter(Publication other) =>
        this != other && Runs >= other.Runs && LatestRun >= other.LatestRun && RegistryVersions >= other.RegistryVersions;
}
