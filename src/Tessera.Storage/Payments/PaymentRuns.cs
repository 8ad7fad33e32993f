using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tessera.Contracts.Agreements;
using Tessera.Contracts.Benchmarks;
using Tessera.Contracts.Payments;
using Tessera.Core.Contracting;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
using Tessera.Storage.Metrics;
using Tessera.Storage.Workspaces;
using static Tessera.Storage.Operational.OperationalSql;

namespace Tessera.Storage.Payments;

/// <summary>
/// The payment use cases — run, show, list, approve — each starting from the caller's permission.
/// A run computes a contract's statement for one payment period from the latest published run of
/// each metric the terms pay on (pinned in the statement), the persons behind per-person outcomes
/// (each counted once, read from the vault), and the statements approved before it; changes to
/// periods already approved come as adjustment lines, never as edits. Approval needs a second
/// person with the finance role (or an administrator) and locks the statement.
/// </summary>
public static class PaymentRuns
{
    /// <summary>Prepares the statement of <paramref name="contractId"/> for <paramref name="periodLabel"/>, replacing a prepared one of that period; an identical run returns the existing statement.</summary>
    /// <exception cref="AccessDeniedException">The caller may not prepare payments, or the contract is not theirs (not found).</exception>
    /// <exception cref="WorkspaceException">The contract does not pay on results, or the period is not one of its payment periods.</exception>
    /// <exception cref="StatementLockedException">The period's statement was approved already.</exception>
    public static PaymentStatement Run(Caller caller, string contractId, string periodLabel)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var registered = ContractRegistry.Read(caller.Workspace).GetValueOrDefault(contractId);
        caller.Permit(Capability.PreparePayments, AuditAction.Compute, $"payment run of contract {contractId} for {periodLabel}", inScope: registered is not null && Sees(caller, registered.Contract));
        var contract = registered!.Contract;
        var terms = contract.Payments ?? throw new WorkspaceException($"Contract {contractId} has no payment terms; add 'payments:' to it (docs/payments.md).");
        if (!PaymentPeriod.TryParse(periodLabel, out var period))
        {
            throw new WorkspaceException($"--period '{periodLabel}' is not a period: write YYYY, YYYY-Qn or YYYY-MM, e.g. 2024-Q1.");
        }

        var periods = PaymentPeriod.Covering(terms.Period, contract.Start, contract.End);
        if (!periods.Any(p => p.Start == period.Start && p.End == period.End))
        {
            throw new WorkspaceException($"{periodLabel} is not a payment period of contract {contractId}: it pays by {terms.Period.ToString().ToLowerInvariant()} from {periods[0].Label} to {periods[^1].Label}.");
        }

        var workspace = caller.Workspace;
        var statements = Read(workspace, contractId);
        if (statements.FirstOrDefault(s => s.Period.Start == period.Start && s.Status == PaymentStatement.Approved) is { } approved)
        {
            throw new StatementLockedException($"{period.Label} of contract {contractId} was approved in statement {approved.Id}; it cannot change. Later changes to it come as adjustments in the next period's statement.");
        }

        var approvedBefore = statements.Where(s => s.Status == PaymentStatement.Approved && s.Period.Start < period.Start).ToList();
        var (evidence, runs) = Evidence(workspace, contract, period);
        var lines = StatementRules.Lines(contract, period, evidence, IncentivePaid(approvedBefore, contract)).ToList();
        foreach (var earlier in approvedBefore.GroupBy(s => s.Period.Start).Select(g => g.First().Period).OrderBy(p => p.Start))
        {
            var paid = approvedBefore.SelectMany(s => s.Lines).Where(l => l.PeriodStart == earlier.Start).ToList();
            var (now, nowRuns) = Evidence(workspace, contract, earlier);
            var recomputed = StatementRules.Lines(contract, earlier, now, IncentivePaid(approvedBefore.Where(s => s.Period.Start < earlier.Start).ToList(), contract));
            var pinned = approvedBefore.Where(s => s.Period.Start == earlier.Start).SelectMany(s => s.Runs).SelectMany(r => r.Deliveries).ToHashSet(StringComparer.Ordinal);
            var added = nowRuns.SelectMany(r => r.Deliveries).Distinct(StringComparer.Ordinal).Where(d => !pinned.Contains(d)).Order(StringComparer.Ordinal).ToList();
            var why = added.Count > 0 ? $"deliveries since it was paid: {string.Join(", ", added)}" : "recomputed metric runs";
            lines.AddRange(StatementRules.Adjustments(paid, recomputed, why));
            runs = [.. runs.Concat(nowRuns).DistinctBy(r => r.Metric)];
        }

