using System.Security.Cryptography;
using Tessera.Governance.Keys;
using Tessera.Intake.Delivering;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Tests;

/// <summary>Master key rotation and crypto-shredding of one source, on both engines.</summary>
public sealed class KeyManagementTests
{
    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void After_rotation_everything_still_decrypts_with_the_old_key_file_deleted(Engine engine)
    {
        using var test = Clinic.NewWorkspace(engine);
        Assert.Equal(DeliveryOutcome.Accepted, test.Ingest("clinic", Clinic.Delivery(test, Clinic.Utf8(Clinic.GoodPatients), Clinic.Utf8(Clinic.GoodVisits))).Status);
        var oldKeyFile = test.Workspace.Config.MasterKeyFile;
        var delivery = test.Workspace.Vault.Deliveries("clinic").Single();

        var (old, rewrapped) = test.Workspace.Keys.RotateMasterKey(Path.Combine(test.Root, "new.tessera-key"), "admin@test");
        File.Delete(oldKeyFile);

        Assert.Equal(oldKeyFile, old);
        Assert.True(rewrapped >= 8, $"{rewrapped} keys re-wrapped"); // six county sources, clinic, the audit key
        using var reopened = Workspace.Open(test.Folder);
        Assert.Equal(Path.Combine(test.Root, "new.tessera-key"), reopened.Config.MasterKeyFile);
        using (var identifiers = reopened.Identifiers("clinic"))
        {
            var names = reopened.Vault.SealedIdentifiers("clinic", "patients").Select(r => identifiers.Open("patients", r.Sealed)["last_name"]).Order().ToList();
            Assert.Equal(["Lovelace", "Turing"], names);
        }

        using (var raw = new MemoryStream())
        {
            reopened.Raw.Restore("clinic", delivery.ContentHash, "visits.csv", raw);
            Assert.Equal(Clinic.GoodVisits, System.Text.Encoding.UTF8.GetString(raw.ToArray()));
        }

        var corrected = Clinic.Delivery(test, Clinic.Utf8(Clinic.Patients("P1,Ada,King,1985-12-10,123-45-6789,F")), Clinic.Utf8(Clinic.Visits("V1,P1,2024-05-02,120.50,30,checkup")));
        Assert.Equal(DeliveryOutcome.Accepted, reopened.Ingest(new DeliveryRequest { Source = "clinic", Paths = [corrected] }, TimeProvider.System).Status);
        Assert.True(reopened.Audit.Verify().IsIntact);
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void Rotation_never_overwrites_a_file_or_puts_the_key_inside_the_workspace(Engine engine)
    {
        using var test = Clinic.NewWorkspace(engine);
        var existing = Path.Combine(test.Root, "taken.txt");
        File.WriteAllText(existing, "not a key");

        Assert.Contains("exists already", Assert.Throws<WorkspaceException>(() => test.Workspace.Keys.RotateMasterKey(existing, "admin@test")).Message, StringComparison.Ordinal);
        Assert.Contains("outside the workspace", Assert.Throws<WorkspaceException>(() => test.Workspace.Keys.RotateMasterKey(Path.Combine(test.Folder, "k"), "admin@test")).Message, StringComparison.Ordinal);
        Assert.Equal("not a key", File.ReadAllText(existing));
        using var reopened = Workspace.Open(test.Folder);
        Assert.NotNull(reopened.Keys.DataKeyFor("clinic"));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void Destroying_one_source_key_makes_its_identifiers_unreadable_and_leaves_the_rest_working(Engine engine)
    {
        using var test = Clinic.NewWorkspace(engine);
        test.Workspace.Sources.Add("clinic2", Clinic.Dictionary.Replace("source: clinic", "source: clinic2", StringComparison.Ordinal), "clinic2.yaml", DateTime.UtcNow);
        Assert.Equal(DeliveryOutcome.Accepted, test.Ingest("clinic", Clinic.Delivery(test, Clinic.Utf8(Clinic.GoodPatients), Clinic.Utf8(Clinic.GoodVisits))).Status);
        Assert.Equal(DeliveryOutcome.Accepted, test.Ingest("clinic2", Clinic.Delivery(test, Clinic.Utf8(Clinic.GoodPatients), Clinic.Utf8(Clinic.GoodVisits))).Status);
        var sealedBefore = test.Workspace.Vault.SealedIdentifiers("clinic", "patients");

        test.Workspace.DestroySourceKeys("clinic", "admin@test", DateTime.UtcNow);

        using var reopened = Workspace.Open(test.Folder);
        var refused = Assert.Throws<KeyUnavailableException>(() => reopened.Identifiers("clinic"));
        Assert.Contains("destroyed", refused.Message, StringComparison.Ordinal);
        using (var otherKey = new FieldCipher(reopened.Keys.DataKeyFor("clinic2")))
        {
            // No other key in the workspace opens them either.
            Assert.ThrowsAny<CryptographicException>(() => otherKey.Decrypt(sealedBefore[0].Sealed, FieldCipher.Column("clinic", "patients", TableLayout.IdentifiersColumn)));
        }

        Assert.False(Directory.Exists(Path.Combine(test.Folder, "raw", "clinic")));
        Assert.Equal(2, reopened.Vault.CountCurrent("clinic", "visits")); // de-identified rows remain
        using (var identifiers = reopened.Identifiers("clinic2"))
        {
            Assert.Contains("Lovelace", reopened.Vault.SealedIdentifiers("clinic2", "patients").Select(r => identifiers.Open("patients", r.Sealed)["last_name"]));
        }

        var more = Clinic.Delivery(test, Clinic.Utf8(Clinic.GoodPatients), Clinic.Utf8(Clinic.GoodVisits), "2024-06");
        Assert.Equal(DeliveryOutcome.Accepted, reopened.Ingest(new DeliveryRequest { Source = "clinic2", Paths = [more] }, TimeProvider.System).Status);
        Assert.Contains("destroyed", Assert.Throws<KeyUnavailableException>(() => reopened.Ingest(new DeliveryRequest { Source = "clinic", Paths = [more] }, TimeProvider.System)).Message, StringComparison.Ordinal);
        Assert.True(reopened.Audit.Verify().IsIntact);
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void A_blind_index_finds_rows_by_SSN_without_decrypting_and_is_removed_with_the_source_key(Engine engine)
    {
        using var test = Clinic.NewWorkspace(engine);
        Assert.Equal(DeliveryOutcome.Accepted, test.Ingest("clinic", Clinic.Delivery(test, Clinic.Utf8(Clinic.GoodPatients), Clinic.Utf8(Clinic.GoodVisits))).Status);

        var found = test.Workspace.FindByIdentifier("clinic", "patients", "ssn", "123456789");

        Assert.Equal([2L], found); // P1 is on row 2 (the header is row 1)
        Assert.Equal(found, test.Workspace.FindByIdentifier("clinic", "patients", "ssn", "123-45-6789"));
        Assert.Empty(test.Workspace.FindByIdentifier("clinic", "patients", "ssn", "123-45-6780"));
        Assert.Equal(found, test.Workspace.FindByIdentifier("clinic", "patients", "birth_date", "1985-12-10"));
        // Keyed: under another key the same SSN indexes differently, so an index cannot be matched without the key.
        Assert.NotEqual(new BlindIndex(DataKey.Generate("(index)", 1)).Of("ssn", "123456789"), new BlindIndex(DataKey.Generate("(index)", 1)).Of("ssn", "123456789"));

        test.Workspace.DestroySourceKeys("clinic", "admin@test", DateTime.UtcNow);
        Assert.Empty(test.Workspace.FindByIdentifier("clinic", "patients", "ssn", "123456789"));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void Every_row_with_a_birth_date_is_found_by_it_though_repeated_dates_are_indexed_once(Engine engine)
    {
        using var test = Clinic.NewWorkspace(engine);
        var patients = Clinic.Patients(Enumerable.Range(1, 300).Select(i => $"P{i},Name{i},Family{i},19{50 + (i % 3)}-0{1 + (i % 2)}-1{i % 5},,F").ToArray());
        var visits = Clinic.Visits("V1,P1,2024-05-02,120.50,30,checkup");
        Assert.Equal(DeliveryOutcome.Accepted, test.Ingest("clinic", Clinic.Delivery(test, Clinic.Utf8(patients), Clinic.Utf8(visits))).Status);

        for (var i = 1; i <= 30; i++)
        {
            var date = $"19{50 + (i % 3)}-0{1 + (i % 2)}-1{i % 5}";
            var expected = Enumerable.Range(1, 300).Where(j => $"19{50 + (j % 3)}-0{1 + (j % 2)}-1{j % 5}" == date).Select(j => (long)j + 1).ToList();
            Assert.Equal(expected, test.Workspace.FindByIdentifier("clinic", "patients", "birth_date", date).Order().ToList());
        }
    }
}
