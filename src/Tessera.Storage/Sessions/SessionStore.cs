using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;
using System.Text;
using Tessera.Storage.Operational;
using static Tessera.Storage.Operational.OperationalSql;

namespace Tessera.Storage.Sessions;

/// <summary>
/// The server's record of every web session, in the operational store. A session cookie carries
/// only the session's id (encrypted with the workspace's own keys), and the web app looks the id
/// up on every request: signing out, or an administrator ending a user's sessions after a role
/// change, ends the session at once however many copies of the cookie exist. Only the id's
/// SHA-256 is stored, so the table cannot be used to make a cookie.
/// </summary>
public sealed class SessionStore(Func<OperationalDbContext> open)
{
    /// <summary>Records a new session and returns its id, to be carried in the cookie.</summary>
    public string Begin(string actor, string role, string kind, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Run((connection, db) => Execute(connection, null,
            $"INSERT INTO {Table(db, "sessions")} (id_hash, actor, role, kind, started_utc) VALUES (@p0, @p1, @p2, @p3, @p4)",
            Hash(id), actor, role, kind, Time(nowUtc)));
        return id;
    }

    /// <summary>The session with <paramref name="id"/>, ended or not; null when there is none.</summary>
    public SessionRecord? Find(string id) =>
        string.IsNullOrEmpty(id) ? null : Run((connection, db) => Read(connection, $"SELECT actor, role, kind, started_utc, ended_utc, end_reason FROM {Table(db, "sessions")} WHERE id_hash = @p0", Hash(id)).SingleOrDefault());

    /// <summary>Ends the session with <paramref name="id"/>; false when it had ended already or never existed.</summary>
    public bool End(string id, string reason, DateTime nowUtc) =>
        !string.IsNullOrEmpty(id) && Run((connection, db) => Execute(connection, null,
            $"UPDATE {Table(db, "sessions")} SET ended_utc = @p0, end_reason = @p1 WHERE id_hash = @p2 AND ended_utc IS NULL", Time(nowUtc), reason, Hash(id))) > 0;

    /// <summary>Ends every active session of <paramref name="actor"/> (of everyone when null); returns how many.</summary>
    public int EndAll(string? actor, string reason, DateTime nowUtc) =>
        Run((connection, db) => actor is null
            ? Execute(connection, null, $"UPDATE {Table(db, "sessions")} SET ended_utc = @p0, end_reason = @p1 WHERE ended_utc IS NULL", Time(nowUtc), reason)
            : Execute(connection, null, $"UPDATE {Table(db, "sessions")} SET ended_utc = @p0, end_reason = @p1 WHERE ended_utc IS NULL AND actor = @p2", Time(nowUtc), reason, actor));

    /// <summary>Sessions not yet ended, oldest first.</summary>
    public IReadOnlyList<SessionRecord> Active() =>
        Run((connection, db) => Read(connection, $"SELECT actor, role, kind, started_utc, ended_utc, end_reason FROM {Table(db, "sessions")} WHERE ended_utc IS NULL ORDER BY started_utc"));

    private T Run<T>(Func<DbConnection, OperationalDbContext, T> work)
    {
        using var db = open();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        return work(connection, db);
    }

    private static List<SessionRecord> Read(DbConnection connection, string sql, params object?[] parameters)
    {
        using var command = Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        var sessions = new List<SessionRecord>();
        while (reader.Read())
        {
            sessions.Add(new SessionRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), ParseTime(reader.GetString(3)),
                reader.IsDBNull(4) ? null : ParseTime(reader.GetString(4)), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return sessions;
    }

    private static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTime ParseTime(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