        var prepared = statements.FirstOrDefault(s => s.Period.Start == period.Start && s.Status == PaymentStatement.Prepared);
        if (prepared is not null && prepared.ContractVersion == registered.Version && prepared.Lines.SequenceEqual(lines) && prepared.Runs.Select(r => r.Run).SequenceEqual(runs.Select(r => r.Run)))
        {
            return prepared;
        }

        return Store(caller, registered, period, lines, runs, prepared?.Id);
    }

    /// <summary>One statement (approved ones only for those who neither prepare nor approve statements: a provider sees what it will be paid, not a draft).</summary>
    /// <exception cref="AccessDeniedException">No such statement, or not one of the caller's contracts (the same answer).</exception>
    public static PaymentStatement Show(Caller caller, long id)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var statement = ReadOne(caller.Workspace, id);
        var contract = statement is null ? null : ContractRegistry.Read(caller.Workspace).GetValueOrDefault(statement.Contract);
        caller.Permit(Capability.ViewPayments, AuditAction.Read, string.Create(CultureInfo.InvariantCulture, $"payment statement {id}"), inScope: contract is not null && Sees(caller, contract.Contract) && Shown(caller, statement!));
        return statement!;
    }

    /// <summary>The statements of the contracts the caller sees (of <paramref name="contractId"/> only, when given; approved ones only for providers), newest first.</summary>
    /// <exception cref="AccessDeniedException">The role does not see payments, or (not found) <paramref name="contractId"/> is not one of the caller's contracts.</exception>
    public static IReadOnlyList<PaymentStatement> List(Caller caller, string? contractId = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var contracts = ContractRegistry.Read(caller.Workspace);
        caller.Permit(Capability.ViewPayments, AuditAction.Read, contractId is null ? "payment statements" : $"payment statements of contract {contractId}",
            inScope: contractId is null || (contracts.TryGetValue(contractId, out var named) && Sees(caller, named.Contract)));
        return [.. Read(caller.Workspace, contractId).Where(s => contracts.TryGetValue(s.Contract, out var c) && Sees(caller, c.Contract) && Shown(caller, s)).OrderByDescending(s => s.Id)];
    }

    /// <summary>Approves statement <paramref name="id"/> — by someone other than who prepared it — and locks it.</summary>
    /// <exception cref="AccessDeniedException">The caller may not approve, the statement is not theirs to see (not found), or they prepared it themselves (two-person rule).</exception>
    /// <exception cref="StatementLockedException">It is approved already.</exception>
    public static PaymentStatement Approve(Caller caller, long id)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var target = string.Create(CultureInfo.InvariantCulture, $"approval of payment statement {id}");
        var statement = ReadOne(caller.Workspace, id);
        var contract = statement is null ? null : ContractRegistry.Read(caller.Workspace).GetValueOrDefault(statement.Contract);
        caller.Permit(Capability.ApprovePayments, AuditAction.Decide, target, inScope: contract is not null && Sees(caller, contract.Contract));
        if (statement!.PreparedBy == caller.User.Name)
        {
            caller.Record(AuditAction.Denied, target + " by its preparer", AuditOutcome.Denied);
            throw AccessDeniedException.ByRule(target, string.Create(CultureInfo.InvariantCulture, $"Statement {id} was prepared by {caller.User.Name}; another person approves it (two-person rule)."));
        }

        if (statement.Status == PaymentStatement.Approved)
        {
            throw new StatementLockedException(string.Create(CultureInfo.InvariantCulture, $"Statement {id} was approved by {statement.ApprovedBy} on {statement.ApprovedUtc:yyyy-MM-dd}; it is locked."));
        }

        using var db = caller.Workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        var changed = Execute(connection, null, $"UPDATE {Table(db, "payment_statements")} SET status = @p0, approved_by = @p1, approved_utc = @p2 WHERE id = @p3 AND status = @p4",
            PaymentStatement.Approved, caller.User.Name, caller.Workspace.UtcNow.ToString("O", CultureInfo.InvariantCulture), id, PaymentStatement.Prepared);
        if (changed != 1)
        {
            throw new StatementLockedException(string.Create(CultureInfo.InvariantCulture, $"Statement {id} was approved or replaced meanwhile; show it again."));
        }

        return ReadOne(caller.Workspace, id)!;
    }

    /// <summary>
    /// The persons behind each per-person outcome a statement pays: pseudonymous person ids, the
    /// line and the metric period in which each qualified (once per line). Person-level, so only
    /// for those who may see metric persons, and audited.
    /// </summary>
    /// <exception cref="AccessDeniedException">The caller may not see persons, or the statement is not theirs (not found).</exception>
    public static IReadOnlyList<OutcomeEvidence> Persons(Caller caller, long id)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var statement = ReadOne(caller.Workspace, id);
        var registered = statement is null ? null : ContractRegistry.Read(caller.Workspace).GetValueOrDefault(statement.Contract);
        caller.Permit(Capability.ViewMetricPersons, AuditAction.Export, string.Create(CultureInfo.InvariantCulture, $"persons behind payment statement {id}"),
            inScope: registered is not null && Sees(caller, registered.Contract));
        var workspace = caller.Workspace;
        var contract = registered!.Contract;
        var catalog = MetricCatalog.Load(workspace);
        var providers = ProviderRegistry.All(workspace).Values.Select(p => p.Provider).ToList();
        var published = new PublishedMetrics(workspace);
        var store = new MetricStore(workspace);
        var evidence = new List<OutcomeEvidence>();
        for (var i = 0; i < statement!.Lines.Count; i++)
        {
            var line = statement.Lines[i];
            if (line.Kind != StatementLineKind.Outcome || line.MetricRun is not { } runId || line.Metric is not { } metric
                || contract.Payments?.Outcomes.FirstOrDefault(o => o.Metric == metric)?.Per != OutcomeUnit.Person)
            {
                continue;
            }

            var entry = MetricCatalog.Find(catalog, metric);
            ProtectedRecords.PermitPersonLevel(caller, entry.Definition, string.Create(CultureInfo.InvariantCulture, $"persons behind statement {statement.Id}, {metric}"));
            var breakdown = ProviderBreakdown.For(entry.Definition, providers);
            var run = published.Runs(metric).FirstOrDefault(r => r.Id == runId);
            if (breakdown is null || run is null)
            {
                continue;
            }

            var periods = published.Results(metric, breakdown.Group, runId: runId).Select(r => r.PeriodStart).Distinct().Where(d => d >= line.PeriodStart && d <= line.PeriodEnd).Order();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var periodStart in periods)
            {
                foreach (var person in breakdown.CodesOf(contract.Provider.Value).SelectMany(code => store.Members(entry, run, breakdown.Group, code, periodStart)).Where(m => m.InNumerator).Select(m => m.PersonId).Order(StringComparer.Ordinal))
                {
                    if (seen.Add(person))
                    {
                        evidence.Add(new OutcomeEvidence(statement.Id, i + 1, metric, periodStart, person));
                    }
                }
            }
        }

        return evidence;
    }

    private static bool Shown(Caller caller, PaymentStatement statement) =>
        statement.Status == PaymentStatement.Approved || AccessPolicy.SeesUnapprovedStatements(caller.User);

    private static bool Sees(Caller caller, Contract contract) => AccessPolicy.SeesContract(caller.User, contract.Id.Value, contract.Agency, contract.Provider.Value);

    /// <summary>
    /// Outcome payments and bonuses after caps and floors of <paramref name="statements"/>, with the
    /// adjustments of outcome and bonus metrics and of caps and floors: what the contract cap counts.
    /// </summary>
    private static Money IncentivePaid(IReadOnlyList<PaymentStatement> statements, Contract contract)
    {
        var terms = contract.Payments!;
        bool Incentive(string? metric) => metric is null || terms.Outcomes.Any(o => o.Metric == metric) || terms.Bonuses.Any(b => b.Metric == metric);
        return StatementLine.Total(statements.SelectMany(s => s.Lines).Where(l => l.Kind is StatementLineKind.Outcome or StatementLineKind.Bonus or StatementLineKind.Cap or StatementLineKind.Floor
            || (l.Kind == StatementLineKind.Adjustment && Incentive(l.Metric))));
    }

    /// <summary>What the latest published run of each metric the terms pay on says about the contract's provider over <paramref name="period"/>.</summary>
    internal static (Dictionary<string, MetricEvidence> Evidence, List<PinnedRun> Runs) Evidence(Workspace workspace, Contract contract, PaymentPeriod period)
    {
        var terms = contract.Payments!;
        var metrics = terms.Outcomes.Select(o => o.Metric).Concat(terms.Bonuses.Select(b => b.Metric)).Concat(terms.Withhold is { } w ? [w.EarnBackMetric] : []).Distinct(StringComparer.Ordinal);
        var catalog = MetricCatalog.Load(workspace);
        var providers = ProviderRegistry.All(workspace).Values.Select(p => p.Provider).ToList();
        var published = new PublishedMetrics(workspace);
        var evidence = new Dictionary<string, MetricEvidence>(StringComparer.Ordinal);
        var runs = new List<PinnedRun>();
        foreach (var metric in metrics)
        {
            var entry = MetricCatalog.Find(catalog, metric);
            var breakdown = ProviderBreakdown.For(entry.Definition, providers);
            if (breakdown is null || published.LatestRun(metric) is not { } run)
            {
                continue;
            }

            runs.Add(new PinnedRun(metric, run.Id, run.Version, run.Deliveries));
            var own = (breakdown.ByProvider(published.Results(metric, breakdown.Group, runId: run.Id)).GetValueOrDefault(contract.Provider.Value) ?? [])
                .Where(r => period.Contains(r.PeriodStart)).ToList();
            var higherIsBetter = entry.Definition.Polarity != "lower_is_better";
            var persons = 0L;
            if (terms.Outcomes.Any(o => o.Metric == metric && o.Per == OutcomeUnit.Person))
            {
                var store = new MetricStore(workspace);
                persons = own.SelectMany(r => breakdown.CodesOf(contract.Provider.Value).SelectMany(code => store.Members(entry, run, breakdown.Group, code, r.PeriodStart)))
                    .Where(m => m.InNumerator).Select(m => m.PersonId).Distinct(StringComparer.Ordinal).LongCount();
            }

            evidence[metric] = new MetricEvidence(metric, higherIsBetter, Pooled.Of(own.Select(r => (r.Denominator, r.Value))), persons, run.Id);
        }

        return (evidence, runs);
    }

    private static PaymentStatement Store(Caller caller, RegisteredContract registered, PaymentPeriod period, IReadOnlyList<StatementLine> lines, IReadOnlyList<PinnedRun> runs, long? replaces)
    {
        var workspace = caller.Workspace;
        using var db = workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var transaction = connection.BeginTransaction(IsolationLevel.Serializable);
        if (replaces is { } old)
        {
            foreach (var table in new[] { "statement_lines", "statement_runs" })
            {
                Execute(connection, transaction, $"DELETE FROM {Table(db, table)} WHERE statement_id = @p0", old);
            }

            Execute(connection, transaction, $"DELETE FROM {Table(db, "payment_statements")} WHERE id = @p0 AND status = @p1", old, PaymentStatement.Prepared);
        }

        long id;
        using (var next = Command(connection, transaction, $"SELECT COALESCE(MAX(id), 0) + 1 FROM {Table(db, "payment_statements")}"))
        {
            id = Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        var contract = registered.Contract;
        Execute(connection, transaction, $"""
            INSERT INTO {Table(db, "payment_statements")} (id, contract_id, contract_version, period, period_start, period_end, status, total, prepared_by, prepared_utc)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)
            """, id, contract.Id.Value, registered.Version, period.Label, Day(period.Start), Day(period.End), PaymentStatement.Prepared, StatementLine.Total(lines).ToString(),
            caller.User.Name, workspace.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            Execute(connection, transaction, $"""
                INSERT INTO {Table(db, "statement_lines")} (statement_id, line, kind, metric, period_start, period_end, count, rate, amount, metric_run, note)
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)
                """, id, i + 1, l.KindCode, l.Metric, Day(l.PeriodStart), Day(l.PeriodEnd), l.Count, l.Rate?.ToString(CultureInfo.InvariantCulture), l.Amount.ToString(), l.MetricRun, l.Note);
        }

        foreach (var run in runs)
        {
            Execute(connection, transaction, $"INSERT INTO {Table(db, "statement_runs")} (statement_id, metric_id, run_id, version, deliveries) VALUES (@p0, @p1, @p2, @p3, @p4)",
                id, run.Metric, run.Run, run.Version, string.Join(",", run.Deliveries));
        }

        transaction.Commit();
        return ReadOne(workspace, id)!;
    }

    private static PaymentStatement? ReadOne(Workspace workspace, long id) => Read(workspace, null, id).FirstOrDefault();

    private static List<PaymentStatement> Read(Workspace workspace, string? contractId, long? id = null)
    {
        using var db = workspace.Operational();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        var where = id is not null ? "WHERE id = @p0" : contractId is not null ? "WHERE contract_id = @p0" : "";
        object?[] parameters = id is { } one ? [one] : contractId is not null ? [contractId] : [];
        var headers = new List<(long Id, string Contract, int Version, string Period, string Status, string Total, string PreparedBy, string PreparedUtc, string? ApprovedBy, string? ApprovedUtc)>();
        using (var command = Command(connection, null, $"SELECT id, contract_id, contract_version, period, status, total, prepared_by, prepared_utc, approved_by, approved_utc FROM {Table(db, "payment_statements")} {where} ORDER BY id", parameters))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                headers.Add((Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), reader.GetString(3),
                    reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9)));
            }
        }

        var statements = new List<PaymentStatement>();
        foreach (var h in headers)
        {
            var lines = new List<StatementLine>();
            using (var command = Command(connection, null, $"SELECT kind, metric, period_start, period_end, count, rate, amount, metric_run, note FROM {Table(db, "statement_lines")} WHERE statement_id = @p0 ORDER BY line", h.Id))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    lines.Add(new StatementLine(Enum.Parse<StatementLineKind>(reader.GetString(0).Replace("_", "", StringComparison.Ordinal), ignoreCase: true), reader.IsDBNull(1) ? null : reader.GetString(1),
                        ParseDay(reader.GetString(2)), ParseDay(reader.GetString(3)), reader.IsDBNull(4) ? null : Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture),
                        reader.IsDBNull(5) ? null : decimal.Parse(reader.GetString(5), NumberStyles.Number, CultureInfo.InvariantCulture),
                        new Money(decimal.Parse(reader.GetString(6), NumberStyles.Number, CultureInfo.InvariantCulture)), reader.IsDBNull(7) ? null : Convert.ToInt64(reader.GetValue(7), CultureInfo.InvariantCulture), reader.GetString(8)));
                }
            }

            var runs = new List<PinnedRun>();
            using (var command = Command(connection, null, $"SELECT metric_id, run_id, version, deliveries FROM {Table(db, "statement_runs")} WHERE statement_id = @p0 ORDER BY metric_id", h.Id))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    runs.Add(new PinnedRun(reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                        reader.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries)));
                }
            }

            PaymentPeriod.TryParse(h.Period, out var period);
            statements.Add(new PaymentStatement(h.Id, h.Contract, h.Version, period, h.Status, new Money(decimal.Parse(h.Total, NumberStyles.Number, CultureInfo.InvariantCulture)), h.PreparedBy,
                Utc(h.PreparedUtc), h.ApprovedBy, h.ApprovedUtc is { } approved ? Utc(approved) : null, lines, runs));
        }

        return statements;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime Utc(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
