using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tessera.Contracts.Agreements;
using Tessera.Contracts.Benchmarks;
using Tessera.Contracts.Files;
using Tessera.Contracts.Monitoring;
using Tessera.Core.Contracting;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Metrics.Definitions;
using Tessera.Storage.Access;
using Tessera.Storage.Metrics;
using Tessera.Storage.Workspaces;
using static Tessera.Storage.Operational.OperationalSql;

namespace Tessera.Storage.Contracting;

/// <summary>
/// The contracts' use cases — import, list, show, performance — each starting from the
/// <see cref="Caller"/>'s permission. A contract is visible to administrators, the purchasing
/// agency's contract managers and the provider's staff; to anyone else it does not exist
/// (asking for it by id is "not found", as for an id that was never used).
/// </summary>
public static class ContractRegistry
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Imports the contracts of <paramref name="files"/>: all of them or, when anything is wrong in any file, none.</summary>
    /// <exception cref="AccessDeniedException">The caller may not change contracts, or not those of an agency in the files.</exception>
    /// <exception cref="ContractingFileException">A file names what the workspace lacks, or breaks a rule; every problem of the first such file is listed.</exception>
    public static ContractImport Import(Caller caller, IReadOnlyList<ContractingFile> files, string reason)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(files);
        if (files.FirstOrDefault(f => !f.HasContracts) is { } empty)
        {
            throw new ContractingFileException(empty.Name, ["has no contracts: list; nothing was imported."]);
        }

        var all = files.SelectMany(f => f.Contracts.Select(c => new Entry(f.Name, c.Line, c.Contract))).ToList();
        foreach (var twice in all.GroupBy(c => c.Contract.Id.Value, StringComparer.Ordinal).Where(g => g.Select(c => c.Origin).Distinct().Count() > 1))
        {
            var second = twice.Skip(1).First();
            throw new ContractingFileException(second.Origin, [string.Create(CultureInfo.InvariantCulture, $"line {second.Line}, contract {twice.Key} id: also defined in {twice.First().Origin}; a contract is defined once.")]);
        }

        return Apply(caller, all, $"contracts from {string.Join(", ", files.Select(f => f.Name))}", reason);
    }

    /// <summary>
    /// Saves one contract entered through a form — new, or a new version of one the caller may
    /// change — with the same checks as an import; problems are named by field.
    /// </summary>
    /// <exception cref="AccessDeniedException">The caller may not change this contract.</exception>
    /// <exception cref="ContractingFileException">The contract names what the workspace lacks, or breaks a rule; every problem is listed.</exception>
    public static ContractImport Save(Caller caller, Contract contract, string reason)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return Apply(caller, [new Entry(FormOrigin, 0, contract)], $"contract {contract.Id}", reason);
    }

    /// <summary>How problems of a contract entered in a form begin.</summary>
    public const string FormOrigin = "The form:";

    private sealed record Entry(string Origin, int Line, Contract Contract);

    private static ContractImport Apply(Caller caller, IReadOnlyList<Entry> all, string described, string reason)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var outside = all.Select(c => c.Contract).FirstOrDefault(c => !AccessPolicy.SeesContract(caller.User, c.Id.Value, c.Agency, c.Provider.Value));
        caller.Permit(Capability.ManageContracts, AuditAction.Configure, outside is null ? described : $"contract {outside.Id} of {outside.Agency}", inScope: outside is null);
        var workspace = caller.Workspace;
        var existing = Read(workspace);
        foreach (var origin in all.GroupBy(e => e.Origin, StringComparer.Ordinal))
        {
            Check(workspace, origin.Key, [.. origin], existing, all.Select(c => c.Contract).ToList());
        }

        using var db = workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var transaction = connection.BeginTransaction(IsolationLevel.Serializable);
        var now = workspace.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var (added, changed, unchanged) = (new List<string>(), new List<string>(), new List<string>());
        foreach (var contract in all.Select(e => e.Contract))
        {
            var id = contract.Id.Value;
            var content = JsonSerializer.Serialize(Stored(contract), Json);
            if (existing.TryGetValue(id, out var before) && JsonSerializer.Serialize(Stored(before.Contract), Json) == content)
            {
                unchanged.Add(id);
                continue;
            }

            var version = before is null ? 1 : before.Version + 1;
            if (before is not null)
            {
                Execute(connection, transaction, $"DELETE FROM {Table(db, "contract_targets")} WHERE contract_id = @p0", id);
                Execute(connection, transaction, $"DELETE FROM {Table(db, "contract_metrics")} WHERE contract_id = @p0", id);
                Execute(connection, transaction, $"DELETE FROM {Table(db, "contracts")} WHERE id = @p0", id);
                changed.Add(id);
            }
            else
            {
                added.Add(id);
            }

            Execute(connection, transaction, $"""
                INSERT INTO {Table(db, "contracts")} (id, agency, provider_id, program_id, start_date, end_date, value, funding_source, stage, population, version, updated_utc, updated_by, payments)
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)
                """,
                id, contract.Agency, contract.Provider.Value, contract.Program, Day(contract.Start), Day(contract.End), contract.Value?.ToString(), contract.FundingSource,
                contract.Stage.ToString().ToLowerInvariant(), contract.Population, version, now, caller.User.Name, contract.Payments is { } terms ? PaymentTermsDocument.Write(terms) : null);
            for (var position = 0; position < contract.Metrics.Count; position++)
            {
                var metric = contract.Metrics[position];
                Execute(connection, transaction, $"""
                    INSERT INTO {Table(db, "contract_metrics")} (contract_id, position, metric_id, measure_type, watch, best_practice, best_practice_citation)
                    VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)
                    """, id, position, metric.Metric, metric.Type.ToString().ToLowerInvariant(), Number(metric.Watch), metric.BestPractice is { } b ? Number(b.Value) : null, metric.BestPractice?.Citation);
                foreach (var target in metric.Targets)
                {
                    Execute(connection, transaction, $"""
                        INSERT INTO {Table(db, "contract_targets")} (contract_id, metric_id, from_date, target, proposed_by, agreed_on, reason) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)
                        """, id, metric.Metric, Day(target.From), Number(target.Value), target.ProposedBy, target.AgreedOn is { } on ? Day(on) : null, target.Reason);
                }
            }

            Execute(connection, transaction, $"INSERT INTO {Table(db, "registry_history")} (kind, id, version, content, changed_utc, changed_by, reason) VALUES ('contract', @p0, @p1, @p2, @p3, @p4, @p5)",
                id, version, content, now, caller.User.Name, reason);
        }

        transaction.Commit();
        return new ContractImport(added, changed, unchanged);
    }

    /// <summary>The contracts the caller may see, by id.</summary>
    /// <exception cref="AccessDeniedException">The caller's role does not see contracts.</exception>
    public static IReadOnlyList<RegisteredContract> List(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.ViewContracts, AuditAction.Read, "contracts");
        return Read(caller.Workspace).Values.Where(c => Sees(caller, c.Contract)).OrderBy(c => c.Contract.Id.Value, StringComparer.Ordinal).ToList();
    }

    /// <summary>One contract with its versions (each target's history is in them).</summary>
    /// <exception cref="AccessDeniedException">Not found: no such contract, or not one the caller may see (the same answer).</exception>
    public static (RegisteredContract Contract, IReadOnlyList<ContractVersion> History) Show(Caller caller, string id)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var contract = Visible(caller, id, AuditAction.Read, $"contract {id}");
        return (contract, History(caller.Workspace, id));
    }

    /// <summary>
    /// The contract's performance, metric by metric and period by period (the metric's own
    /// periods, within the contract and <paramref name="from"/>–<paramref name="to"/>), from the
    /// latest run of each metric: the provider's exact figure as <c>metrics show</c> gives it,
    /// target and band, and the historical, peer and best-practice benchmarks.
    /// </summary>
    /// <exception cref="AccessDeniedException">Not found (no such contract, or not the caller's).</exception>
    public static IReadOnlyList<PerformanceRow> Performance(Caller caller, string id, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var registered = Visible(caller, id, AuditAction.Read, $"performance of contract {id}");
        return Measure(caller.Workspace, registered.Contract, from, to);
    }

    /// <summary>
    /// A provider's performance — its past performance for award decisions, or what its own systems
    /// read: every contract of theirs the caller may see, each metric period by period (within
    /// <paramref name="from"/>–<paramref name="to"/> when given) against target and peers.
    /// </summary>
    /// <exception cref="AccessDeniedException">Not found: no such provider, or not one the caller may see.</exception>
    public static IReadOnlyList<(RegisteredContract Contract, IReadOnlyList<PerformanceRow> Rows)> Scorecard(Caller caller, string provider, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var known = ProviderRegistry.All(caller.Workspace).ContainsKey(provider);
        caller.Permit(Capability.ViewContracts, AuditAction.Read, $"scorecard of provider {provider}", inScope: known && AccessPolicy.SeesProvider(caller.User, provider));
        return Read(caller.Workspace).Values
            .Where(c => c.Contract.Provider.Value == provider && Sees(caller, c.Contract))
            .OrderBy(c => c.Contract.Start).ThenBy(c => c.Contract.Id.Value, StringComparer.Ordinal)
            .Select(c => (c, (IReadOnlyList<PerformanceRow>)Measure(caller.Workspace, c.Contract, from, to)))
            .ToList();
    }

    /// <summary>
    /// Each metric of <paramref name="contract"/> as a series for alerts: the provider's figures in
    /// every published period (those before the contract are the control chart's baseline) with
    /// the target and watch band in force from the contract's start.
    /// </summary>
    internal static IReadOnlyList<MetricSeries> Series(Workspace workspace, Contract contract)
    {
        var catalog = MetricCatalog.Load(workspace);
        var providers = ProviderRegistry.All(workspace);
        var store = new PublishedMetrics(workspace);
        var series = new List<MetricSeries>();
        foreach (var metric in contract.Metrics)
        {
            var definition = MetricCatalog.Find(catalog, metric.Metric).Definition;
            if (ProviderBreakdown.For(definition, providers.Values.Select(p => p.Provider)) is not { } breakdown)
            {
                continue;
            }

            var own = breakdown.ByProvider(store.Results(metric.Metric, breakdown.Group)).GetValueOrDefault(contract.Provider.Value) ?? [];
            series.Add(new MetricSeries(contract.Id.Value, contract.Provider.Value, metric.Metric, definition.Value == "rate", definition.Polarity != "lower_is_better", contract.Start,
                [.. own.Where(r => r.PeriodStart <= contract.End).OrderBy(r => r.PeriodStart).Select(r => new SeriesPeriod(
                    r.PeriodStart, r.PeriodEnd, r.Numerator, r.Denominator, r.Value, r.PeriodStart >= contract.Start ? metric.TargetOn(r.PeriodStart).Value : null, metric.Watch))]));
        }

        return series;
    }

    /// <summary>The contract's performance rows without a permission check: for use cases that checked already.</summary>
    internal static List<PerformanceRow> Measure(Workspace workspace, Contract contract, DateOnly? from, DateOnly? to)
    {
        var catalog = MetricCatalog.Load(workspace);
        var providers = ProviderRegistry.All(workspace);
        var store = new PublishedMetrics(workspace);
        var rows = new List<PerformanceRow>();
        foreach (var metric in contract.Metrics)
        {
            var definition = MetricCatalog.Find(catalog, metric.Metric).Definition;
            var breakdown = ProviderBreakdown.For(definition, providers.Values.Select(p => p.Provider));
            if (breakdown is null)
            {
                continue;
            }

            var results = store.Results(metric.Metric, breakdown.Group);
            var byProvider = breakdown.ByProvider(results);
            var own = byProvider.GetValueOrDefault(contract.Provider.Value) ?? [];
            var peers = providers.Values.Where(p => p.Provider.Program == contract.Program).Select(p => p.Provider.Id.Value).ToHashSet(StringComparer.Ordinal);
            var higherIsBetter = definition.Polarity != "lower_is_better";
            var start = from is { } f && f > contract.Start ? f : contract.Start;
            var end = to is { } t && t < contract.End ? t : contract.End;
            foreach (var period in results.Select(r => (r.PeriodStart, r.PeriodEnd)).Distinct().Where(p => p.PeriodStart >= start && p.PeriodStart <= end).Order())
            {
                var figure = own.FirstOrDefault(r => r.PeriodStart == period.PeriodStart);
                var peer = PeerBenchmark.Of(byProvider.Where(p => peers.Contains(p.Key)).SelectMany(p => p.Value).Where(r => r.PeriodStart == period.PeriodStart && r.Value is not null).Select(r => r.Value!.Value));
                var target = metric.TargetOn(period.PeriodStart).Value;
                rows.Add(new PerformanceRow(
                    contract.Id.Value, contract.Provider.Value, metric.Metric, period.PeriodStart, period.PeriodEnd, figure?.Numerator, figure?.Denominator, figure?.Value,
                    target, TargetBands.Classify(figure?.Value, target, metric.Watch, higherIsBetter).Code(),
                    HistoricalBenchmark.Of(own.Select(r => (r.PeriodStart, r.PeriodEnd, r.Denominator, r.Value)), period.PeriodStart),
                    peer?.Median, peer?.FirstQuartile, peer?.ThirdQuartile, metric.BestPractice?.Value));
            }
        }

        return rows;
    }

    private static RegisteredContract Visible(Caller caller, string id, AuditAction action, string target)
    {
        var found = Read(caller.Workspace).GetValueOrDefault(id);
        caller.Permit(Capability.ViewContracts, action, target, inScope: found is not null && Sees(caller, found.Contract));
        return found!;
    }

    private static bool Sees(Caller caller, Contract contract) => AccessPolicy.SeesContract(caller.User, contract.Id.Value, contract.Agency, contract.Provider.Value);

    /// <summary>What the file names in the workspace: agency, provider, program, metrics and their kinds; overlaps with registered contracts.</summary>
    private static void Check(Workspace workspace, string origin, IReadOnlyList<Entry> entries, Dictionary<string, RegisteredContract> existing, IReadOnlyList<Contract> importing)
    {
        var sources = workspace.Sources.List().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var providers = ProviderRegistry.All(workspace);
        var programs = ProviderRegistry.Programs(workspace).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var catalog = MetricCatalog.Load(workspace);
        var problems = new List<string>();
        void Problem(int line, Contract c, string field, string message) =>
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{(line > 0 ? $"line {line}, " : "")}contract {c.Id} {field}: {message}"));

        foreach (var (_, line, contract) in entries)
        {
            if (!sources.Contains(contract.Agency))
            {
                Problem(line, contract, "agency", $"'{contract.Agency}' is not a source of this workspace (sources: {string.Join(", ", sources.Order(StringComparer.Ordinal))}).");
            }

            if (!providers.TryGetValue(contract.Provider.Value, out var provider))
            {
                Problem(line, contract, "provider", $"'{contract.Provider}' is not a registered provider; import it first with 'tessera providers import'.");
            }

            if (!programs.Contains(contract.Program))
            {
                Problem(line, contract, "program", $"'{contract.Program}' is not a registered program (programs: {string.Join(", ", programs.Order(StringComparer.Ordinal))}).");
            }

            foreach (var metric in contract.Metrics)
            {
                var entry = catalog.FirstOrDefault(e => e.Definition.Id == metric.Metric);
                if (entry is null)
                {
                    Problem(line, contract, "metric", $"there is no metric '{metric.Metric}' ('tessera metrics list' shows them).");
                    continue;
                }

                if (provider is not null && ProviderBreakdown.For(entry.Definition, [provider.Provider]) is null)
                {
                    Problem(line, contract, "metric", $"{metric.Metric} cannot be broken down by provider {contract.Provider}: none of its breakdowns is a field that names the provider in {entry.Definition.Population.Source}.");
                }

                foreach (var target in metric.Targets.Where(t => !Fits(entry.Definition, t.Value)))
                {
                    Problem(line, contract, "target", string.Create(CultureInfo.InvariantCulture,
                        $"{metric.Metric} is a {(entry.Definition.Value == "rate" ? "rate" : entry.Definition.Value)}, so its target must be {(entry.Definition.Value == "rate" ? "from 0 to 1 (0.5 is 50%)" : "0 or more")}; found {target.Value}."));
                }

                if (metric.BestPractice is { } best && !Fits(entry.Definition, best.Value))
                {
                    Problem(line, contract, "best_practice", string.Create(CultureInfo.InvariantCulture, $"{best.Value} is not a possible value of {metric.Metric}."));
                }
            }

            foreach (var (field, message) in contract.Payments?.Problems(contract.Metrics.Select(m => m.Metric)) ?? [])
            {
                Problem(line, contract, "payments." + field, message);
            }

            // Against the registry as it will be: the contracts being imported replace their earlier versions.
            var replaced = importing.Select(c => c.Id.Value).ToHashSet(StringComparer.Ordinal);
            var others = existing.Values.Select(e => e.Contract).Where(o => !replaced.Contains(o.Id.Value)).Concat(importing.Where(c => c.Id != contract.Id && !entries.Any(f => f.Contract.Id == c.Id)));
            foreach (var other in others.Where(o => o.Agency == contract.Agency && o.Provider == contract.Provider && o.Program == contract.Program && o.Overlaps(contract)))
            {
                Problem(line, contract, "start", $"its period overlaps contract {other.Id} ({other.Start:yyyy-MM-dd} to {other.End:yyyy-MM-dd}) of the same agency, provider and program; results would count twice.");
            }
        }

        if (problems.Count > 0)
        {
            throw new ContractingFileException(origin, problems);
        }
    }

    private static bool Fits(MetricDefinition definition, decimal value) =>
        definition.Value == "rate" ? value is >= 0 and <= 1 : value >= 0;

    /// <summary>Every registered contract, by id.</summary>
    internal static Dictionary<string, RegisteredContract> Read(Workspace workspace)
    {
        using var db = workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        var targets = new Dictionary<(string, string), List<PeriodTarget>>();
        Query(connection, $"SELECT contract_id, metric_id, from_date, target, proposed_by, agreed_on, reason FROM {Table(db, "contract_targets")} ORDER BY from_date", r =>
        {
            var key = (r.GetString(0), r.GetString(1));
            if (!targets.TryGetValue(key, out var list))
            {
                targets[key] = list = [];
            }

            list.Add(new PeriodTarget(ParseDay(r.GetString(2)), ParseNumber(r.GetString(3)), Text(r, 4), r.IsDBNull(5) ? null : ParseDay(r.GetString(5)), Text(r, 6)));
        });
        var metrics = new Dictionary<string, List<(int Position, ContractMetric Metric)>>(StringComparer.Ordinal);
        Query(connection, $"SELECT contract_id, position, metric_id, measure_type, watch, best_practice, best_practice_citation FROM {Table(db, "contract_metrics")}", r =>
        {
            var contract = r.GetString(0);
            if (!metrics.TryGetValue(contract, out var list))
            {
                metrics[contract] = list = [];
            }

            var best = r.IsDBNull(5) ? null : new BestPractice(ParseNumber(r.GetString(5)), Text(r, 6) ?? "");
            list.Add((Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture),
                new ContractMetric(r.GetString(2), Enum.Parse<MeasureType>(r.GetString(3), ignoreCase: true), targets.GetValueOrDefault((contract, r.GetString(2))) ?? [], ParseNumber(r.GetString(4)), best)));
        });
        var contracts = new Dictionary<string, RegisteredContract>(StringComparer.Ordinal);
        Query(connection, $"SELECT id, agency, provider_id, program_id, start_date, end_date, value, funding_source, stage, population, version, updated_utc, updated_by, payments FROM {Table(db, "contracts")}", r =>
        {
            var id = r.GetString(0);
            var contract = new Contract(ContractId.Parse(id), r.GetString(1), ProviderId.Parse(r.GetString(2)), r.GetString(3), ParseDay(r.GetString(4)), ParseDay(r.GetString(5)),
                r.IsDBNull(6) ? null : new Money(ParseNumber(r.GetString(6))), Text(r, 7), Enum.Parse<ContractStage>(r.GetString(8), ignoreCase: true), Text(r, 9),
                (metrics.GetValueOrDefault(id) ?? []).OrderBy(m => m.Position).Select(m => m.Metric).ToList())
            { Payments = Text(r, 13) is { } terms ? PaymentTermsDocument.Read(terms) : null };
            contracts[id] = new RegisteredContract(contract, Convert.ToInt32(r.GetValue(10), CultureInfo.InvariantCulture),
                DateTime.Parse(r.GetString(11), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), r.GetString(12));
        });
        return contracts;
    }

    private static List<ContractVersion> History(Workspace workspace, string id)
    {
        using var db = workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        var versions = new List<ContractVersion>();
        using var command = Command(connection, null, $"SELECT version, content, changed_utc, changed_by, reason FROM {Table(db, "registry_history")} WHERE kind = 'contract' AND id = @p0 ORDER BY version", id);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            versions.Add(new ContractVersion(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1),
                DateTime.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), reader.GetString(3), reader.GetString(4)));
        }

        return versions;
    }

    private static void Query(DbConnection connection, string sql, Action<DbDataReader> row)
    {
        using var command = Command(connection, null, sql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal ParseNumber(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static object Stored(Contract contract) => new
    {
        id = contract.Id.Value, contract.Agency, provider = contract.Provider.Value, contract.Program, start = Day(contract.Start), end = Day(contract.End),
        value = contract.Value?.ToString(), contract.FundingSource, stage = contract.Stage.ToString().ToLowerInvariant(), contract.Population,
        metrics = contract.Metrics.Select(m => new
        {
            m.Metric, type = m.Type.ToString().ToLowerInvariant(), watch = m.Watch,
            targets = m.Targets.Select(t => new { from = Day(t.From), value = t.Value, proposed_by = t.ProposedBy, agreed_on = t.AgreedOn is { } on ? Day(on) : null, t.Reason }),
            best_practice = m.BestPractice is { } b ? new { b.Value, b.Citation } : null,
        }),
        payments = contract.Payments is { } terms ? PaymentTermsDocument.Stored(terms) : null,
    };
}
