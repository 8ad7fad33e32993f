using System.Globalization;
using System.IO.Compression;
using Tessera.Storage.Metrics;

namespace Tessera.Storage.Tests;

/// <summary>
/// The Seattle-style homelessness metrics of the standard library on a hand-made HMIS export (the
/// synthetic county's FY2024 export with its clients, enrollments and exits replaced), every answer
/// worked out in the comments: exits on the first and last day of a month, one person exiting two
/// projects, a re-entry within 14 days (a transfer, not a return), one on the 365th day (a return)
/// and one on the 366th (not).
/// </summary>
public sealed class HomelessnessMetricTests : IDisposable
{
    private static readonly string[] Clients = ["C1", "C2", "C3"];

    // C1: ES01 and TH01 at once; re-enters ES02 10 days after the exit to housing (a transfer) and again on day 365 (2024-03-10 → 2025-03-10, a return).
    // C2: ES01, exits to the street on the last day of March. C3: ES01, exits to housing on 2024-04-01 and comes back on day 366.
    private static readonly (string Id, string Person, string Project, string Entry)[] Enrollments =
    [
        ("E1", "C1", "ES01", "2024-01-01"), ("E4", "C1", "TH01", "2024-02-01"), ("E5", "C1", "ES02", "2024-03-20"), ("E6", "C1", "ES02", "2025-03-10"),
        ("E2", "C2", "ES01", "2024-02-01"), ("E3", "C3", "ES01", "2024-01-15"), ("E7", "C3", "ES02", "2025-04-02"),
    ];

    // 410 = rental by client, no subsidy and 435 = rental with another subsidy are permanent; 116 = place not meant for habitation and 101 = emergency shelter are not.
    private static readonly (string Id, string Enrollment, string Person, string Date, string Destination)[] Exits =
    [
        ("X1", "E1", "C1", "2024-03-10", "410"), ("X4", "E4", "C1", "2024-03-15", "101"),
        ("X2", "E2", "C2", "2024-03-31", "116"), ("X3", "E3", "C3", "2024-04-01", "435"),
    ];

    private readonly TestWorkspace _test = new();
    private readonly PublishedMetrics _store;

    public HomelessnessMetricTests()
    {
        var export = HandMadeExport();
        var outcome = _test.Ingest("homelessness", export);
        Assert.True(outcome.Succeeded, outcome.RejectionReason);
        Assert.Equal(0, outcome.RowsQuarantined);
        _store = new PublishedMetrics(_test.Workspace);
        var catalog = MetricCatalog.Load(_test.Workspace);
        new MetricStore(_test.Workspace).Compute([.. catalog.Where(e => e.Definition.Id is "hmis-exit-to-permanent-housing" or "hmis-returns-to-homelessness-12m")], "tester@test", DateTime.UtcNow, null, null,
            (entry, _, problem) => Assert.True(problem is null, $"{entry.Definition.Id}: {problem?.Message}"));
    }

    [Fact]
    public void Exits_to_permanent_housing_are_by_project_and_month_of_exit()
    {
        Assert.Equal([("2024-03-01", 1L, 3L), ("2024-04-01", 1L, 1L)], Rows("hmis-exit-to-permanent-housing"));
        Assert.Equal([("2024-03-01", "ES01", 1L, 2L), ("2024-03-01", "TH01", 0L, 1L), ("2024-04-01", "ES01", 1L, 1L)],
            _store.Results("hmis-exit-to-permanent-housing", "project").Select(r => (Day(r.PeriodStart), r.GroupValue, r.Numerator!.Value, r.Denominator!.Value)));
    }

    [Fact]
    public void A_return_is_a_new_entry_15_to_365_days_after_an_exit_to_housing() =>
        Assert.Equal([("2024-01-01", 1L, 1L), ("2024-04-01", 0L, 1L)], Rows("hmis-returns-to-homelessness-12m"));

    public void Dispose() => _test.Dispose();

