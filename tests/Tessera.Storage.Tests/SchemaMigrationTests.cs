using System.Data.Common;
using System.Text.Json;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tessera.Governance.Audit;
using Tessera.Governance.Keys;
using Tessera.Storage.Linking;
using Tessera.Storage.Operational;
using Tessera.Storage.Schema;
using Tessera.Storage.Sessions;
using Tessera.Storage.Workspaces;
using Tessera.Governance.Access;

namespace Tessera.Storage.Tests;

/// <summary>
/// A workspace built with an earlier Tessera's schema (the scripts in <c>Schemas/</c>) is upgraded
/// once when this version opens it — both stores, both engines — with its data intact; opening it
/// again changes nothing; a workspace upgraded by a newer Tessera is refused.
/// </summary>
public sealed class SchemaMigrationTests
{
    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void A_workspace_made_before_schema_versions_is_upgraded_once_with_its_data_intact(Engine engine)
    {
        using var old = new OldWorkspace(engine);

        IReadOnlyList<(int Version, string Description)> operationalHistory, vaultHistory;
        using (var upgraded = Workspace.Open(old.Folder))
        {
            Assert.Equal("clinic", Assert.Single(upgraded.Sources.List()).Name);
            var account = Assert.Single(upgraded.ServiceAccounts.List());
            Assert.Equal(("clinic-sync", Role.DataPartner, "sources clinic"), (account.Name, account.Role, account.Scope.ToString()));
            var delivery = Assert.Single(upgraded.Vault.Deliveries());
            Assert.Equal(("clinic", "current", "2024-05"), (delivery.Source, delivery.Status, delivery.PeriodLabel));
            Assert.Equal("T-0000001", new PersonIndex(upgraded.Vault).Current()["clinic/patients/P1"]);

            // What the later steps added works.
            Assert.NotNull(upgraded.Sessions.Begin("admin@test", "Administrator", SessionRecord.Oidc, DateTime.UtcNow));
            upgraded.Audit.Record(AuditEvent.OnCommandLine("tester@test", AuditAction.Read, "after the upgrade", "testing"));
            Assert.True(upgraded.Audit.Verify().IsIntact);

            (operationalHistory, vaultHistory) = Histories(upgraded);
            Assert.Equal(OperationalSchema.Migrations.Select(m => (m.Version, m.Description)), operationalHistory);
            Assert.Equal(VaultSchema.Migrations.Select(m => (m.Version, m.Description)), vaultHistory);
            Assert.Equal(SchemaUpgrade.Latest(VaultSchema.Migrations), upgraded.Config.VaultSchema);
        }

        using (var again = Workspace.Open(old.Folder))
        {
            var (operational, vault) = Histories(again);
            Assert.Equal(operationalHistory, operational);
            Assert.Equal(vaultHistory, vault);
            Assert.Single(again.Vault.Deliveries());
        }

        var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(old.Folder, Workspace.MarkerFile))).RootElement;
        Assert.Equal(SchemaUpgrade.Latest(VaultSchema.Migrations), settings.GetProperty("vault_schema").GetInt32());
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void Metric_runs_computed_before_results_were_published_are_published_on_upgrade(Engine engine)
    {
        using var old = new OldWorkspace(engine);
        old.RunInVault("""
            INSERT INTO tessera.metric_runs VALUES (nextval('tessera.metric_run_ids'), 'clinic-visits', 2, 'id: clinic-visits', DATE '2024-05-31', NULL, NULL,
                'clinic#1', TIMESTAMP '2026-11-20 10:00:00', 'tester@test', 45);
            INSERT INTO tessera.metric_results VALUES
                ((SELECT MAX(id) FROM tessera.metric_runs), 'clinic-visits', 2, 'all', 'all', DATE '2024-05-01', DATE '2024-05-31', 18, 45, 0.4),
                ((SELECT MAX(id) FROM tessera.metric_runs), 'clinic-visits', 2, 'site', 'North', DATE '2024-05-01', DATE '2024-05-31', 3, 5, 0.6),
                ((SELECT MAX(id) FROM tessera.metric_runs), 'clinic-visits', 2, 'site', 'South', DATE '2024-05-01', DATE '2024-05-31', 15, 40, 0.375);
            """);

        using var upgraded = Workspace.Open(old.Folder);
        var published = new Metrics.PublishedMetrics(upgraded);

        var run = Assert.Single(published.Runs("clinic-visits"));
        Assert.Equal((2, new DateOnly(2024, 5, 31), "clinic#1", (long?)null, 45L), (run.Version, run.AsOf, Assert.Single(run.Deliveries), run.LinkRun, run.Members));
        Assert.Equal(new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc), run.ComputedUtc);
        Assert.Equal((18L, 45L, 0.4), published.Results("clinic-visits").Select(r => (r.Numerator!.Value, r.Denominator!.Value, r.Value!.Value)).Single());
        // North's 5 is a small cell; South is hidden with it, or North would be the total less South.
        Assert.Equal([("North", Governance.Disclosure.Suppression.SmallCell), ("South", Governance.Disclosure.Suppression.Complementary)],
            published.Published("clinic-visits", "site", exact: false).Select(r => (r.Result.GroupValue, r.Hidden)));
    }

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void A_new_workspace_is_at_the_latest_version_of_both_stores(Engine engine)
    {
        using var test = new TestWorkspace(engine);

        var (operational, vault) = Histories(test.Workspace);

        Assert.Equal(SchemaUpgrade.Latest(OperationalSchema.Migrations), operational[^1].Version);
        Assert.Equal(SchemaUpgrade.Latest(VaultSchema.Migrations), vault[^1].Version);
    }

    [Fact]
    public void A_workspace_upgraded_by_a_newer_Tessera_is_refused_unchanged()
    {
        using var test = new TestWorkspace();
        using (var db = test.Workspace.Operational())
        {
            db.Database.ExecuteSqlRaw("INSERT INTO schema_history (version, description, applied_utc) VALUES (99, 'from the future', '2030-01-01')");
        }

        var refused = Assert.Throws<WorkspaceException>(() => Workspace.Open(test.Folder));

        Assert.Contains("upgraded by a newer Tessera", refused.Message, StringComparison.Ordinal);
    }

    private static (IReadOnlyList<(int Version, string Description)> Operational, IReadOnlyList<(int Version, string Description)> Vault) Histories(Workspace workspace)
    {
        using var db = workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        var operational = SchemaUpgrade.History(connection, OperationalSql.Table(db, OperationalSchema.History));
        using var vault = workspace.Vault.Open();
        return (operational, SchemaUpgrade.History(vault, VaultSchema.History));
    }

    /// <summary>A workspace folder as Tessera left it before schema versions: settings, master key, both stores from the scripts.</summary>
    private sealed class OldWorkspace : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("tessera-schema-").FullName;
        private readonly string? _postgres;

        public OldWorkspace(Engine engine)
        {
            _postgres = engine == Engine.PostgreSql ? Postgres.CreateDatabase() : null;
            Directory.CreateDirectory(Folder);
            var keyFile = Path.Combine(_root, "ws.tessera-key");
            string fingerprint;
            using (var master = MasterKey.CreateFile(keyFile))
            {
                fingerprint = master.Fingerprint;
            }

            // The settings file of that time: no id, no schema version.
            File.WriteAllText(Path.Combine(Folder, Workspace.MarkerFile), JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["format"] = 1, ["database"] = _postgres is null ? "embedded" : "postgresql", ["connection"] = _postgres,
                ["master_key_file"] = keyFile, ["master_key_fingerprint"] = fingerprint, ["operator"] = "tester@test", ["created_utc"] = "2026-11-02T09:30:00Z",
            }));
            if (_postgres is null)
            {
                Run(new SqliteConnection("Data Source=" + Path.Combine(Folder, "operational.db")), Script("before-versions.operational.sqlite.sql"));
                Run(new DuckDBConnection("Data Source=" + Path.Combine(Folder, "vault.duckdb")), Script("before-versions.vault.sql").Replace("{blob}", "BLOB", StringComparison.Ordinal));
            }
            else
            {
                Run(new NpgsqlConnection(_postgres), Script("before-versions.operational.postgresql.sql"));
                Run(new NpgsqlConnection(_postgres), Script("before-versions.vault.sql").Replace("{blob}", "BYTEA", StringComparison.Ordinal));
            }
        }

        public string Folder => Path.Combine(_root, "ws");

        public void Dispose()
        {
            NpgsqlConnection.ClearAllPools();
            if (_postgres is not null)
            {
                Postgres.DropDatabase(_postgres);
            }

            Directory.Delete(_root, recursive: true);
        }

        /// <summary>Runs <paramref name="sql"/> on the old vault, as the Tessera of that time left rows in it.</summary>
        public void RunInVault(string sql) =>
            Run(_postgres is null ? new DuckDBConnection("Data Source=" + Path.Combine(Folder, "vault.duckdb")) : new NpgsqlConnection(_postgres), sql);

        private static string Script(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", name));

        private static void Run(DbConnection connection, string sql)
        {
            using (connection)
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }
        }
    }
}
