using Tessera.Intake.Delivering;
using static Tessera.Storage.Tests.Clinic;

namespace Tessera.Storage.Tests;

public class DeliveryTests
{
    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void A_valid_delivery_is_accepted_and_its_rows_are_current(Engine engine)
    {
        using var workspace = NewWorkspace(engine);
        var outcome = workspace.Ingest("clinic", Delivery(workspace, Utf8(GoodPatients), Utf8(GoodVisits)));

        Assert.Equal(DeliveryOutcome.Accepted, outcome.Status);
        Assert.Equal(4, outcome.RowsRead);
        Assert.Equal(4, outcome.RowsAccepted);
        Assert.Equal("2024-05", outcome.Period);
        Assert.Equal(2, workspace.Workspace.Vault.CountCurrent("clinic", "patients"));
        Assert.Equal(2, workspace.Workspace.Vault.CountCurrent("clinic", "visits"));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void Re_ingesting_the_same_files_is_a_no_op(Engine engine)
    {
        using var workspace = NewWorkspace(engine);
        var folder = Delivery(workspace, Utf8(GoodPatients), Utf8(GoodVisits));
        var first = workspace.Ingest("clinic", folder);
        var copy = Delivery(workspace, Utf8(GoodPatients), Utf8(GoodVisits));
        var second = workspace.Ingest("clinic", copy);

        Assert.Equal(DeliveryOutcome.Duplicate, second.Status);
        Assert.Equal(first.DeliveryId, second.DeliveryId);
        Assert.Single(workspace.Workspace.Vault.Deliveries("clinic"));
        Assert.Equal(2, workspace.Workspace.Vault.CountCurrent("clinic", "patients"));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void A_corrected_re_delivery_supersedes_and_history_is_kept(Engine engine)
    {
        using var workspace = NewWorkspace(engine);
        var first = workspace.Ingest("clinic", Delivery(workspace, Utf8(GoodPatients), Utf8(GoodVisits)));
        var corrected = Patients("P1,Ada,Lovelace,1985-12-10,123-45-6789,F");
        var second = workspace.Ingest("clinic", Delivery(workspace, Utf8(corrected), Utf8(Visits("V1,P1,2024-05-02,99.00,30,corrected"))));

        Assert.Equal(DeliveryOutcome.Accepted, second.Status);
        Assert.Equal([first.DeliveryId!.Value], second.Superseded);
        var history = workspace.Workspace.Vault.Deliveries("clinic");
        Assert.Equal(["current", "superseded"], history.Select(d => d.Status));
        Assert.Contains($"#{second.DeliveryId}", history[1].StatusReason, StringComparison.Ordinal);
        Assert.Equal(1, workspace.Workspace.Vault.CountCurrent("clinic", "patients"));
        Assert.Equal(1, workspace.Workspace.Vault.CountCurrent("clinic", "visits"));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void A_later_month_updates_rows_by_key_and_keeps_the_rest(Engine engine)
    {
        using var workspace = NewWorkspace(engine);
        workspace.Ingest("clinic", Delivery(workspace, Utf8(GoodPatients), Utf8(GoodVisits)));
        var june = workspace.Ingest("clinic", Delivery(workspace, Utf8(Patients("P3,Grace,Hopper,1966-12-09,,F")), Utf8(Visits("V1,P1,2024-05-02,130.00,30,amended")), "2024-06"));

        Assert.Equal(DeliveryOutcome.Accepted, june.Status);
        Assert.Empty(june.Superseded);
        Assert.Equal(3, workspace.Workspace.Vault.CountCurrent("clinic", "patients"));
        Assert.Equal(2, workspace.Workspace.Vault.CountCurrent("clinic", "visits"));
    }

    [Fact]
    public void Invalid_rows_are_quarantined_with_file_row_column_and_rule_when_under_the_limit()
    {
        using var workspace = NewWorkspace();
        var visits = Visits("V1,P1,2024-05-02,120.50,30,a", "V2,P1,2024-02-30,10.00,30,b", "V3,P2,2024-05-03,abc,15,c");
        var outcome = workspace.Ingest(new DeliveryRequest { Source = "clinic", Paths = [Delivery(workspace, Utf8(GoodPatients), Utf8(visits))], MaxErrorShare = 0.5 });

        Assert.Equal(DeliveryOutcome.Accepted, outcome.Status);
        Assert.Equal(2, outcome.RowsQuarantined);
        var quarantined = workspace.Workspace.Vault.Quarantined(outcome.DeliveryId!.Value);
        Assert.Contains(quarantined, q => q is { File: "visits.csv", Row: 3, Column: "visit_date", Rule: Intake.Validation.RuleBroken.Type, PlainValue: "2024-02-30" });
        Assert.Contains(quarantined, q => q is { File: "visits.csv", Row: 4, Column: "cost", PlainValue: "abc" });
    }

    [Fact]
    public void A_ragged_row_is_quarantined_whole_and_the_rest_of_the_delivery_accepted()
    {
        using var workspace = NewWorkspace();
        var patients = Patients("P1,Ada,Lovelace,1985-12-10,,F", "P2,Alan,Turing,1972-06-23,M", "P3,Grace,Hopper,1966-12-09,,F");
        var outcome = workspace.Ingest(new DeliveryRequest { Source = "clinic", Paths = [Delivery(workspace, Utf8(patients), Utf8(Visits()))], MaxErrorShare = 0.5 });

        Assert.Equal(DeliveryOutcome.Accepted, outcome.Status);
        Assert.Equal(2, outcome.RowsAccepted);
        var entry = Assert.Single(workspace.Workspace.Vault.Quarantined(outcome.DeliveryId!.Value));
        Assert.Equal(("patients.csv", 3L), (entry.File, entry.Row));
        Assert.Contains("6 values as in the header, found 5", entry.Expected, StringComparison.Ordinal);
        Assert.Null(entry.PlainValue); // the whole row may hold a name: kept sealed
        Assert.NotNull(entry.SealedValue);
    }

    [Fact]
    public void Quarantined_identifiers_are_kept_encrypted()
    {
        using var workspace = NewWorkspace();
        var patients = Patients("P1,Ada,Lovelace,1985-12-10,123-45-6789,F", "P2,Alan,Turing,1972-13-23,987-65-4321,M");
        var outcome = workspace.Ingest(new DeliveryRequest { Source = "clinic", Paths = [Delivery(workspace, Utf8(patients), Utf8(Visits()))], MaxErrorShare = 0.6 });

        var entry = Assert.Single(workspace.Workspace.Vault.Quarantined(outcome.DeliveryId!.Value));
        Assert.Equal("dob", entry.Column);
        Assert.Null(entry.PlainValue);
        Assert.NotNull(entry.SealedValue);
    }

    [Fact]
    public void Identifiers_are_stored_sealed_and_open_again_with_the_sources_key()
    {
        using var workspace = NewWorkspace();
        workspace.Ingest("clinic", Delivery(workspace, Utf8(GoodPatients), Utf8(GoodVisits)));

        byte[] sealedBytes;
        string yearMonth;
        using (var connection = ((Vault.DuckDbVault)workspace.Workspace.Vault).OpenConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT _identifiers, dob_year_month FROM clinic.patients WHERE patient_id = 'P1'";
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            using var stream = reader.GetStream(0);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            sealedBytes = copy.ToArray();
            yearMonth = reader.GetString(1);
        }

        Assert.Equal("1985-12", yearMonth);
        Assert.DoesNotContain("Lovelace", System.Text.Encoding.Latin1.GetString(sealedBytes), StringComparison.Ordinal);
        using var cipher = new Governance.Keys.FieldCipher(workspace.Workspace.Keys.DataKeyFor("clinic"));
        var opened = IdentifierEnvelope.Unpack(cipher.Decrypt(sealedBytes, Governance.Keys.FieldCipher.Column("clinic", "patients", "_identifiers")));
        Assert.Equal("Ada", opened["first_name"]);
        Assert.Equal("Lovelace", opened["last_name"]);
        Assert.Equal("1985-12-10", opened["dob"]);
        Assert.Equal("123-45-6789", opened["ssn"]);
        Assert.Throws<System.Security.Cryptography.AuthenticationTagMismatchException>(() => cipher.Decrypt(sealedBytes, Governance.Keys.FieldCipher.Column("clinic", "visits", "_identifiers")));
    }

    [Fact]
    public void A_Parquet_delivery_is_read_with_its_types()
    {
        using var workspace = NewWorkspace();
        var folder = workspace.WriteFolder(Path.Combine("parquet", "2024-05"));
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                COPY (SELECT * FROM (VALUES ('P1', 'Ada', 'Lovelace', DATE '1985-12-10', '123-45-6789', 'F'), ('P2', 'Alan', 'Turing', DATE '1972-06-23', NULL, 'M'))
                      t(patient_id, first_name, last_name, dob, ssn, sex)) TO '{Path.Combine(folder, "patients.parquet")}' (FORMAT PARQUET);
                COPY (SELECT 'V1' AS visit_id, 'P1' AS patient_id, DATE '2024-05-02' AS visit_date, 120.50::DECIMAL(10,2) AS cost, 30::BIGINT AS minutes, 'checkup' AS note)
                      TO '{Path.Combine(folder, "visits.parquet")}' (FORMAT PARQUET);
                """;
            command.ExecuteNonQuery();
        }

        var outcome = workspace.Ingest("clinic", folder);

        Assert.True(outcome.Status == DeliveryOutcome.Accepted, outcome.RejectionReason);
        Assert.Equal(3, outcome.RowsAccepted);
        Assert.Equal(2, workspace.Workspace.Vault.CountCurrent("clinic", "patients"));
    }

    [Fact]
    public void A_latin1_file_is_read_as_latin1()
    {
        using var workspace = NewWorkspace();
        var latin1 = System.Text.Encoding.Latin1.GetBytes(Patients("P1,José,Muñoz,1985-12-10,,M"));
        var outcome = workspace.Ingest("clinic", Delivery(workspace, latin1, Utf8(Visits())));

        Assert.Equal(DeliveryOutcome.Accepted, outcome.Status);
        var report = workspace.Workspace.Vault.Delivery(outcome.DeliveryId!.Value)!.QualityJson!;
        Assert.Contains("\"encoding\": \"Latin1\"", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_file_with_byte_order_mark_is_accepted()
    {
        using var workspace = NewWorkspace();
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Utf8(GoodPatients)).ToArray();
        var outcome = workspace.Ingest("clinic", Delivery(workspace, withBom, Utf8(GoodVisits)));

        Assert.Equal(DeliveryOutcome.Accepted, outcome.Status);
        Assert.Equal(2, workspace.Workspace.Vault.CountCurrent("clinic", "patients"));
    }

    [Fact]
    public void A_header_only_file_is_accepted_with_a_note()
    {
        using var workspace = NewWorkspace();
        var outcome = workspace.Ingest("clinic", Delivery(workspace, Utf8(GoodPatients), Utf8(VisitsHeader + "\n")));

        Assert.Equal(DeliveryOutcome.Accepted, outcome.Status);
        Assert.Contains("visits.csv has a header but no rows", workspace.Workspace.Vault.Delivery(outcome.DeliveryId!.Value)!.QualityJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Kept_raw_files_are_encrypted_and_restore_exactly()
    {
        using var workspace = NewWorkspace();
        var folder = Delivery(workspace, Utf8(GoodPatients), Utf8(GoodVisits));
        var outcome = workspace.Ingest("clinic", folder);
        var entry = workspace.Workspace.Vault.Delivery(outcome.DeliveryId!.Value)!;
        var kept = Directory.GetFiles(Path.Combine(workspace.Folder, "raw", "clinic", entry.ContentHash));

        Assert.Equal(2, kept.Length);
        Assert.All(kept, path => Assert.DoesNotContain("Lovelace", File.ReadAllText(path), StringComparison.Ordinal));
        using var restored = new MemoryStream();
        workspace.Workspace.Raw.Restore("clinic", entry.ContentHash, "patients.csv", restored);
        Assert.Equal(Utf8(GoodPatients), restored.ToArray());
    }
}