    private List<(string, long, long)> Rows(string metric) =>
        [.. _store.Results(metric).Select(r => (Day(r.PeriodStart), r.Numerator!.Value, r.Denominator!.Value))];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The generator's export for its projects and organisations, with our own people; files about people we do not describe are left empty.</summary>
    private string HandMadeExport()
    {
        var county = Path.Combine(_test.Root, "county");
        new Synthetic.CountyGenerator(new Synthetic.SynthOptions { People = 300, Seed = 5, Months = 1 }).Generate(county);
        var zip = Directory.GetFiles(Path.Combine(county, "homelessness"), "*.zip", SearchOption.AllDirectories).Single();
        var folder = Path.Combine(_test.Root, "export");
        ZipFile.ExtractToDirectory(zip, folder);
        foreach (var file in Directory.GetFiles(folder, "*.csv").Where(f => Path.GetFileName(f) is not ("Export.csv" or "Project.csv" or "Organization.csv" or "User.csv" or "Funder.csv" or "ProjectCoC.csv" or "Inventory.csv" or "HMISParticipation.csv" or "CEParticipation.csv")))
        {
            File.WriteAllLines(file, [File.ReadLines(file).First()]);
        }

        var exportId = Rewrite(folder, "Export.csv", []).ExportId;
        Rewrite(folder, "Export.csv", [new() { ["ExportStartDate"] = "2015-01-01", ["ExportEndDate"] = "2025-12-31", ["ExportDate"] = "2026-01-02 02:00:00" }], keepFirstRow: true);
        Rewrite(folder, "Client.csv", [.. Clients.Select(c => new Dictionary<string, string>
        {
            ["PersonalID"] = c, ["FirstName"] = "Pat", ["LastName"] = "Doe" + c, ["NameDataQuality"] = "1", ["SSNDataQuality"] = "99", ["DOB"] = "1980-01-01", ["DOBDataQuality"] = "1",
            ["White"] = "1", ["Woman"] = "1", ["VeteranStatus"] = "0", ["DateCreated"] = "2024-01-01 09:00:00", ["DateUpdated"] = "2024-01-01 09:00:00", ["UserID"] = "U1", ["ExportID"] = exportId,
        })]);
        Rewrite(folder, "Enrollment.csv", [.. Enrollments.Select(e => new Dictionary<string, string>
        {
            ["EnrollmentID"] = e.Id, ["PersonalID"] = e.Person, ["ProjectID"] = e.Project, ["EntryDate"] = e.Entry, ["HouseholdID"] = "H" + e.Id, ["RelationshipToHoH"] = "1",
            ["EnrollmentCoC"] = "XS-500", ["LivingSituation"] = "116", ["DisablingCondition"] = "0", ["DateCreated"] = e.Entry + " 09:00:00", ["DateUpdated"] = e.Entry + " 09:00:00", ["UserID"] = "U1", ["ExportID"] = exportId,
        })]);
        Rewrite(folder, "Exit.csv", [.. Exits.Select(x => new Dictionary<string, string>
        {
            ["ExitID"] = x.Id, ["EnrollmentID"] = x.Enrollment, ["PersonalID"] = x.Person, ["ExitDate"] = x.Date, ["Destination"] = x.Destination,
            ["DateCreated"] = x.Date + " 09:00:00", ["DateUpdated"] = x.Date + " 09:00:00", ["UserID"] = "U1", ["ExportID"] = exportId,
        })]);
        return folder;
    }

    /// <summary>Replaces a file's rows with <paramref name="rows"/> (column → value; other columns empty), or sets columns of its first row; returns the first row's ExportID.</summary>
    private static (string ExportId, int Rows) Rewrite(string folder, string file, IReadOnlyList<Dictionary<string, string>> rows, bool keepFirstRow = false)
    {
        var path = Path.Combine(folder, file);
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var exportId = lines.Length > 1 ? lines[1].Split(',')[Array.IndexOf(header, "ExportID")] : "";
        if (rows.Count == 0)
        {
            return (exportId, lines.Length - 1);
        }

        var written = keepFirstRow
            ? rows.Select(changes => string.Join(',', lines[1].Split(',').Select((value, i) => changes.GetValueOrDefault(header[i], value))))
            : rows.Select(values => string.Join(',', header.Select(column => values.GetValueOrDefault(column, ""))));
        File.WriteAllLines(path, [lines[0], .. written]);
        return (exportId, rows.Count);
    }
}
