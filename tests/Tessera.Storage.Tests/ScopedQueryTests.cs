using Tessera.Intake.Delivering;
using Tessera.Intake.Dictionaries;

namespace Tessera.Storage.Tests;

/// <summary>Row scoping in the queries themselves, on both engines: a scope limits what comes back, whatever the caller asks for.</summary>
public sealed class ScopedQueryTests
{
    public static TheoryData<Engine> Engines => new(Engine.Embedded, Engine.PostgreSql);

    [SkippableTheory]
    [MemberData(nameof(Engines))]
    public void A_scoped_query_returns_only_the_sources_in_scope(Engine engine)
    {
        using var test = Clinic.NewWorkspace(engine);
        test.Workspace.Sources.Add("clinic2", Clinic.Dictionary.Replace("source: clinic", "source: clinic2", StringComparison.Ordinal), "clinic2.yaml", DateTime.UtcNow);
        var bad = Clinic.Utf8(Clinic.Patients("P1,Ada,Lovelace,1985-12-10,123-45-6789,F", "P2,Alan,Turing,1972-13-23,,M"));
        var own = test.Ingest(new DeliveryRequest { Source = "clinic", Paths = [Clinic.Delivery(test, bad, Clinic.Utf8(Clinic.GoodVisits))], MaxErrorShare = 0.9 }).DeliveryId!.Value;
        var other = test.Ingest(new DeliveryRequest { Source = "clinic2", Paths = [Clinic.Delivery(test, bad, Clinic.Utf8(Clinic.GoodVisits))], MaxErrorShare = 0.9 }).DeliveryId!.Value;
        var scope = new HashSet<string> { "clinic" };
        var vault = test.Workspace.Vault;

        Assert.Equal([own], vault.Deliveries(scope: scope).Select(d => d.Id));
        Assert.Empty(vault.Deliveries("clinic2", scope));
        Assert.Null(vault.Delivery(other, scope));
        Assert.NotNull(vault.Delivery(own, scope));
        Assert.Empty(vault.Quarantined(other, scope: scope));
        Assert.NotEmpty(vault.Quarantined(own, scope: scope));
        Assert.Equal(["clinic"], test.Workspace.Sources.List(scope).Select(s => s.Name));
        Assert.Empty(vault.Deliveries(scope: new HashSet<string>()));
        Assert.Equal(2, vault.Deliveries().Count);
        Assert.Equal(DictionaryLibrary.CountySources.Count + 2, test.Workspace.Sources.List().Count); // the county's, registered at creation, and the two clinics
    }

    [SkippableFact]
    public void On_PostgreSQL_row_level_security_limits_even_a_query_without_a_filter()
    {
        using var test = Clinic.NewWorkspace(Engine.PostgreSql);
        test.Workspace.Sources.Add("clinic2", Clinic.Dictionary.Replace("source: clinic", "source: clinic2", StringComparison.Ordinal), "clinic2.yaml", DateTime.UtcNow);
        var bad = Clinic.Utf8(Clinic.Patients("P1,Ada,Lovelace,1985-12-10,123-45-6789,F", "P2,Alan,Turing,1972-13-23,,M"));
        var own = test.Ingest(new DeliveryRequest { Source = "clinic", Paths = [Clinic.Delivery(test, bad, Clinic.Utf8(Clinic.GoodVisits))], MaxErrorShare = 0.9 }).DeliveryId!.Value;
        test.Ingest(new DeliveryRequest { Source = "clinic2", Paths = [Clinic.Delivery(test, bad, Clinic.Utf8(Clinic.GoodVisits))], MaxErrorShare = 0.9 });

        using var connection = new Npgsql.NpgsqlConnection(test.PostgresConnection);
        connection.Open();
        // Superusers bypass row-level security, so the check runs as an ordinary role, as a
        // deployment's application role is.
        var role = "tessera_app_" + Guid.NewGuid().ToString("N")[..8];
        using (var create = new Npgsql.NpgsqlCommand($"CREATE ROLE {role} NOSUPERUSER NOBYPASSRLS; GRANT USAGE ON SCHEMA tessera TO {role}; GRANT SELECT ON ALL TABLES IN SCHEMA tessera TO {role}", connection))
        {
            create.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using (var scope = new Npgsql.NpgsqlCommand($"SET LOCAL ROLE {role}; SELECT set_config('tessera.scope', 'clinic', true)", connection, transaction))
        {
            scope.ExecuteNonQuery();
        }

        using (var sources = new Npgsql.NpgsqlCommand("SELECT string_agg(DISTINCT source, ',') FROM tessera.deliveries", connection, transaction))
        {
            Assert.Equal("clinic", sources.ExecuteScalar());
        }

        using var quarantined = new Npgsql.NpgsqlCommand("SELECT string_agg(DISTINCT delivery_id::text, ',') FROM tessera.quarantine", connection, transaction);
        Assert.Equal(own.ToString(System.Globalization.CultureInfo.InvariantCulture), quarantined.ExecuteScalar());
    }
}
