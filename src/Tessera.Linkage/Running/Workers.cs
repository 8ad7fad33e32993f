namespace Tessera.Linkage.Running;

/// <summary>
/// How many threads a parallel step of a run may use: one per core the runtime was given
/// (<c>DOTNET_PROCESSOR_COUNT</c>, a container's CPU limit). Without the bound the thread pool
/// adds threads beyond it whenever a step blocks, so a run told to use one core used two.
/// </summary>
internal static class Workers
{
    /// <summary>
    /// How many fixed parts a sum over many items is split into, whatever the number of cores: each
    /// part is added up in order and the parts one after another, so a floating-point total (and
    /// everything trained from it) comes out the same on one core or sixteen.
    /// </summary>
    public const int Parts = 64;

    /// <summary>Options for <see cref="Parallel"/>: at most one worker per core.</summary>
    public static ParallelOptions PerCore(CancellationToken cancellationToken = default) =>
        new() { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
}
