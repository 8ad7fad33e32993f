using System.Globalization;
using Tessera.Governance.Audit;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// Failed attempts by callers nobody has signed in yet — unknown or revoked API tokens, refused
/// demo sign-ins — counted per client address and minute. The first <see cref="PerMinute"/> of a
/// minute are audited one by one; after that the client's failures are answered 429 and only
/// counted, then written as one record when the minute is over, so a flood cannot fill the audit
/// log. A valid token or sign-in is never held back by someone else's failures from the same
/// address.
/// </summary>
public sealed class FailureThrottle(WorkspaceAccess workspaces, TimeProvider clock)
{
    /// <summary>Failures a client may have in a minute before it is answered 429.</summary>
    public const int PerMinute = 10;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Tally> _clients = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>
    /// Counts a failure by <paramref name="failure"/>'s origin, auditing it unless the client is
    /// over the limit.
    /// </summary>
    /// <returns>True when the client is now over the limit (answer 429).</returns>
    public bool Fail(AuditEvent failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        bool record;
        bool blocked;
        Tally? finished = null;
        lock (_gate)
        {
            if (!_clients.TryGetValue(failure.Origin, out var tally) || !Current(tally))
            {
                finished = tally;
                tally = new Tally(clock.GetUtcNow().UtcDateTime);
                _clients[failure.Origin] = tally;
            }

            tally.Failures++;
            record = tally.Failures <= PerMinute;
            if (!record)
            {
                tally.Unrecorded[failure.Target] = tally.Unrecorded.GetValueOrDefault(failure.Target) + 1;
            }

            blocked = tally.Failures > PerMinute;
        }

        if (finished is not null)
        {
            Write(failure.Origin, finished);
        }

        if (record)
        {
            workspaces.Current?.Audit.Record(failure);
        }

        return blocked;
    }

    /// <summary>Writes one record for each client whose minute is over and whose failures were only counted (called every few seconds by <see cref="FailureThrottleFlusher"/>).</summary>
    public void Flush()
    {
        List<(string Origin, Tally Tally)> finished;
        lock (_gate)
        {
            finished = _clients.Where(c => !Current(c.Value)).Select(c => (c.Key, c.Value)).ToList();
            foreach (var (origin, _) in finished)
            {
                _clients.Remove(origin);
            }
        }

        foreach (var (origin, tally) in finished)
        {
            Write(origin, tally);
        }
    }

    private void Write(string origin, Tally tally)
    {
        var count = tally.Unrecorded.Values.Sum();
        if (count == 0)
        {
            return;
        }

        var what = string.Join(", ", tally.Unrecorded.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} ×{t.Value}")));
        workspaces.Current?.Audit.Record(new AuditEvent("anonymous", AuditAction.SignIn,
            string.Create(CultureInfo.InvariantCulture, $"{count} more failed attempts in the minute from {tally.Start:yyyy-MM-dd HH:mm:ss} UTC, answered 429 and not recorded one by one: {what}"),
            "none given", origin, AuditOutcome.Denied));
    }

    private bool Current(Tally tally) => clock.GetUtcNow().UtcDateTime - tally.Start < Window;

    private sealed class Tally(DateTime start)
    {
        public DateTime Start { get; } = start;

        public int Failures { get; set; }

        public Dictionary<string, int> Unrecorded { get; } = new(StringComparer.Ordinal);
    }
}
