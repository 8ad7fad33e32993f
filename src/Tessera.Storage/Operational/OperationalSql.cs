using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Tessera.Storage.Operational;

/// <summary>
/// Plain SQL on the operational store for the tables kept outside the EF model (the audit log,
/// sessions, the web app's keys): each is created with <c>CREATE TABLE IF NOT EXISTS</c> when first
/// used, so a workspace made by an older Tessera gains it on opening.
/// </summary>
internal static class OperationalSql
{
    /// <summary>The qualified name of <paramref name="table"/> in <paramref name="db"/>'s engine.</summary>
    public static string Table(OperationalDbContext db, string table) =>
        db.Database.IsNpgsql() ? "tessera_ops." + table : table;

    /// <summary>A command with parameters <c>@p0</c>, <c>@p1</c> … bound to <paramref name="parameters"/> (null becomes SQL NULL).</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameter.Value = parameters[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Runs <paramref name="sql"/>; returns the rows it changed.</summary>
    public static int Execute(DbConnection connection, DbTransaction? transaction, string sql, params object?[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }
}
