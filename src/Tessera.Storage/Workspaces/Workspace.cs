using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tessera.Core.Time;
using Tessera.Governance.Agreements;
using Tessera.Governance.Audit;
using Tessera.Governance.Keys;
using Tessera.Intake.Delivering;
using Tessera.Intake.Dictionaries;
using Tessera.Storage.Access;
using Tessera.Storage.Agreements;
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
        Keys = new KeyRing(this);
        Sources = new SourceRegistry(this);
        Raw = new RawArchive(Path.Combine(folder, "raw"), Keys.DataKeyFor);
        _blindIndex = new Lazy<BlindIndex>(() => new BlindIndex(Keys.WorkspaceKey(BlindIndex.KeyName)));
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

    /// <summary>The sources and the dictionaries they are read with.</summary>
    public SourceRegistry Sources { get; }

    /// <summary>The master key, the sources' data keys and the workspace-wide keys.</summary>
    public KeyRing Keys { get; }

    /// <summary>The web app's cookie and form-token keys, sealed (<see cref="KeyRing.SealSecret"/>).</summary>
    public WebKeyStore WebKeys => _webKeys.Value;

    /// <summary>The workspace's id (<see cref="WorkspaceConfig.Id"/>).</summary>
    public string Id => Config.Id!;




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
                workspace.Sources.Register(source, name, name == DictionaryLibrary.HmisFamily ? "" : DictionaryLibrary.Text(name), nowUtc);
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
            if (IsEmbedded)
            {
                WriteAheadLog(connection);
            }

            SchemaUpgrade.Upgrade(connection, IsEmbedded ? StoreEngine.Sqlite : StoreEngine.PostgreSql, OperationalSql.Table(db, OperationalSchema.History),
                OperationalSchema.Migrations, "operational store", nowUtc, this);
        }
    }

    /// <summary>
    /// Puts the embedded operational store in write-ahead-log mode (once: SQLite keeps the mode in the
    /// file). In the default rollback-journal mode every write — each audited read appends to the
    /// audit chain — locks readers out until it commits, so fifty people on dashboards wait on each
    /// other's audit records; with the log, readers read the last committed state while one writer
    /// writes.
    /// </summary>
    private static void WriteAheadLog(System.Data.Common.DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        if (!string.Equals(command.ExecuteScalar() as string, "wal", StringComparison.OrdinalIgnoreCase))
        {
            command.CommandText = "PRAGMA journal_mode = WAL";
            command.ExecuteNonQuery();
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

    /// <summary>The key that signs audit checkpoints.</summary>
    private DataKey AuditKey() => Keys.WorkspaceKey(AuditSigner.KeyName);


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
        return new DeliveryProcessor(Vault, Raw, Keys.DataKeyFor, clock) { FaultPoint = faultPoint, BlindIndex = _blindIndex.Value, EarliestPeriod = earliest };
    }

    /// <summary>
    /// Ingests one delivery and, when it is accepted, queues the metrics that read its source for
    /// recomputation — unless <paramref name="queueRecomputation"/> is false (a bulk load that
    /// computes every metric itself afterwards).
    /// </summary>
    public DeliveryOutcome Ingest(DeliveryRequest request, TimeProvider clock, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default,
        Action<string>? faultPoint = null, bool queueRecomputation = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dictionaries = Sources.Dictionaries(request.Source);
        if (PlainIdentifiersFromEncodingPartner(request.Source, dictionaries) is { } refusal)
        {
            return new DeliveryOutcome { Status = DeliveryOutcome.Rejected, Source = request.Source, Period = request.Period, RejectionReason = refusal };
        }

        DeliveryOutcome outcome;
        using (Vault.KeepOpen())
        {
            outcome = Processor(clock, faultPoint).Ingest(request, dictionaries, progress, cancellationToken);
        }

        if (queueRecomputation && outcome.Status == DeliveryOutcome.Accepted && outcome.DeliveryId is { } delivery)
        {
            // The figures that read this source are now behind: queue them (the web server's worker or `metrics queue --run` computes them).
            Metrics.RecomputeQueue.Enqueue(this, request.Source, delivery);
        }

        return outcome;
    }




    /// <summary>
    /// The identifier mode a data partner agreed to (its data sharing agreement's <c>transfer</c>):
    /// plain text under the agreement, or encoded on its side; null when no agreement covers the source.
    /// </summary>
    public (Transfer Transfer, string Agreement)? IdentifierMode(string source) =>
        AgreementRegistry.Set(this).DsaFor(source) is { } dsa ? (dsa.Transfer, dsa.Id) : null;

    /// <summary>
    /// A partner whose agreement says identifiers arrive encoded must not be read with a dictionary
    /// that takes plain ones: the delivery is refused before a byte is read, naming the fields.
    /// Returns why, or null when the delivery may be read.
    /// </summary>
    private string? PlainIdentifiersFromEncodingPartner(string source, IReadOnlyList<SourceDictionary> dictionaries)
    {
        if (IdentifierMode(source) is not (Transfer.Encoded, var agreement))
        {
            return null;
        }

        var plain = dictionaries.SelectMany(d => d.Files.SelectMany(f => f.Fields.Where(x => x.Class == Sensitivity.DirectIdentifier && x.Kind != FieldType.BloomFilter).Select(x => $"{f.Name}.{x.Name}")))
            .Distinct(StringComparer.Ordinal).ToList();
        return plain.Count == 0 ? null
            : $"Its data sharing agreement ({agreement}) says identifiers arrive encoded, but its dictionary takes plain direct identifiers: {string.Join(", ", plain)}. Ask the partner to encode them (docs/encoding.md) and mark them type bloom_filter, or amend the agreement.";
    }

    /// <summary>
    /// Destroys every data key of <paramref name="source"/> ("crypto-shredding", e.g. when its data
    /// sharing agreement ends): its sealed identifiers and encrypted raw files can never be read
    /// again, while its de-identified rows and every other source stay as they are.
    /// </summary>
    /// <exception cref="WorkspaceException">No such source.</exception>
    public int DestroySourceKeys(string source, string actor, DateTime nowUtc)
    {
        var destroyed = Keys.Destroy(source, nowUtc);

        // The blind indexes use the workspace's index key, so they are removed rather than shredded.
        var dictionaries = Sources.Dictionaries(source);
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
    public IdentifierReader Identifiers(string source) => new(Keys.DataKeyFor(source));

    /// <summary>Writes the settings file, replacing it whole (a crash leaves the old one).</summary>
    internal void SaveConfig()
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

        Keys.Dispose();
        NpgsqlConnection.ClearAllPools();
    }
}
