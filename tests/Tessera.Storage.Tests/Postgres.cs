using Npgsql;

namespace Tessera.Storage.Tests;

/// <summary>
/// The PostgreSQL server named by TESSERA_POSTGRES (test.sh starts one). Tests skip without it
/// on a laptop, but fail when CI is set: a CI run must exercise PostgreSQL.
/// </summary>
internal static class Postgres
{
    public static string? ServerConnection => Environment.GetEnvironmentVariable("TESSERA_POSTGRES");

    public static void SkipUnlessAvailable()
    {
        if (string.IsNullOrEmpty(ServerConnection))
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                throw new InvalidOperationException("CI is set but TESSERA_POSTGRES is not: PostgreSQL tests must run in CI.");
            }

            Skip.If(true, "TESSERA_POSTGRES is not set; PostgreSQL tests skipped on this machine.");
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        SkipUnlessAvailable();
        var name = "tessera_t_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(ServerConnection))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(ServerConnection) { Database = name, Pooling = false }.ConnectionString;
    }

    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var connection = new NpgsqlConnection(ServerConnection);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
