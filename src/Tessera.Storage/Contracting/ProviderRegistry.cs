using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tessera.Contracts.Files;
using Tessera.Contracts.Providers;
using Tessera.Core.Contracting;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Intake.Delivering;
using Tessera.Storage.Access;
using Tessera.Storage.Operational;
using Tessera.Storage.Workspaces;
using static Tessera.Storage.Operational.OperationalSql;

namespace Tessera.Storage.Contracting;

/// <summary>
/// The provider registry's use cases: import a providers file, list the providers. Each takes the
/// <see cref="Caller"/> and starts with <c>Permit</c>, so the page, the API and the command line
/// share one path. Providers, programs and the crosswalk live in the operational store; every
/// change of a provider is kept as a new version in the registry's history.
/// </summary>
public static class ProviderRegistry
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// Imports the programs and providers of <paramref name="file"/>: all of them or — when
    /// anything is wrong — none. Codes must name sources and fields the workspace has, and no code
    /// may name a provider the file does not mean.
    /// </summary>
    /// <exception cref="AccessDeniedException">The caller may not change the registry.</exception>
    /// <exception cref="ContractingFileException">The file names what the workspace does not have; every problem is listed.</exception>
    public static ProviderImport Import(Caller caller, ContractingFile file, string reason)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(file);
        if (!file.HasProviders)
        {
            throw new ContractingFileException(file.Name, ["has no providers: list; nothing was imported."]);
        }

        caller.Permit(Capability.ManageContracts, AuditAction.Configure, $"providers from {file.Name}");
        var workspace = caller.Workspace;
        Check(workspace, file);

        using var db = workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var transaction = connection.BeginTransaction(IsolationLevel.Serializable);
        var existing = ReadProviders(connection, transaction, db);
        var programs = ReadPrograms(connection, transaction, db).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var conflicts = ConflictsWithOthers(connection, transaction, db, file);
        if (conflicts.Count > 0)
        {
            throw new ContractingFileException(file.Name, conflicts);
        }

        var now = workspace.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var programsAdded = new List<string>();
        foreach (var program in file.Programs.Concat(file.Providers.Select(p => ServiceProgram.Named(p.Provider.Program))).DistinctBy(p => p.Id))
        {
            if (programs.Add(program.Id))
            {
                Execute(connection, transaction, $"INSERT INTO {Table(db, "programs")} (id, name, created_utc) VALUES (@p0, @p1, @p2)", program.Id, program.Name, now);
                programsAdded.Add(program.Id);
            }
            else if (file.Programs.Contains(program))
            {
                Execute(connection, transaction, $"UPDATE {Table(db, "programs")} SET name = @p0 WHERE id = @p1", program.Name, program.Id);
            }
        }

        var (added, changed, unchanged) = (new List<string>(), new List<string>(), new List<string>());
        foreach (var (provider, _) in file.Providers)
        {
            var id = provider.Id.Value;
            if (existing.TryGetValue(id, out var before) && before.Provider.SameAs(provider))
            {
                unchanged.Add(id);
                continue;
            }

            var version = before is null ? 1 : before.Version + 1;
            if (before is null)
            {
                Execute(connection, transaction, $"INSERT INTO {Table(db, "providers")} (id, name, type, program_id, agencies, version, updated_utc, updated_by) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)",
                    id, provider.Name, provider.Type, provider.Program, string.Join(",", provider.Agencies), version, now, caller.User.Name);
                added.Add(id);
            }
            else
            {
                Execute(connection, transaction, $"UPDATE {Table(db, "providers")} SET name = @p1, type = @p2, program_id = @p3, agencies = @p4, version = @p5, updated_utc = @p6, updated_by = @p7 WHERE id = @p0",
                    id, provider.Name, provider.Type, provider.Program, string.Join(",", provider.Agencies), version, now, caller.User.Name);
                changed.Add(id);
            }

            Execute(connection, transaction, $"DELETE FROM {Table(db, "provider_identifiers")} WHERE provider_id = @p0", id);
            foreach (var code in provider.Identifiers)
            {
                Execute(connection, transaction, $"INSERT INTO {Table(db, "provider_identifiers")} (source, field, value, provider_id) VALUES (@p0, @p1, @p2, @p3)", code.Source, code.Field, code.Value, id);
            }

            Execute(connection, transaction, $"INSERT INTO {Table(db, "registry_history")} (kind, id, version, content, changed_utc, changed_by, reason) VALUES ('provider', @p0, @p1, @p2, @p3, @p4, @p5)",
                id, version, JsonSerializer.Serialize(Stored(provider), Json), now, caller.User.Name, reason);
        }

        transaction.Commit();
        return new ProviderImport(added, changed, unchanged, programsAdded);
    }

    /// <summary>The providers the caller may see, by id, with their program's name.</summary>
    /// <exception cref="AccessDeniedException">The caller's role does not see the registry.</exception>
    public static IReadOnlyList<RegisteredProvider> List(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.ViewContracts, AuditAction.Read, "providers");
        using var db = caller.Workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        var programs = ReadPrograms(connection, null, db).ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        return ReadProviders(connection, null, db).Values
            .Where(p => AccessPolicy.SeesProvider(caller.User, p.Provider.Id.Value))
            .OrderBy(p => p.Provider.Id.Value, StringComparer.Ordinal)
            .Select(p => p with { ProgramName = programs.GetValueOrDefault(p.Provider.Program, p.Provider.Program) })
            .ToList();
    }

    /// <summary>
    /// Every registered provider's id and name, ordered by id, read without a caller: for the demo
    /// server's sign-in page, which offers a staff user per provider (provider names are reference
    /// data; nothing else of the registry is read).
    /// </summary>
    public static IReadOnlyList<(string Id, string Name)> Names(Workspace workspace) =>
        [.. All(workspace).Values.OrderBy(p => p.Provider.Id.Value, StringComparer.Ordinal).Select(p => (p.Provider.Id.Value, p.Provider.Name))];

    /// <summary>Every registered provider, by id (for other use cases that already checked their caller).</summary>
    internal static Dictionary<string, RegisteredProvider> All(Workspace workspace)
    {
        using var db = workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        return ReadProviders(connection, null, db);
    }

    /// <summary>Every registered program.</summary>
    internal static IReadOnlyList<ServiceProgram> Programs(Workspace workspace)
    {
        using var db = workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        return ReadPrograms(connection, null, db);
    }

    /// <summary>
    /// Codes in the delivered data that name a provider — values of the fields the sources'
    /// dictionaries mark as an event's provider (workforce <c>provider_id</c>, HMIS <c>ProjectID</c>) —
    /// but that no registered provider has, each with its rows and a suggested provider. Rows with
    /// such a code count for no contract, so this is the registry keeper's to-do list. Counts of
    /// rows per code only; administrators see every source, a contract manager their agency's.
    /// </summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="only">These sources only (of those the caller sees); all when null or empty.</param>
    /// <exception cref="AccessDeniedException">The caller may not change the registry.</exception>
    /// <exception cref="WorkspaceException"><paramref name="only"/> names a source the workspace lacks.</exception>
    public static IReadOnlyList<UnmappedCode> Unmapped(Caller caller, IReadOnlyCollection<string>? only = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.ManageContracts, AuditAction.Read, "provider codes without a provider");
        var workspace = caller.Workspace;
        var known = workspace.Sources.List().Select(s => s.Name).ToList();
        if (only?.FirstOrDefault(s => !known.Contains(s)) is { } unknown)
        {
            throw new WorkspaceException($"The workspace has no source named '{unknown}'. Sources: {string.Join(", ", known)}.");
        }

        var crosswalk = Crosswalk(workspace);
        var sources = known.Where(s => (only is null || only.Count == 0 || only.Contains(s)) && (caller.User.Role == Role.Administrator || caller.User.Scope.Sources.Contains(s)));
        var codes = new List<UnmappedCode>();
        foreach (var source in sources)
        {
            var fields = workspace.Sources.Dictionaries(source)
                .SelectMany(d => d.Files.SelectMany(f => f.Events.Where(e => e.Provider is not null).Select(e => (File: f.Name, Field: e.Provider!))))
                .DistinctBy(f => (f.File.ToLowerInvariant(), f.Field.ToLowerInvariant()));
            foreach (var (file, field) in fields.Where(f => workspace.Vault.HasRows(source, f.File)))
            {
                codes.AddRange(workspace.Vault.ValueCounts(source, file, TableLayout.ColumnName(field))
                    .Where(v => !crosswalk.Maps(source, field, v.Value))
                    .Select(v => new UnmappedCode(source, file, field, v.Value, v.Rows, crosswalk.Suggest(v.Value))));
            }
        }

        return [.. codes.OrderBy(c => c.Source, StringComparer.Ordinal).ThenBy(c => c.File, StringComparer.Ordinal).ThenByDescending(c => c.Rows).ThenBy(c => c.Value, StringComparer.Ordinal)];
    }

    /// <summary>The crosswalk of every registered provider: which provider each agency's code stands for.</summary>
    public static ProviderCrosswalk Crosswalk(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        using var db = workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        return ProviderCrosswalk.Of(ReadProviders(connection, null, db).Values.Select(p => p.Provider));
    }

    /// <summary>What the file names in the workspace: sources and fields of codes, agencies.</summary>
    private static void Check(Workspace workspace, ContractingFile file)
    {
        var sources = workspace.Sources.List().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (provider, line) in file.Providers)
        {
            foreach (var agency in provider.Agencies.Where(a => !sources.Contains(a)))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {line}, provider {provider.Id} agencies: '{agency}' is not a source of this workspace (sources: {string.Join(", ", sources.Order(StringComparer.Ordinal))})."));
            }

            foreach (var code in provider.Identifiers)
            {
                if (!sources.Contains(code.Source))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {line}, provider {provider.Id} identifiers: source '{code.Source}' is not a source of this workspace (sources: {string.Join(", ", sources.Order(StringComparer.Ordinal))})."));
                    continue;
                }

                var fields = workspace.Sources.Dictionaries(code.Source).SelectMany(d => d.Files).SelectMany(f => f.Fields).Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                if (!fields.Contains(code.Field))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {line}, provider {provider.Id} identifiers: {code.Source} has no field '{code.Field}' in its data dictionary."));
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new ContractingFileException(file.Name, problems);
        }
    }

    private static List<string> ConflictsWithOthers(DbConnection connection, DbTransaction transaction, OperationalDbContext db, ContractingFile file)
    {
        var inFile = file.Providers.Select(p => p.Provider.Id.Value).ToHashSet(StringComparer.Ordinal);
        var taken = new Dictionary<(string, string, string), string>();
        using (var command = Command(connection, transaction, $"SELECT source, field, value, provider_id FROM {Table(db, "provider_identifiers")}"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                taken[(reader.GetString(0), reader.GetString(1), reader.GetString(2))] = reader.GetString(3);
            }
        }

        return file.Providers
            .SelectMany(p => p.Provider.Identifiers.Select(c => (p.Provider, p.Line, c)))
            .Where(x => taken.TryGetValue((x.c.Source, x.c.Field, x.c.Value), out var owner) && owner != x.Provider.Id.Value && !inFile.Contains(owner))
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"line {x.Line}, provider {x.Provider.Id} identifiers: {x.c.Source}.{x.c.Field} = {x.c.Value} already names provider {taken[(x.c.Source, x.c.Field, x.c.Value)]}; a code names one provider."))
            .ToList();
    }

    private static Dictionary<string, RegisteredProvider> ReadProviders(DbConnection connection, DbTransaction? transaction, OperationalDbContext db)
    {
        var codes = new Dictionary<string, List<ProviderIdentifier>>(StringComparer.Ordinal);
        using (var command = Command(connection, transaction, $"SELECT source, field, value, provider_id FROM {Table(db, "provider_identifiers")} ORDER BY provider_id, source, field, value"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var owner = reader.GetString(3);
                if (!codes.TryGetValue(owner, out var list))
                {
                    codes[owner] = list = [];
                }

                list.Add(new ProviderIdentifier(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var providers = new Dictionary<string, RegisteredProvider>(StringComparer.Ordinal);
        using (var command = Command(connection, transaction, $"SELECT id, name, type, program_id, agencies, version, updated_utc, updated_by FROM {Table(db, "providers")}"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                var provider = new Provider(ProviderId.Parse(id), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                    reader.GetString(4).Split(',', StringSplitOptions.RemoveEmptyEntries), codes.GetValueOrDefault(id) ?? []);
                providers[id] = new RegisteredProvider(provider, reader.GetString(3), Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture),
                    DateTime.Parse(reader.GetString(6), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), reader.GetString(7));
            }
        }

        return providers;
    }

    private static List<ServiceProgram> ReadPrograms(DbConnection connection, DbTransaction? transaction, OperationalDbContext db)
    {
        using var command = Command(connection, transaction, $"SELECT id, name FROM {Table(db, "programs")} ORDER BY id");
        using var reader = command.ExecuteReader();
        var programs = new List<ServiceProgram>();
        while (reader.Read())
        {
            programs.Add(new ServiceProgram(reader.GetString(0), reader.GetString(1)));
        }

        return programs;
    }

    private static object Stored(Provider provider) => new
    {
        id = provider.Id.Value, provider.Name, provider.Type, provider.Program, provider.Agencies,
        identifiers = provider.Identifiers.Select(c => new { c.Source, c.Field, c.Value }),
    };
}
