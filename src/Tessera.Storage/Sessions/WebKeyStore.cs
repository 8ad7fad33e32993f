using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tessera.Storage.Operational;
using static Tessera.Storage.Operational.OperationalSql;

namespace Tessera.Storage.Sessions;

/// <summary>
/// The keys that protect the web app's session cookies and form tokens (ASP.NET Core's
/// data-protection key ring), kept with the workspace in its operational store rather than in the
/// user's home folder: a server for another workspace — a demo started from the same folder by
/// the same user — has other keys and cannot read this one's cookies. The web app seals each key
/// with a workspace key wrapped by the master key before it is stored here
/// (<see cref="Workspaces.KeyRing.SealSecret"/>).
/// </summary>
public sealed class WebKeyStore(Func<OperationalDbContext> open)
{
    /// <summary>Every stored key element (XML text, as the web app sealed it).</summary>
    public IReadOnlyList<string> All()
    {
        using var db = open();
        using var command = Command(Connection(db), null, $"SELECT xml FROM {Table(db, "web_keys")} ORDER BY created_utc, name");
        using var reader = command.ExecuteReader();
        var elements = new List<string>();
        while (reader.Read())
        {
            elements.Add(reader.GetString(0));
        }

        return elements;
    }

    /// <summary>Stores a key element under <paramref name="name"/> (a key is never replaced).</summary>
    public void Add(string name, string xml, DateTime nowUtc)
    {
        using var db = open();
        Execute(Connection(db), null, $"INSERT INTO {Table(db, "web_keys")} (name, xml, created_utc) VALUES (@p0, @p1, @p2)",
            name, xml, nowUtc.ToString("O", CultureInfo.InvariantCulture));
    }

    private static DbConnection Connection(OperationalDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        connection.Open();
        return connection;
    }
}
