using Microsoft.EntityFrameworkCore;
using Tessera.Governance.Audit;
using Tessera.Governance.Keys;
using Tessera.Storage.Operational;

namespace Tessera.Storage.Workspaces;

/// <summary>
/// The workspace's keys: the master key (in a file outside the workspace folder), each source's
/// data key and the workspace-wide keys (audit, blind index, secrets), stored wrapped by the master
/// key in the operational store and unwrapped on first use. Rotation re-wraps them all; destroying
/// a source's keys crypto-shreds its identifiers.
/// </summary>
public sealed class KeyRing : IDisposable
{
    private readonly Workspace _workspace;
    private readonly Dictionary<string, DataKey> _dataKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MasterKey> _masterKeys = new(StringComparer.Ordinal);

    internal KeyRing(Workspace workspace) => _workspace = workspace;

    /// <summary>Name of the workspace key that seals workspace secrets; not a valid source name.</summary>
    public const string SecretsKeyName = "(secrets)";

    /// <summary>
    /// Encrypts a workspace secret (such as one of the web app's cookie keys) with the workspace's
    /// secrets key, which is wrapped by the master key: whoever copies the operational store
    /// without the master key cannot use it.
    /// </summary>
    public byte[] SealSecret(ReadOnlySpan<byte> plaintext, string purpose) => WorkspaceKey(SecretsKeyName).Seal(plaintext, purpose);

    /// <summary>Decrypts what <see cref="SealSecret"/> encrypted for the same purpose.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">It was sealed by another workspace, for another purpose, or altered.</exception>
    public byte[] OpenSecret(ReadOnlySpan<byte> sealedBytes, string purpose) => WorkspaceKey(SecretsKeyName).Open(sealedBytes, purpose);

    /// <summary>The current data key of <paramref name="source"/>, unwrapped with the master key.</summary>
    public DataKey DataKeyFor(string source)
    {
        lock (_dataKeys)
        {
            if (_dataKeys.TryGetValue(source, out var cached))
            {
                return cached;
            }

            using var db = _workspace.Operational();
            var record = db.DataKeys.AsNoTracking().Where(k => k.Source == source).OrderByDescending(k => k.KeyId).FirstOrDefault()
                ?? throw new KeyUnavailableException(db.Sources.AsNoTracking().SingleOrDefault(s => s.Name == source)?.KeysDestroyedUtc is { } destroyed
                    ? $"The data key of the source '{source}' was destroyed on {destroyed:yyyy-MM-dd} (crypto-shredding): its identifiers can no longer be read, and it cannot take new deliveries."
                    : $"The source '{source}' has no data key.");
            var key = DataKey.Unwrap(MasterKeyFor(record.MasterKeyFingerprint), source, record.KeyId, record.Wrapped);
            _dataKeys[source] = key;
            return key;
        }
    }

    /// <summary>A workspace-wide key (the audit key, the blind-index key), wrapped like a source's data key and created the first time it is needed.</summary>
    internal DataKey WorkspaceKey(string name)
    {
        try
        {
            return DataKeyFor(name);
        }
        catch (KeyUnavailableException)
        {
            var key = DataKey.Generate(name, 1);
            using (var db = _workspace.Operational())
            {
                db.DataKeys.Add(Wrapped(key, _workspace.UtcNow));
                try
                {
                    db.SaveChanges();
                }
                catch (DbUpdateException)
                {
                    // Another process created it at the same moment; use theirs.
                }
            }

            return DataKeyFor(name);
        }
    }

    /// <summary><paramref name="key"/> wrapped with the workspace's master key, as stored.</summary>
    internal DataKeyRecord Wrapped(DataKey key, DateTime nowUtc)
    {
        var master = MasterKeyFor(_workspace.Config.MasterKeyFingerprint);
        return new DataKeyRecord { Source = key.Source, KeyId = key.Id, Wrapped = key.WrapWith(master), MasterKeyFingerprint = master.Fingerprint, CreatedUtc = nowUtc };
    }

    /// <summary>The master key with <paramref name="fingerprint"/>: the workspace's, or the one a rotation is moving to.</summary>
    private MasterKey MasterKeyFor(string fingerprint)
    {
        lock (_masterKeys)
        {
            if (fingerprint.Length == 0)
            {
                fingerprint = _workspace.Config.MasterKeyFingerprint;
            }

            if (_masterKeys.TryGetValue(fingerprint, out var cached))
            {
                return cached;
            }

            MasterKey key;
            string where;
            if (fingerprint == _workspace.Config.MasterKeyFingerprint)
            {
                key = MasterKey.Load(_workspace.Config.MasterKeyFile);
                where = _workspace.Config.MasterKeyFile;
            }
            else if (fingerprint == _workspace.Config.PendingMasterKeyFingerprint)
            {
                key = MasterKey.LoadFile(_workspace.Config.PendingMasterKeyFile!);
                where = _workspace.Config.PendingMasterKeyFile!;
            }
            else
            {
                throw new KeyUnavailableException($"A data key is wrapped by a master key (fingerprint {fingerprint}) that this workspace no longer names; restore the workspace settings from backup.");
            }

            if (key.Fingerprint != fingerprint)
            {
                key.Dispose();
                throw new KeyUnavailableException($"The master key in {where} (fingerprint {key.Fingerprint}) is not this workspace's key (fingerprint {fingerprint}).");
            }

            _masterKeys[fingerprint] = key;
            return key;
        }
    }

