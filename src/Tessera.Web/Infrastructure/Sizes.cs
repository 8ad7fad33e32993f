using System.Globalization;

namespace Tessera.Web.Infrastructure;

/// <summary>Human-readable file sizes ("12.3 MB").</summary>
public static class Sizes
{
    /// <summary>Formats <paramref name="bytes"/> with the largest unit that keeps the number at or above 1.</summary>
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        < 1024L * 1024 * 1024 => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        _ => (bytes / 1073741824.0).ToString("0.00", CultureInfo.InvariantCulture) + " GB",
    };
}
