namespace Tessera.Contracts.Providers;

/// <summary>
/// A program: a kind of service such as job training, family preservation or emergency shelter.
/// Providers of one program are each other's peers, so their results are compared with each other.
/// </summary>
/// <param name="Id">A short id, e.g. <c>job-training</c>.</param>
/// <param name="Name">How people call it, e.g. "Job training".</param>
public sealed record ServiceProgram(string Id, string Name)
{
    /// <summary>A program named after its id when a file names one it does not define: <c>job-training</c> is "Job training".</summary>
    public static ServiceProgram Named(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var words = id.Replace('-', ' ').Replace('_', ' ');
        return new ServiceProgram(id, char.ToUpperInvariant(words[0]) + words[1..]);
    }
}