    /// <summary>
    /// Re-wraps every data key (each source's and the audit key) with a new master key written to
    /// <paramref name="newKeyFile"/>, after which the old key file is no longer used. Safe to
    /// interrupt: the settings name both keys until every data key is re-wrapped, and running it
    /// again with the same file finishes the job.
    /// </summary>
    /// <returns>The old key file, now unused, and how many data keys were re-wrapped.</returns>
    /// <exception cref="WorkspaceException">The file exists and is not the key of an unfinished rotation, or another rotation is unfinished.</exception>
    public (string OldKeyFile, int Rewrapped) RotateMasterKey(string newKeyFile, string actor)
    {
        var path = Path.GetFullPath(newKeyFile);
        if (path.StartsWith(_workspace.Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new WorkspaceException("The new master key file must be outside the workspace folder (a key kept with the data it protects protects nothing).");
        }

        MasterKey next;
        if (_workspace.Config.PendingMasterKeyFile is { } pending)
        {
            if (pending != path)
            {
                throw new WorkspaceException($"A rotation to {pending} did not finish; run 'tessera keys rotate --new-key-file {pending}' to finish it first.");
            }

            next = MasterKeyFor(_workspace.Config.PendingMasterKeyFingerprint!);
        }
        else
        {
            if (File.Exists(path))
            {
                throw new WorkspaceException($"{path} exists already; rotate names a new file so no key is ever overwritten.");
            }

            // Open every data key with the current key first: a missing old key stops here, before anything changes.
            using (var db = _workspace.Operational())
            {
                foreach (var fingerprint in db.DataKeys.AsNoTracking().Select(k => k.MasterKeyFingerprint).Distinct().ToList())
                {
                    MasterKeyFor(fingerprint);
                }
            }

            var created = MasterKey.CreateFile(path);
            lock (_masterKeys)
            {
                _masterKeys[created.Fingerprint] = created;
            }

            next = created;
            _workspace.Config.PendingMasterKeyFile = path;
            _workspace.Config.PendingMasterKeyFingerprint = created.Fingerprint;
            _workspace.SaveConfig();
        }

        int rewrapped;
        using (var db = _workspace.Operational())
        {
            var records = db.DataKeys.ToList();
            foreach (var record in records.Where(r => r.MasterKeyFingerprint != next.Fingerprint))
            {
                var key = DataKey.Unwrap(MasterKeyFor(record.MasterKeyFingerprint), record.Source, record.KeyId, record.Wrapped);
                record.Wrapped = key.WrapWith(next);
                record.MasterKeyFingerprint = next.Fingerprint;
            }

            rewrapped = db.SaveChanges();
        }

        var old = _workspace.Config.MasterKeyFile;
        var oldFingerprint = _workspace.Config.MasterKeyFingerprint;
        _workspace.Config.MasterKeyFile = path;
        _workspace.Config.MasterKeyFingerprint = next.Fingerprint;
        _workspace.Config.PendingMasterKeyFile = null;
        _workspace.Config.PendingMasterKeyFingerprint = null;
        _workspace.SaveConfig();
        _workspace.Audit.Record(AuditEvent.OnCommandLine(actor, AuditAction.Configure, $"master key rotated (fingerprint {oldFingerprint} to {next.Fingerprint})", "key management"));
        return (old, rewrapped);
    }

    /// <summary>
    /// Removes every data key of <paramref name="source"/> and records when, so its sealed
    /// identifiers and encrypted raw files can never be read again.
    /// </summary>
    /// <returns>How many keys were destroyed.</returns>
    /// <exception cref="WorkspaceException">No such source.</exception>
    internal int Destroy(string source, DateTime nowUtc)
    {
        int destroyed;
        using (var db = _workspace.Operational())
        {
            var record = db.Sources.SingleOrDefault(s => s.Name == source)
                ?? throw new WorkspaceException($"The workspace has no source named '{source}'.");
            var keys = db.DataKeys.Where(k => k.Source == source).ToList();
            db.DataKeys.RemoveRange(keys);
            record.KeysDestroyedUtc ??= nowUtc;
            db.SaveChanges();
            destroyed = keys.Count;
        }

        lock (_dataKeys)
        {
            _dataKeys.Remove(source);
        }

        return destroyed;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_masterKeys)
        {
            foreach (var key in _masterKeys.Values)
            {
                key.Dispose();
            }

            _masterKeys.Clear();
        }
    }
}
