using Tessera.Intake.Delivering;
using Tessera.Storage.Vault;

namespace Tessera.Storage.Tests;

/// <summary>
/// DuckDB's stage-then-publish: rows appended on several connections are committed before the
/// delivery is, so these tests look at them from another connection at the moment in between.
/// </summary>
public sealed class StagingTests
{
    [Fact]
    public void Staged_rows_stay_invisible_until_the_ledger_entry_commits()
    {
        using var test = Clinic.NewWorkspace();
        var delivery = Clinic.Delivery(test, Clinic.Utf8(Clinic.GoodPatients), Clinic.Utf8(Clinic.GoodVisits));
        (long Current, long Staged)? seen = null;
        var processor = test.Workspace.Processor(TimeProvider.System, point =>
        {
            if (point == "before-commit")
            {
                seen = (test.Workspace.Vault.CountCurrent("clinic", "visits"), CountStaged(test, "visits"));
            }
        });

        var outcome = processor.Ingest(new DeliveryRequest { Source = "clinic", Paths = [delivery] }, test.Workspace.Sources.Dictionaries("clinic"));

        Assert.Equal(DeliveryOutcome.Accepted, outcome.Status);
        Assert.Equal((0L, 2L), seen);
        Assert.Equal(2, test.Workspace.Vault.CountCurrent("clinic", "visits"));
    }

    [Fact]
    public void A_delivery_that_fails_after_staging_leaves_no_rows_behind()
    {
        using var test = Clinic.NewWorkspace();
        var delivery = Clinic.Delivery(test, Clinic.Utf8(Clinic.GoodPatients), Clinic.Utf8(Clinic.GoodVisits));
        var processor = test.Workspace.Processor(TimeProvider.System, point =>
        {
            if (point == "before-commit")
            {
                throw new IOException("disk gone (simulated)");
            }
        });

        Assert.Throws<IOException>(() => processor.Ingest(new DeliveryRequest { Source = "clinic", Paths = [delivery] }, test.Workspace.Sources.Dictionaries("clinic")));

        Assert.Equal(0, CountStaged(test, "visits"));
        Assert.Equal(0, test.Workspace.Vault.CountCurrent("clinic", "visits"));
        Assert.Equal(DeliveryOutcome.Accepted, test.Ingest("clinic", delivery).Status);
        Assert.Equal(2, CountStaged(test, "visits"));
    }

    private static long CountStaged(TestWorkspace test, string file)
    {
        using var connection = ((DuckDbVault)test.Workspace.Vault).OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM clinic.{file}_rows";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
