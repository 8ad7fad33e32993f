using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Operational;

/// <summary>An open connection to the operational store for one family of tables written in SQL (<c>acm_*</c>, <c>agreement*</c>), with the few statements they need.</summary>
internal sealed class OperationalTables : IDisposable
{
    private readonly string _prefix;
    private readonly OperationalDbContext _db;
    private readonly DbConnection _connection;
    private DbTransaction? _transaction;

    public OperationalTables(Workspace workspace, string prefix)
    {
        _prefix = prefix;
        _db = workspace.Operational();
        _connection = _db.Database.GetDbConnection();
        _connection.Open();
        Now = workspace.UtcNow;
    }

    /// <summary>The workspace clock's time when opened.</summary>
    public DateTime Now { get; }

    /// <summary>The qualified name of table <paramref name="name"/> with the family's prefix.</summary>
    public string Table(string name) => OperationalSql.Table(_db, _prefix + name);

    /// <summary>Starts the one transaction the following statements run in.</summary>
    public void Begin() => _transaction = _connection.BeginTransaction(IsolationLevel.Serializable);

    /// <summary>Commits the transaction.</summary>
    public void Commit()
    {
        _transaction!.Commit();
        _transaction.Dispose();
        _transaction = null;
    }

    /// <summary>Runs a statement; returns the rows it changed.</summary>
    public int Execute(string sql, params object?[] parameters) => OperationalSql.Execute(_connection, _transaction, sql, parameters);

    /// <summary>The next free id of table <c>acm_</c><paramref name="name"/>.</summary>
    public long NextId(string name)
    {
        using var command = OperationalSql.Command(_connection, _transaction, $"SELECT COALESCE(MAX(id), 0) + 1 FROM {Table(name)}");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Reads rows with <paramref name="read"/>.</summary>
    public List<T> Query<T>(string sql, Func<DbDataReader, T> read, params object?[] parameters)
    {
        using var command = OperationalSql.Command(_connection, _transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>A day as stored.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A stored day.</summary>
    public static DateOnly Day(DbDataReader reader, int column) => DateOnly.ParseExact(reader.GetString(column), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A stored day or null.</summary>
    public static DateOnly? DayOrNull(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : Day(reader, column);

    /// <summary>Stored text or null.</summary>
    public static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    /// <summary>A stored number or null.</summary>
    public static long? Number(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : Convert.ToInt64(reader.GetValue(column), CultureInfo.InvariantCulture);

    /// <summary>A stored number.</summary>
    public static long Id(DbDataReader reader, int column) => Convert.ToInt64(reader.GetValue(column), CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _transaction?.Dispose();
        _connection.Close();
        _db.Dispose();
    }
}
