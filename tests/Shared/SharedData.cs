namespace Tessera.Tests;

/// <summary>Locates the shared test data (../shared/data beside the checkout); never copied into the repository.</summary>
internal static class SharedData
{
    public static string Root
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("TESSERA_SHARED_DATA");
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return fromEnvironment;
            }

            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "shared", "data");
                if (Directory.Exists(Path.Combine(candidate, "hmis")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("The shared test data (../shared/data) was not found; set TESSERA_SHARED_DATA.");
        }
    }

    public static string HmisTestKit => Path.Combine(Root, "hmis", "datalab-testkit-2.0", "hmis-csv");

    public static string Linkage => Path.Combine(Root, "linkage");

    public static string LsaSampleZip => Path.Combine(Root, "hmis", "lsa-sample-fy2025", "sample_hmis_data.zip");
}
