using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tessera.Core.Time;
using Tessera.Governance.Audit;
using Tessera.Governance.Keys;
using Tessera.Intake.Delivering;
using Tessera.Intake.Dictionaries;
using Tessera.Storage.Access;
using Tessera.Storage.Audit;
using Tessera.Storage.Operational;
using Tessera.Storage.Schema;
using Tessera.Storage.Sessions;
using Tessera.Storage.Vault;

namespace Tessera.Storage.Workspaces;

/// <summary>
/// A Tessera workspace: a folder holding its settings, the operational store (SQLite) and the
/// person-level vault (DuckDB) — or, in server mode, pointing at PostgreSQL for both — plus
/// encrypted raw deliveries. Its master key lives beside the folder, never inside it.
/// </summary>
public sealed class Workspace : IDisposable
{
    /// <summary>Name of the settings file that marks a folder as a workspace.</summary>
    public const string MarkerFile = "tessera-workspace.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
    private readonly Dictionary<string, DataKey> _dataKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MasterKey> _masterKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<SourceDictionary>> _dictionaries = new(StringComparer.Ordinal);
    private readonly Lazy<SqlAuditLog> _audit;
    private readonly Lazy<BlindIndex> _blindIndex;
    private readonly Lazy<SessionStore> _sessions;
    private readonly Lazy<WebKeyStore> _webKeys;
    private readonly Lazy<ServiceAccounts> _serviceAccounts;

    private Workspace(string folder, WorkspaceConfig config, TimeProvider? clock, Action? waiting = null)
    {
        Folder = folder;
        Config = config;
        // The one place the storage layer falls back on the system clock; hosts and tests pass their own.
        Clock = clock ?? TimeProvider.System;
        Vault = config.Database == "postgresql" ? new PostgresVault(config.Connection!) : new DuckDbVault(Path.Combine(folder, "vault.duckdb")) { Waiting = waiting };
        Raw = new RawArchive(Path.Combine(folder, "raw"), DataKeyFor);
        _blindIndex = new Lazy<BlindIndex>(() => new BlindIndex(WorkspaceKey(BlindIndex.KeyName)));
        _audit = new Lazy<SqlAuditLog>(() =>
        {
            return new SqlAuditLog(() => Operational(), () => new AuditSigner(AuditKey()), new AuditCheckpointFile(Path.Combine(Folder, AuditCheckpointsFile)), Clock);
        });
        _sessions = new Lazy<SessionStore>(() => new SessionStore(() => Operational()));
        _webKeys = new Lazy<WebKeyStore>(() => new WebKeyStore(() => Operational()));
        _serviceAccounts = new Lazy<ServiceAccounts>(() => new ServiceAccounts(this));
    }

    /// <summary>The clock every record of this workspace is stamped with (audit, keys, runs, sessions).</summary>
    public TimeProvider Clock { get; }

    /// <summary>Now, in UTC, by <see cref="Clock"/>.</summary>
    public DateTime UtcNow => Clock.GetUtcNow().UtcDateTime;

    /// <summary>The server-side record of web sessions.</summary>
    public SessionStore Sessions => _sessions.Value;

    /// <summary>API tokens of systems: agencies' deliveries, contract managers' and providers' BI tools.</summary>
    public ServiceAccounts ServiceAccounts => _serviceAccounts.Value;

    /// <summary>The web app's cookie and form-token keys, sealed (<see cref="SealSecret"/>).</summary>
    public WebKeyStore WebKeys => _webKeys.Value;

    /// <summary>The workspace's id (<see cref="WorkspaceConfig.Id"/>).</summary>
    public string Id => Config.Id!;

    /// <summary>
    /// Encrypts a workspace secret (such as one of the web app's cookie keys) with the workspace's
    /// secrets key, which is wrapped by the master key: whoever copies the operational store
    /// without the master key cannot use it.
    /// </summary>
    public byte[] SealSecret(ReadOnlySpan<byte> plaintext, string purpose) => WorkspaceKey(SecretsKeyName).Seal(plaintext, purpose);

