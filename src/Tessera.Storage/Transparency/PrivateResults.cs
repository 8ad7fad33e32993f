using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Governance.Disclosure;
using Tessera.Storage.Access;
using Tessera.Storage.Metrics;
using Tessera.Storage.Operational;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Transparency;

/// <summary>
/// Differentially private results for the public transparency page
/// (<c>tessera transparency publish</c>). A query is one metric's period: how many people the
/// metric counted, and how many of them had the outcome — each person counted once however many
/// episodes they had, so adding or removing one person changes each count by at most one. Both
/// counts get discrete Laplace noise of scale 2/ε drawn from the operating system's cryptographic
/// source, so the pair is ε-differentially private. Each data set (the metric's population source)
/// has a budget of total ε; every answer spends from it in the same transaction that stores the
/// answer, so two queries at once cannot overspend it, and asking the same question again returns
/// the stored answer without spending anything (a fresh draw would let the noise be averaged away).
/// </summary>
public static class PrivateResults
{
    /// <summary>A data set's budget unless set otherwise: ε = 1 in all.</summary>
    public const decimal DefaultBudget = 1m;

    /// <summary>The ε one answer spends unless asked otherwise.</summary>
    public const decimal DefaultEpsilon = 0.1m;

    /// <summary>
    /// Answers how many people metric <paramref name="metricId"/>'s latest run counted in the
    /// periods starting from <paramref name="from"/> to <paramref name="to"/> (a month, or a whole
    /// year: each person once), and how many of them had the outcome, spending
    /// <paramref name="epsilon"/> of its data set's budget — or returns the stored answer when the
    /// same question was asked before.
    /// </summary>
    /// <exception cref="AccessDeniedException">The caller may not publish private results.</exception>
    /// <exception cref="WorkspaceException">No such metric, run or period.</exception>
    /// <exception cref="PrivacyBudgetExhaustedException">The budget left is less than <paramref name="epsilon"/>.</exception>
    public static PrivateAnswer Publish(Caller caller, string metricId, DateOnly from, DateOnly to, decimal epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (epsilon is <= 0 or > 10 || decimal.Round(epsilon, 3) != epsilon)
        {
            throw new WorkspaceException("ε is a number above 0 and at most 10, with at most three decimals (e.g. 0.1).");
        }

        var workspace = caller.Workspace;
        caller.Permit(Capability.PublishPrivateResults, AuditAction.Report, string.Create(CultureInfo.InvariantCulture, $"private result of metric {metricId} for {from:yyyy-MM-dd} to {to:yyyy-MM-dd}"));
        var entry = MetricCatalog.Load(workspace).FirstOrDefault(e => e.Definition.Id == metricId && e.Available)
            ?? throw new WorkspaceException($"There is no metric '{metricId}' ready to compute.");
        var published = new PublishedMetrics(workspace);
        var run = published.LatestRun(metricId)
            ?? throw new WorkspaceException($"Metric '{metricId}' has not been computed yet; run 'tessera metrics compute {metricId}'.");
        var dataSet = entry.Definition.Population.Source;
        var query = string.Create(CultureInfo.InvariantCulture, $"{metricId} v{run.Version} {from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
        if (Stored(workspace, dataSet, query) is { } earlier)
        {
            return earlier with { Repeated = true };
        }

        // Only the computation opens person-level rows: the metric's members of the periods, each person once.
        var periods = published.Results(metricId, runId: run.Id).Select(r => r.PeriodStart).Where(p => p >= from && p <= to).Distinct().Order().ToList();
        if (periods.Count == 0)
        {
            throw new WorkspaceException(string.Create(CultureInfo.InvariantCulture, $"Metric '{metricId}' has no period starting from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}."));
        }

        var store = new MetricStore(workspace);
        var members = periods.SelectMany(p => store.Members(entry, run, "all", "", p)).ToList();
        var people = members.Select(m => m.PersonId).Distinct(StringComparer.Ordinal).LongCount();
        var hit = members.Where(m => m.InNumerator).Select(m => m.PersonId).Distinct(StringComparer.Ordinal).LongCount();
        var noise = new DiscreteLaplace(2000, (long)(epsilon * 1000), CryptographicIntegers.Shared);
        var noisyPeople = Math.Max(0, people + noise.Sample());
        var noisyHit = Math.Clamp(hit + noise.Sample(), 0, noisyPeople);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return Spend(workspace, caller.User.Name, new PrivateAnswer(dataSet, query, metricId, entry.Definition.Title, from, to, epsilon, noisyPeople, noisyHit, workspace.UtcNow, false));
            }
            catch (DbException) when (attempt < 100)
            {
                Thread.Sleep(Random.Shared.Next(1, 20));
                // Another query of the same data set committed first (a serialisation failure or a
                // duplicate answer): read again — the stored answer, or the budget now left.
                if (Stored(workspace, dataSet, query) is { } stored)
                {
                    return stored with { Repeated = true };
                }
            }
        }
    }

    /// <summary>Every published answer, newest first: public (they are differentially private).</summary>
    public static IReadOnlyList<PrivateAnswer> Answers(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        using var tables = new OperationalTables(workspace, "");
        return tables.Query($"SELECT answer FROM {tables.Table("privacy_answers")} ORDER BY answered_utc DESC, query", r => Answer(r.GetString(0)));
    }

    /// <summary>Every data set's budget, spent and left: public.</summary>
    public static IReadOnlyList<PrivacyBudget> Budgets(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        using var tables = new OperationalTables(workspace, "");
        return tables.Query($"SELECT data_set, epsilon_total, epsilon_spent FROM {tables.Table("privacy_budgets")} ORDER BY data_set",
            r => new PrivacyBudget(r.GetString(0), Number(r.GetString(1)), Number(r.GetString(2))));
    }

    /// <summary>Sets data set <paramref name="dataSet"/>'s total budget (it cannot go below what was spent).</summary>
    /// <exception cref="AccessDeniedException">The caller may not publish private results.</exception>
    /// <exception cref="WorkspaceException">The total is below what was spent already.</exception>
    public static PrivacyBudget SetBudget(Caller caller, string dataSet, decimal total)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.PublishPrivateResults, AuditAction.Configure, string.Create(CultureInfo.InvariantCulture, $"privacy budget of {dataSet}: ε = {total}"));
        using var tables = new OperationalTables(caller.Workspace, "");
        tables.Begin();
        var spent = Ensure(tables, dataSet);
        if (total < spent)
        {
            throw new WorkspaceException(string.Create(CultureInfo.InvariantCulture, $"{dataSet} has spent ε = {spent} already; its budget cannot be less."));
        }

        tables.Execute($"UPDATE {tables.Table("privacy_budgets")} SET epsilon_total = @p0, updated_utc = @p1 WHERE data_set = @p2", Text(total), tables.Now.ToString("O", CultureInfo.InvariantCulture), dataSet);
        tables.Commit();
        return new PrivacyBudget(dataSet, total, spent);
    }

    // Stores the answer and spends its ε in one serializable transaction, or refuses when the budget is short.
    private static PrivateAnswer Spend(Workspace workspace, string actor, PrivateAnswer answer)
    {
        using var tables = new OperationalTables(workspace, "");
        tables.Begin();
        var spent = Ensure(tables, answer.DataSet);
        var total = Number(tables.Query($"SELECT epsilon_total FROM {tables.Table("privacy_budgets")} WHERE data_set = @p0", r => r.GetString(0), answer.DataSet)[0]);
        if (spent + answer.Epsilon > total)
        {
            throw new PrivacyBudgetExhaustedException(string.Create(CultureInfo.InvariantCulture,
                $"The privacy budget of {answer.DataSet} has ε = {total - spent} left of {total}; this answer needs {answer.Epsilon}. Nothing was answered."));
        }

        // The budget row changes only if no one else spent meanwhile; otherwise the update touches nothing and we try again.
        if (tables.Execute($"UPDATE {tables.Table("privacy_budgets")} SET epsilon_spent = @p0, updated_utc = @p1 WHERE data_set = @p2 AND epsilon_spent = @p3",
            Text(spent + answer.Epsilon), tables.Now.ToString("O", CultureInfo.InvariantCulture), answer.DataSet, Text(spent)) != 1)
        {
            throw new BudgetChangedException();
        }

        tables.Execute($"INSERT INTO {tables.Table("privacy_answers")} (data_set, query, epsilon, answer, answered_by, answered_utc) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)",
            answer.DataSet, answer.Query, Text(answer.Epsilon), JsonSerializer.Serialize(answer), actor, answer.AnsweredUtc.ToString("O", CultureInfo.InvariantCulture));
        tables.Commit();
        return answer;
    }

    // The data set's spent ε, creating its budget row (at the default total) the first time.
    private static decimal Ensure(OperationalTables tables, string dataSet)
    {
        var spent = tables.Query($"SELECT epsilon_spent FROM {tables.Table("privacy_budgets")} WHERE data_set = @p0", r => r.GetString(0), dataSet);
        if (spent.Count > 0)
        {
            return Number(spent[0]);
        }

        tables.Execute($"INSERT INTO {tables.Table("privacy_budgets")} (data_set, epsilon_total, epsilon_spent, updated_utc) VALUES (@p0, @p1, @p2, @p3)",
            dataSet, Text(DefaultBudget), Text(0m), tables.Now.ToString("O", CultureInfo.InvariantCulture));
        return 0m;
    }

    private static PrivateAnswer? Stored(Workspace workspace, string dataSet, string query)
    {
        using var tables = new OperationalTables(workspace, "");
        return tables.Query($"SELECT answer FROM {tables.Table("privacy_answers")} WHERE data_set = @p0 AND query = @p1", r => Answer(r.GetString(0)), dataSet, query).FirstOrDefault();
    }

    private static PrivateAnswer Answer(string json) => JsonSerializer.Deserialize<PrivateAnswer>(json)!;

    private static string Text(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    // The budget row changed between reading and spending: a DbException, so the caller reads again.
    private sealed class BudgetChangedException : DbException
    {
        public BudgetChangedException()
            : base("The privacy budget changed while this answer was being stored.")
        {
        }
    }
}
