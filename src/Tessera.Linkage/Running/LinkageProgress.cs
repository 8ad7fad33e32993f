namespace Tessera.Linkage.Running;

/// <summary>How far a linkage run has got: the stage ("comparing pairs") and work done of the total.</summary>
public sealed record LinkageProgress(string Stage, long Done, long Total);
