namespace Tessera.Storage.Linking;

/// <summary>A person record in the index: its key, where it comes from and its person id.</summary>
/// <param name="Key">"source/file/id": unique across the workspace and stable across deliveries.</param>
/// <param name="Source">Source name.</param>
/// <param name="File">File within the source that holds the person's identifiers.</param>
/// <param name="SourceId">The source's own id for the person (its person key), or the row's primary key.</param>
/// <param name="PersonId">The pseudonymous person id.</param>
/// <param name="PersonKey">The source's person key on the record (e.g. an arrest's SID), or null: what metrics join a source's events on.</param>
internal sealed record LinkedRecord(string Key, string Source, string File, string SourceId, string PersonId, string? PersonKey);
