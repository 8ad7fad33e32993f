namespace Tessera.Storage.Releases;

/// <summary>A built release as listed: its licence, level, when and by whom it was built and first downloaded, and its size.</summary>
public sealed record ReleaseSummary(long Id, string Dul, string Project, string Licensee, string Level, string BuiltBy, DateTime BuiltUtc, int Files, int Rows, int People, string? DownloadedBy, DateTime? DownloadedUtc)
{
    /// <summary>CSV header of <see cref="ReleaseSummary"/> rows.</summary>
    public const string Header = "release,dul,project,licensee,level,built_by,built_utc,files,rows,people,downloaded_by,downloaded_utc";
}