    /// <summary>Decrypts what <see cref="SealSecret"/> encrypted for the same purpose.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">It was sealed by another workspace, for another purpose, or altered.</exception>
    public byte[] OpenSecret(ReadOnlySpan<byte> sealedBytes, string purpose) => WorkspaceKey(SecretsKeyName).Open(sealedBytes, purpose);

    /// <summary>Name of the workspace key that seals workspace secrets; not a valid source name.</summary>
    public const string SecretsKeyName = "(secrets)";

    /// <summary>Name of the signed audit checkpoint file in the workspace folder (outside both databases).</summary>
    public const string AuditCheckpointsFile = "audit-checkpoints.log";

    /// <summary>The hash-chained audit log of every access to this workspace.</summary>
    public SqlAuditLog Audit => _audit.Value;

    /// <summary>The workspace folder.</summary>
    public string Folder { get; }

    /// <summary>The workspace's settings.</summary>
    public WorkspaceConfig Config { get; }

    /// <summary>True for SQLite + DuckDB in the folder; false for PostgreSQL.</summary>
    public bool IsEmbedded => Config.Database == "embedded";

    /// <summary>The person-level store.</summary>
    public SqlVault Vault { get; }

    /// <summary>Encrypted copies of delivered files.</summary>
    public RawArchive Raw { get; }

