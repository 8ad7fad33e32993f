namespace Tessera.Storage.Linking;

/// <summary>
/// The key of a person record in the index: "source/file/id", e.g. "benefits/members/0019884121912".
/// Pages and the CLI show only where a record comes from (<see cref="Origin"/>), never its id.
/// </summary>
public static class RecordKey
{
    /// <summary>The key of record <paramref name="id"/> of <paramref name="source"/>'s <paramref name="file"/>.</summary>
    public static string Of(string source, string file, string id) => $"{source}/{file}/{id}";

    /// <summary>Where the record comes from ("benefits/members"), without its id.</summary>
    public static string Origin(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key[..Math.Max(0, key.LastIndexOf('/'))];
    }
}
