using System.Text.Json.Serialization;

namespace Tessera.Storage.Releases;

/// <summary>
/// What a release is (<c>manifest.json</c>): the licence it was built under, each file with its
/// columns and what was done to them, the rows kept and suppressed, the equivalence classes and
/// the information lost, and the checks it passed.
/// </summary>
public sealed record ReleaseManifest(
    [property: JsonPropertyName("release")] long Release,
    [property: JsonPropertyName("dul")] string Dul,
    [property: JsonPropertyName("dul_version")] int DulVersion,
    [property: JsonPropertyName("project")] string Project,
    [property: JsonPropertyName("licensee")] string Licensee,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("built_by")] string BuiltBy,
    [property: JsonPropertyName("built_utc")] DateTime BuiltUtc,
    [property: JsonPropertyName("k")] int K,
    [property: JsonPropertyName("max_suppressed_share")] double MaxSuppressedShare,
    [property: JsonPropertyName("people")] int People,
    [property: JsonPropertyName("files")] IReadOnlyList<ReleasedFile> Files,
    [property: JsonPropertyName("checks")] IReadOnlyList<string> Checks,
    [property: JsonPropertyName("notices")] IReadOnlyList<string> Notices,
    [property: JsonPropertyName("clauses")] IReadOnlyList<string> Clauses);

/// <summary>One released file: <c>NAME.csv</c> and <c>NAME.parquet</c>.</summary>
public sealed record ReleasedFile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("csv")] string Csv,
    [property: JsonPropertyName("parquet")] string Parquet,
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("suppressed_rows")] int SuppressedRows,
    [property: JsonPropertyName("columns")] IReadOnlyList<ReleasedColumn> Columns,
    [property: JsonPropertyName("removed")] IReadOnlyList<RemovedField> Removed,
    [property: JsonPropertyName("equivalence_classes")] int EquivalenceClasses,
    [property: JsonPropertyName("smallest_class_people")] int? SmallestClassPeople,
    [property: JsonPropertyName("information_loss")] double InformationLoss,
    [property: JsonPropertyName("search")] string? Search);

/// <summary>A released column: where it comes from, what was done to it, and its generalisation when it is a quasi-identifier.</summary>
public sealed record ReleasedColumn(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("treatment")] string Treatment,
    [property: JsonPropertyName("quasi_identifier")] bool QuasiIdentifier,
    [property: JsonPropertyName("generalisation_level")] int? GeneralisationLevel,
    [property: JsonPropertyName("generalisation_levels")] int? GeneralisationLevels);

/// <summary>A covered field the release leaves out, and why.</summary>
public sealed record RemovedField(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("reason")] string Reason);