    /// <summary>Where <c>init</c> puts the master key for a workspace in <paramref name="folder"/>: a sibling file named after it.</summary>
    public static string DefaultKeyFile(string folder) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar))!, Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)) + ".tessera-key");

    /// <summary>
    /// Creates a workspace in <paramref name="folder"/> (embedded, or on PostgreSQL when
    /// <paramref name="postgres"/> is given), its master key file beside it, and registers the
    /// synthetic county's sources.
    /// </summary>
    /// <exception cref="WorkspaceException">The folder is a workspace already, the key file exists, or <paramref name="earliestPeriod"/> is not a month.</exception>
    public static Workspace Create(string folder, string? postgres, string operatorName, DateTime nowUtc, string? earliestPeriod = null, TimeProvider? clock = null)
    {
        var full = Path.GetFullPath(folder);
        if (earliestPeriod is not null)
        {
            ParseEarliestPeriod(earliestPeriod, "--earliest-period");
        }

        if (File.Exists(Path.Combine(full, MarkerFile)))
        {
            throw new WorkspaceException($"{full} is already a Tessera workspace; nothing was changed. Use it with --workspace, or choose another folder.");
        }

        var keyFile = DefaultKeyFile(full);
        if (File.Exists(keyFile))
        {
            throw new WorkspaceException($"A master key file already exists at {keyFile}; it may belong to another workspace, so it is not overwritten. Move it away or choose another folder.");
        }

        Directory.CreateDirectory(full);
        using var master = MasterKey.CreateFile(keyFile);
        var config = new WorkspaceConfig
        {
            Database = postgres is null ? "embedded" : "postgresql",
            Connection = postgres,
            MasterKeyFile = keyFile,
            Id = Guid.NewGuid().ToString("N"),
            MasterKeyFingerprint = master.Fingerprint,
            Operator = operatorName,
            EarliestPeriod = earliestPeriod,
            CreatedUtc = nowUtc,
        };
        var workspace = new Workspace(full, config, clock);
        try
        {
            workspace.UpgradeSchema(nowUtc);
            foreach (var source in DictionaryLibrary.CountySources)
            {
                var name = DictionaryLibrary.ForCountySource(source);
                workspace.Register(source, name, name == DictionaryLibrary.HmisFamily ? "" : DictionaryLibrary.Text(name), nowUtc);
            }

            workspace.Audit.Record(AuditEvent.OnCommandLine(operatorName, AuditAction.Configure, "workspace created", "set-up"));
            File.WriteAllText(Path.Combine(full, MarkerFile), JsonSerializer.Serialize(config, JsonOptions));
            return workspace;
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the workspace in <paramref name="folder"/>, upgrading a workspace made by an older
    /// Tessera; <paramref name="waiting"/> is called when another process is writing and this one
    /// waits; <paramref name="clock"/> stamps what it records (default: the system clock).
    /// </summary>
    /// <exception cref="WorkspaceException">The folder is not a workspace, or a newer Tessera upgraded it.</exception>
    public static Workspace Open(string folder, Action? waiting = null, TimeProvider? clock = null)
    {
        var full = Path.GetFullPath(folder);
        var marker = Path.Combine(full, MarkerFile);
        if (!File.Exists(marker))
        {
            throw new WorkspaceException($"{full} is not a Tessera workspace (it has no {MarkerFile}). Create one with 'tessera init {folder}'.");
        }

        var config = JsonSerializer.Deserialize<WorkspaceConfig>(File.ReadAllText(marker))
            ?? throw new WorkspaceException($"{marker} is empty or damaged.");
        var workspace = new Workspace(full, config, clock, waiting);
        try
        {
            if (config.Id is null)
            {
                // Made before workspaces had ids: it gets one now.
                config.Id = Guid.NewGuid().ToString("N");
                workspace.SaveConfig();
            }

            workspace.UpgradeSchema(workspace.UtcNow);
            return workspace;
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Brings both stores to the schema this Tessera expects, once, in a transaction each (see
    /// <see cref="SchemaUpgrade"/>): a workspace made by an older Tessera is upgraded on opening, and
    /// no other code runs DDL. The vault is opened only when its recorded version is behind.
    /// </summary>
    private void UpgradeSchema(DateTime nowUtc)
    {
        // The vault first: a step of the operational store may fill its tables from the vault's (published metric results).
        var latest = SchemaUpgrade.Latest(VaultSchema.Migrations);
        if (Config.VaultSchema != latest)
        {
            using (var connection = Vault.Open())
            {
                SchemaUpgrade.Upgrade(connection, IsEmbedded ? StoreEngine.DuckDb : StoreEngine.PostgreSql, VaultSchema.History, VaultSchema.Migrations, "vault", nowUtc);
            }

            Config.VaultSchema = latest;
            if (File.Exists(Path.Combine(Folder, MarkerFile)))
            {
                SaveConfig();
            }
        }

        using (var db = Operational())
        {
            var connection = db.Database.GetDbConnection();
            connection.Open();
            SchemaUpgrade.Upgrade(connection, IsEmbedded ? StoreEngine.Sqlite : StoreEngine.PostgreSql, OperationalSql.Table(db, OperationalSchema.History),
                OperationalSchema.Migrations, "operational store", nowUtc, this);
        }
    }

    /// <summary>True when <paramref name="folder"/> holds an initialised workspace.</summary>
    public static bool Exists(string folder) => File.Exists(Path.Combine(Path.GetFullPath(folder), MarkerFile));

    /// <summary>
    /// The workspace to use: <paramref name="explicitFolder"/> when given, else the nearest folder
    /// at or above <paramref name="currentFolder"/> holding a workspace.
    /// </summary>
    /// <exception cref="WorkspaceException">None is found.</exception>
    public static string Locate(string? explicitFolder, string currentFolder)
    {
        if (!string.IsNullOrEmpty(explicitFolder))
        {
            return Path.GetFullPath(explicitFolder);
        }

        for (var folder = new DirectoryInfo(currentFolder); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, MarkerFile)))
            {
                return folder.FullName;
            }
        }

        throw new WorkspaceException("No workspace given and none found in this folder or above it. Pass --workspace DIR, or create one with 'tessera init DIR'.");
    }

    /// <summary>A new context on the operational store; with <paramref name="sourceScope"/>, its queries see those sources only.</summary>
    public OperationalDbContext Operational(IReadOnlySet<string>? sourceScope = null)
    {
        var options = new DbContextOptionsBuilder<OperationalDbContext>();
        if (IsEmbedded)
        {
            options.UseSqlite("Data Source=" + Path.Combine(Folder, "operational.db"));
        }
        else
        {
            options.UseNpgsql(Config.Connection);
        }

        return new OperationalDbContext(options.Options) { SourceScope = sourceScope?.ToArray() };
    }

    /// <summary>Registered sources (only those in <paramref name="scope"/> when it is given).</summary>
    public IReadOnlyList<SourceRecord> Sources(IReadOnlySet<string>? scope = null)
    {
        using var db = Operational(scope);
        return db.Sources.AsNoTracking().OrderBy(s => s.Name).ToList();
    }

    /// <summary>Registers a source read with the dictionary in <paramref name="yaml"/> (validated first).</summary>
    /// <exception cref="WorkspaceException">A source of that name exists.</exception>
    /// <exception cref="DictionaryException">The dictionary is not usable.</exception>
    public SourceRecord AddSource(string name, string yaml, string origin, DateTime nowUtc)
    {
        var dictionary = DictionaryLoader.Parse(yaml, origin);
        if (dictionary.Source != name)
        {
            throw new DictionaryException(origin, [$"source: the dictionary describes '{dictionary.Source}', but the source is to be called '{name}'; make them the same."]);
        }

        return Register(name, "custom", yaml, nowUtc);
    }

    private SourceRecord Register(string name, string dictionaryName, string yaml, DateTime nowUtc)
    {
        using var db = Operational();
        if (db.Sources.Any(s => s.Name == name))
        {
            throw new WorkspaceException($"The workspace already has a source named '{name}'.");
        }

        var dictionaries = DictionariesFor(dictionaryName, yaml);
        var record = new SourceRecord
        {
            Name = name, DictionaryName = dictionaryName, DictionaryYaml = yaml, DictionaryVersion = dictionaries[0].Version,
            Title = dictionaries[0].IsHmis ? "Homelessness (HMIS CSV export)" : dictionaries[0].Title, AddedUtc = nowUtc,
        };
        db.Sources.Add(record);
        var key = DataKey.Generate(name, 1);
        db.DataKeys.Add(Wrapped(key, nowUtc));
        db.SaveChanges();
        return record;
    }

    /// <summary>The dictionaries a source is read with: its own, or every supported HMIS version.</summary>
    /// <exception cref="WorkspaceException">No such source.</exception>
    public IReadOnlyList<SourceDictionary> DictionariesFor(string source)
    {
        lock (_dictionaries)
        {
            if (_dictionaries.TryGetValue(source, out var cached))
            {
                return cached;
            }
        }

        var parsed = LoadDictionaries(source);
        lock (_dictionaries)
        {
            _dictionaries[source] = parsed;
        }

        return parsed;
    }

    private IReadOnlyList<SourceDictionary> LoadDictionaries(string source)
    {
        using var db = Operational();
        var record = db.Sources.AsNoTracking().SingleOrDefault(s => s.Name == source)
            ?? throw new WorkspaceException($"The workspace has no source named '{source}'. Sources: {string.Join(", ", db.Sources.Select(s => s.Name).OrderBy(n => n))}. Add one with 'tessera source add'.");
        return DictionariesFor(record.DictionaryName, record.DictionaryYaml);
    }

    private static IReadOnlyList<SourceDictionary> DictionariesFor(string dictionaryName, string yaml) =>
        dictionaryName == DictionaryLibrary.HmisFamily
            ? DictionaryLibrary.HmisVersions.Select(DictionaryLibrary.Load).ToList()
            : [DictionaryLoader.Parse(yaml, dictionaryName + ".yaml")];

    /// <summary>The current data key of <paramref name="source"/>, unwrapped with the master key.</summary>
    public DataKey DataKeyFor(string source)
    {
        lock (_dataKeys)
        {
            if (_dataKeys.TryGetValue(source, out var cached))
            {
                return cached;
            }

            using var db = Operational();
            var record = db.DataKeys.AsNoTracking().Where(k => k.Source == source).OrderByDescending(k => k.KeyId).FirstOrDefault()
                ?? throw new KeyUnavailableException(db.Sources.AsNoTracking().SingleOrDefault(s => s.Name == source)?.KeysDestroyedUtc is { } destroyed
                    ? $"The data key of the source '{source}' was destroyed on {destroyed:yyyy-MM-dd} (crypto-shredding): its identifiers can no longer be read, and it cannot take new deliveries."
                    : $"The source '{source}' has no data key.");
            var key = DataKey.Unwrap(MasterKeyFor(record.MasterKeyFingerprint), source, record.KeyId, record.Wrapped);
            _dataKeys[source] = key;
            return key;
        }
    }

    /// <summary>The key that signs audit checkpoints.</summary>
    private DataKey AuditKey() => WorkspaceKey(AuditSigner.KeyName);

    /// <summary>A workspace-wide key (the audit key, the blind-index key), wrapped like a source's data key and created the first time it is needed.</summary>
    private DataKey WorkspaceKey(string name)
    {
        try
        {
            return DataKeyFor(name);
        }
        catch (KeyUnavailableException)
        {
            var key = DataKey.Generate(name, 1);
            using (var db = Operational())
            {
                db.DataKeys.Add(Wrapped(key, UtcNow));
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

    /// <summary>The earliest month a delivery may cover (<see cref="WorkspaceConfig.EarliestPeriod"/>).</summary>
    /// <exception cref="WorkspaceException">The settings file names something that is not a month.</exception>
    public YearMonth EarliestPeriod =>
        Config.EarliestPeriod is { } text ? ParseEarliestPeriod(text, $"earliest_period in {MarkerFile}") : DeliveryProcessor.DefaultEarliestPeriod;

    private static YearMonth ParseEarliestPeriod(string text, string where) =>
        YearMonth.TryParse(text, out var month) && month.Year >= 1900
            ? month
            : throw new WorkspaceException($"{where} is '{text}', not a month written YYYY-MM from 1900 on (e.g. 2010-01).");

    /// <summary>A processor that ingests deliveries into this workspace.</summary>
    public DeliveryProcessor Processor(TimeProvider clock, Action<string>? faultPoint = null)
    {
        var earliest = EarliestPeriod;
        var accepted = Vault.AcceptedContent();
        Raw.Sweep((source, hash) => accepted.Contains((source, hash)));
        return new DeliveryProcessor(Vault, Raw, DataKeyFor, clock) { FaultPoint = faultPoint, BlindIndex = _blindIndex.Value, EarliestPeriod = earliest };
    }

    /// <summary>Ingests one delivery.</summary>
    public DeliveryOutcome Ingest(DeliveryRequest request, TimeProvider clock, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default, Action<string>? faultPoint = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dictionaries = DictionariesFor(request.Source);
        using var open = Vault.KeepOpen();
        return Processor(clock, faultPoint).Ingest(request, dictionaries, progress, cancellationToken);
    }

    private DataKeyRecord Wrapped(DataKey key, DateTime nowUtc)
    {
        var master = MasterKeyFor(Config.MasterKeyFingerprint);
        return new DataKeyRecord { Source = key.Source, KeyId = key.Id, Wrapped = key.WrapWith(master), MasterKeyFingerprint = master.Fingerprint, CreatedUtc = nowUtc };
    }

    /// <summary>The master key with <paramref name="fingerprint"/>: the workspace's, or the one a rotation is moving to.</summary>
    private MasterKey MasterKeyFor(string fingerprint)
    {
        lock (_masterKeys)
        {
            if (fingerprint.Length == 0)
            {
                fingerprint = Config.MasterKeyFingerprint;
            }

            if (_masterKeys.TryGetValue(fingerprint, out var cached))
            {
                return cached;
            }

            MasterKey key;
            string where;
            if (fingerprint == Config.MasterKeyFingerprint)
            {
                key = MasterKey.Load(Config.MasterKeyFile);
                where = Config.MasterKeyFile;
            }
            else if (fingerprint == Config.PendingMasterKeyFingerprint)
            {
                key = MasterKey.LoadFile(Config.PendingMasterKeyFile!);
                where = Config.PendingMasterKeyFile!;
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
        if (path.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new WorkspaceException("The new master key file must be outside the workspace folder (a key kept with the data it protects protects nothing).");
        }

        MasterKey next;
        if (Config.PendingMasterKeyFile is { } pending)
        {
            if (pending != path)
            {
                throw new WorkspaceException($"A rotation to {pending} did not finish; run 'tessera keys rotate --new-key-file {pending}' to finish it first.");
            }

            next = MasterKeyFor(Config.PendingMasterKeyFingerprint!);
        }
        else
        {
            if (File.Exists(path))
            {
                throw new WorkspaceException($"{path} exists already; rotate names a new file so no key is ever overwritten.");
            }

            // Open every data key with the current key first: a missing old key stops here, before anything changes.
            using (var db = Operational())
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
            Config.PendingMasterKeyFile = path;
            Config.PendingMasterKeyFingerprint = created.Fingerprint;
            SaveConfig();
        }

        int rewrapped;
        using (var db = Operational())
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

        var old = Config.MasterKeyFile;
        var oldFingerprint = Config.MasterKeyFingerprint;
        Config.MasterKeyFile = path;
        Config.MasterKeyFingerprint = next.Fingerprint;
        Config.PendingMasterKeyFile = null;
        Config.PendingMasterKeyFingerprint = null;
        SaveConfig();
        Audit.Record(AuditEvent.OnCommandLine(actor, AuditAction.Configure, $"master key rotated (fingerprint {oldFingerprint} to {next.Fingerprint})", "key management"));
        return (old, rewrapped);
    }

    /// <summary>
    /// Destroys every data key of <paramref name="source"/> ("crypto-shredding", e.g. when its data
    /// sharing agreement ends): its sealed identifiers and encrypted raw files can never be read
    /// again, while its de-identified rows and every other source stay as they are.
    /// </summary>
    /// <exception cref="WorkspaceException">No such source.</exception>
    public int DestroySourceKeys(string source, string actor, DateTime nowUtc)
    {
        int destroyed;
        using (var db = Operational())
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

        // The blind indexes use the workspace's index key, so they are removed rather than shredded.
        var dictionaries = DictionariesFor(source);
        foreach (var name in dictionaries.SelectMany(d => d.Files).Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var layout = TableLayout.For(source, dictionaries.Select(d => d.File(name)).OfType<FileDefinition>().ToList());
            Vault.ClearColumns(layout, layout.Columns.Where(c => c.BlindIndexOf is not null).Select(c => c.Name).ToList());
        }

        Raw.Discard(source);
        Audit.Record(AuditEvent.OnCommandLine(actor, AuditAction.Configure, $"data keys of {source} destroyed ({destroyed})", "key management"));
        return destroyed;
    }

    /// <summary>
    /// Row numbers of <paramref name="source"/>'s current <paramref name="file"/> rows whose
    /// <paramref name="identity"/> (e.g. "ssn") equals <paramref name="value"/>, found through the
    /// blind index without decrypting anything.
    /// </summary>
    public IReadOnlyList<long> FindByIdentifier(string source, string file, string identity, string value)
    {
        var index = _blindIndex.Value.Of(identity, value);
        return index is null ? [] : Vault.RowsWithIndex(source, file, TableLayout.BlindIndexColumn(identity), index.Value);
    }

    /// <summary>Opens the sealed identifiers of <paramref name="source"/>'s rows.</summary>
    public IdentifierReader Identifiers(string source) => new(DataKeyFor(source));

    private void SaveConfig()
    {
        var marker = Path.Combine(Folder, MarkerFile);
        var temporary = marker + ".new";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Config, JsonOptions)));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, marker, overwrite: true);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_blindIndex.IsValueCreated)
        {
            _blindIndex.Value.Dispose();
        }

        lock (_masterKeys)
        {
            foreach (var key in _masterKeys.Values)
            {
                key.Dispose();
            }

            _masterKeys.Clear();
        }

        NpgsqlConnection.ClearAllPools();
    }
}
