using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tessera.Governance.Access;
using Tessera.Governance.Agreements;
using Tessera.Governance.Audit;
using Tessera.Governance.Disclosure;
using Tessera.Metrics.Compilation;
using Tessera.Metrics.Definitions;
using Tessera.Metrics.Evaluation;
using Tessera.Storage.Access;
using Tessera.Storage.Agreements;
using Tessera.Storage.Metrics;
using Tessera.Storage.Operational;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Evaluation;

/// <summary>
/// Evaluations, one path for page, API and command: <b>permit → audit → work</b>. Each reads the
/// persons of a metric's population from the vault (the only step that opens person-level data),
/// runs the estimator and keeps the result with its reproducible record. Who may: an
/// administrator, or an analyst holding an active data use licence that covers every source the
/// metric reads; anyone else is refused, and the refusal is on record.
/// </summary>
public static class Evaluations
{
    /// <summary>The bootstrap's seed unless one is given.</summary>
    public const int DefaultSeed = 1;

    /// <summary>Bootstrap replicates unless asked otherwise.</summary>
    public const int DefaultReplicates = 500;

    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    private static readonly IReadOnlyList<string> Unobserved =
    [
        "Adjustment accounts only for the characteristics listed; anything not recorded (motivation, family support, severity, what staff saw) can still differ between the groups compared.",
        "Each person counts once, at their first row in the metric's population; later rows are left out.",
        "Records not linked to the person index count as their own person; missed links lower outcome rates that depend on another agency's records.",
    ];

    /// <summary>Outcome rates of <paramref name="metricId"/> by bands of <paramref name="dose"/>, raw and adjusted for <paramref name="adjust"/> (default: every characteristic the metric records).</summary>
    /// <exception cref="AccessDeniedException">Refused (on record).</exception>
    /// <exception cref="WorkspaceException">No such metric or field, bad bands, or no data.</exception>
    public static EvaluationRecord DoseResponse(Caller caller, string metricId, string dose, string bands, IReadOnlyList<string>? adjust = null, Anchors? anchors = null, int seed = DefaultSeed, int replicates = DefaultReplicates)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrEmpty(dose);
        IReadOnlyList<DoseBand> parsed;
        try
        {
            parsed = DoseBand.Parse(bands);
        }
        catch (FormatException e)
        {
            throw new WorkspaceException(e.Message);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 50);
        var entry = Metric(caller, metricId);
        var asked = Requested(entry, adjust);
        var licence = Permit(caller, entry, asked, $"dose-response evaluation of metric {metricId} by {dose}");
        var traits = Available(caller.Workspace, entry, asked, explicitly: adjust is { Count: > 0 });
        anchors ??= Anchors.All;
        var data = EvaluationUnits.Read(caller.Workspace, entry, dose, anchors, traits);
        var result = Tessera.Metrics.Evaluation.DoseResponse.Estimate(data.Units, parsed, traits, seed, replicates);
        var hidden = Hide(result.Bands.Select(b => (b.Band, b.Persons, b.Outcomes)), "band");
        var caveats = new List<string>(Unobserved);
        if (traits.Count == 0)
        {
            caveats.Insert(0, "Nothing was adjusted for: the metric records no characteristics, so the adjusted columns are empty.");
        }

        return Keep(caller, licence, data, entry, new EvaluationRecord
        {
            Kind = "dose-response",
            MetricId = entry.Definition.Id,
            MetricTitle = entry.Definition.Title,
            Title = $"{entry.Definition.Title} by {dose}",
            Parameters = new Dictionary<string, string>(anchors.Parameters()) { ["dose"] = dose, ["bands"] = bands, ["adjust"] = string.Join(",", traits), ["replicates"] = replicates.ToString(CultureInfo.InvariantCulture) },
            Seed = seed,
            DoseResponse = result,
            SmallCells = hidden,
            Caveats = caveats,
            Deliveries = [],
            RunBy = "",
        });
    }

    /// <summary>
    /// Persons who took part in a service — <paramref name="participation"/>, an event characteristic
    /// of <paramref name="metricId"/> such as job training in the year before — against similar
    /// non-participants from the linked data, made alike on <paramref name="adjust"/> (default:
    /// every other characteristic the metric records).
    /// </summary>
    /// <exception cref="AccessDeniedException">Refused (on record).</exception>
    /// <exception cref="WorkspaceException">No such metric or characteristic, or no one to compare.</exception>
    public static EvaluationRecord Compare(Caller caller, string metricId, string participation, IReadOnlyList<string>? adjust = null, Anchors? anchors = null, int seed = DefaultSeed, int replicates = DefaultReplicates)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrEmpty(participation);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 50);
        var entry = Metric(caller, metricId);
        if (entry.Definition.AdjustFor.FirstOrDefault(t => t.Name == participation) is not { IsAttribute: false })
        {
            var events = entry.Definition.AdjustFor.Where(t => !t.IsAttribute).Select(t => t.Name).ToList();
            throw new WorkspaceException($"'{participation}' is not a service metric '{metricId}' records taking part in. It records: {(events.Count == 0 ? "none" : string.Join(", ", events))}.");
        }

        var asked = Requested(entry, adjust is { Count: > 0 } ? [.. adjust.Append(participation)] : null);
        var licence = Permit(caller, entry, asked, $"comparison of participants in {participation} in metric {metricId}");
        var traits = Available(caller.Workspace, entry, asked, explicitly: adjust is { Count: > 0 });
        if (!traits.Contains(participation, StringComparer.Ordinal))
        {
            throw new WorkspaceException($"The characteristic '{participation}' of metric '{metricId}' reads a file with no deliveries yet.");
        }

        anchors ??= Anchors.All;
        var data = EvaluationUnits.Read(caller.Workspace, entry, null, anchors, traits);
        var result = Estimating(() => Comparison.Estimate(data.Units, participation, traits, seed, replicates));

        var service = entry.Definition.AdjustFor.First(t => t.Name == participation);
        return Keep(caller, licence, data, entry, new EvaluationRecord
        {
            Kind = "compare",
            MetricId = entry.Definition.Id,
            MetricTitle = entry.Definition.Title,
            Title = $"{entry.Definition.Title}: {service.Description ?? participation} against similar persons without",
            Parameters = new Dictionary<string, string>(anchors.Parameters()) { ["participation"] = participation, ["adjust"] = string.Join(",", result.AdjustedFor), ["replicates"] = replicates.ToString(CultureInfo.InvariantCulture) },
            Seed = seed,
            DoseResponse = result,
            SmallCells = Hide(result.Bands.Select(b => (b.Band, b.Persons, b.Outcomes)), "group"),
            Caveats =
            [
                $"Non-participants were weighted to resemble the participants on {(result.AdjustedFor.Count == 0 ? "nothing (the metric records no other characteristic)" : string.Join(", ", result.AdjustedFor))} only. Why people take part — motivation, a caseworker's judgement, being reachable — is not recorded and can still differ.",
                "The adjusted rates are the participants' own: with the service as observed, and without it as estimated from the weighted non-participants.",
                .. Unobserved.Skip(1),
            ],
            Deliveries = [],
            RunBy = "",
        });
    }

    /// <summary><paramref name="metricId"/>'s rate by <paramref name="by"/> (a characteristic of the metric, e.g. race), each group against <paramref name="reference"/> (a group, or <c>others</c>).</summary>
    /// <exception cref="AccessDeniedException">Refused (on record).</exception>
    /// <exception cref="WorkspaceException">No such metric, characteristic or group, or no data.</exception>
    public static EvaluationRecord Disparity(Caller caller, string metricId, string by, string reference, Anchors? anchors = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrEmpty(by);
        ArgumentException.ThrowIfNullOrEmpty(reference);
        var entry = Metric(caller, metricId);
        var licence = Permit(caller, entry, Requested(entry, [by]), $"disparity evaluation of metric {metricId} by {by}");
        var traits = Available(caller.Workspace, entry, [by], explicitly: true);
        anchors ??= Anchors.All;
        var data = EvaluationUnits.Read(caller.Workspace, entry, null, anchors, traits, eachPersonOnce: false);

        var rows = Estimating(() => Tessera.Metrics.Evaluation.Disparity.Estimate(data.Units, by, reference));

        var trait = entry.Definition.AdjustFor.First(t => t.Name == by);
        return Keep(caller, licence, data, entry, new EvaluationRecord
        {
            Kind = "disparity",
            MetricId = entry.Definition.Id,
            MetricTitle = entry.Definition.Title,
            Title = $"{entry.Definition.Title} by {by}, against {reference}",
            Parameters = new Dictionary<string, string>(anchors.Parameters()) { ["by"] = by, ["reference"] = reference },
            Disparity = rows,
            SmallCells = Hide(rows.Select(r => (r.Group, r.Persons, r.Outcomes)), by),
            Caveats =
            [
                $"Groups are {trait.Description ?? by} as {trait.Source} records it ({trait.File}); a person whose records give none is 'unknown' or says why (e.g. 'Declined').",
                "A ratio compares rates; it does not say why they differ. Differences in need, in who is referred and in what is not recorded are not removed.",
                "Rates count the metric's own units (a person with two exits counts twice); the intervals allow for a person's units going together.",
                Unobserved[2],
            ],
            Deliveries = [],
            RunBy = "",
        });
    }

    /// <summary>A regression discontinuity: the jump in <paramref name="metricId"/>'s outcome where <paramref name="score"/> crosses <paramref name="cutoff"/>.</summary>
    /// <exception cref="AccessDeniedException">Refused (on record).</exception>
    /// <exception cref="WorkspaceException">No such metric or field, a score that is not a number, or too few persons.</exception>
    public static EvaluationRecord Rdd(Caller caller, string metricId, string score, double cutoff, double? bandwidth = null, Anchors? anchors = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrEmpty(score);
        if (bandwidth is <= 0)
        {
            throw new WorkspaceException("--bandwidth must be above 0.");
        }

        var entry = Metric(caller, metricId);
        var licence = Permit(caller, entry, [], $"regression discontinuity of metric {metricId} at {score} = {cutoff.ToString(CultureInfo.InvariantCulture)}");
        anchors ??= Anchors.All;
        var data = EvaluationUnits.Read(caller.Workspace, entry, score, anchors, []);
        var points = new List<(double, double)>();
        foreach (var unit in data.Units.Where(u => u.Value is not null))
        {
            points.Add(double.TryParse(unit.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? (value, unit.Outcome ? 1 : 0)
                : throw new WorkspaceException($"'{score}' of metric '{metricId}' is not a number (a row holds '{Truncate(unit.Value!)}'); name a numeric score."));
        }

        var result = Estimating(() => RegressionDiscontinuity.Estimate(points, cutoff, bandwidth));

        return Keep(caller, licence, data, entry, new EvaluationRecord
        {
            Kind = "rdd",
            MetricId = entry.Definition.Id,
            MetricTitle = entry.Definition.Title,
            Title = $"{entry.Definition.Title} at {score} = {cutoff.ToString(CultureInfo.InvariantCulture)}",
            Parameters = new Dictionary<string, string>(anchors.Parameters())
            {
                ["score"] = score,
                ["cutoff"] = cutoff.ToString(CultureInfo.InvariantCulture),
                ["bandwidth"] = bandwidth?.ToString(CultureInfo.InvariantCulture) ?? "chosen from the data (Imbens–Kalyanaraman)",
            },
            Rdd = result,
            Caveats =
            [
                "The estimate holds for persons scoring near the cut-off; it says nothing of those far from it.",
                "It assumes nothing else changes at the cut-off and that no one can place their score on the side they prefer (the density check tests the second).",
                "Persons without a score are left out; each person counts once, at their first row.",
            ],
            Deliveries = [],
            RunBy = "",
        });
    }

    /// <summary>
    /// <paramref name="metricId"/>'s outcome quarter by quarter before and after each person's
    /// anchor (e.g. a parent's wages around the start of their child's care subsidy): pooled rates
    /// before and after, their difference, and the rate in each quarter from −<paramref name="window"/>
    /// to +<paramref name="window"/>.
    /// </summary>
    /// <exception cref="AccessDeniedException">Refused (on record).</exception>
    /// <exception cref="WorkspaceException">No such metric, a metric without an outcome followed by person, or no data.</exception>
    public static EvaluationRecord BeforeAfter(Caller caller, string metricId, int window = 8, Anchors? anchors = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (window is < 1 or > 40)
        {
            throw new WorkspaceException("--quarters: give 1 to 40 quarters either side.");
        }

        var entry = Metric(caller, metricId);
        var licence = Permit(caller, entry, [], $"before-and-after evaluation of metric {metricId}");
        if (entry.Definition.Outcome is not { MatchOn: null })
        {
            throw new WorkspaceException($"Metric '{metricId}' has no outcome followed by person to follow over time.");
        }

        anchors ??= Anchors.All;
        var data = EvaluationUnits.Read(caller.Workspace, entry, null, anchors, []);
        var starts = data.Units.ToDictionary(u => u.PersonId, u => u.Anchor, StringComparer.Ordinal);
        var (quarters, first, last) = EvaluationUnits.OutcomeQuarters(caller.Workspace, entry, starts.Keys.ToHashSet(StringComparer.Ordinal));
        if (first is not { } from || last is not { } to)
        {
            throw new WorkspaceException($"Metric '{metricId}' has no outcome records to follow.");
        }

        var result = Tessera.Metrics.Evaluation.BeforeAfter.Estimate(starts, quarters, from, to, window);
        return Keep(caller, licence, data, entry, new EvaluationRecord
        {
            Kind = "before-after",
            MetricId = entry.Definition.Id,
            MetricTitle = entry.Definition.Title,
            Title = $"{entry.Definition.Title}: before and after",
            Parameters = new Dictionary<string, string>(anchors.Parameters()) { ["quarters"] = window.ToString(CultureInfo.InvariantCulture) },
            BeforeAfter = result,
            SmallCells = Hide(result.Quarters.Select(q => (q.Quarter.ToString(CultureInfo.InvariantCulture), q.Persons, q.Outcomes)), "quarter"),
            Caveats =
            [
                "Before and after is not cause and effect: whatever else changed for these persons over the same quarters (the economy, their children's ages, other services) is in the difference too.",
                $"Every calendar quarter the outcome records cover ({from:yyyy-MM-dd} to {to:yyyy-MM-dd}) counts for every person; a quarter without a record counts as no outcome, also for persons who moved away.",
                Unobserved[1],
                Unobserved[2],
            ],
            Deliveries = [],
            RunBy = "",
        });
    }

    /// <summary>The evaluations the caller may read: an administrator's all, an analyst's own.</summary>
    /// <exception cref="AccessDeniedException">The caller may not run evaluations.</exception>
    public static IReadOnlyList<EvaluationRecord> List(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Permit(Capability.RunEvaluations, AuditAction.Read, "evaluations");
        using var tables = new OperationalTables(caller.Workspace, "");
        var admin = caller.User.Role == Role.Administrator;
        return tables.Query($"SELECT record FROM {tables.Table("evaluations")}{(admin ? "" : " WHERE run_by = @p0")} ORDER BY id DESC",
            r => JsonSerializer.Deserialize<EvaluationRecord>(r.GetString(0), Json)!, admin ? [] : [caller.User.Name]);
    }

    /// <summary>Evaluation <paramref name="id"/>, when the caller ran it or is an administrator.</summary>
    /// <exception cref="AccessDeniedException">Refused, or no such evaluation the caller may see (on record).</exception>
    public static EvaluationRecord Find(Caller caller, long id)
    {
        ArgumentNullException.ThrowIfNull(caller);
        using var tables = new OperationalTables(caller.Workspace, "");
        var record = tables.Query($"SELECT record FROM {tables.Table("evaluations")} WHERE id = @p0", r => JsonSerializer.Deserialize<EvaluationRecord>(r.GetString(0), Json)!, id).FirstOrDefault();
        caller.Permit(Capability.RunEvaluations, AuditAction.Read, $"evaluation {id}",
            inScope: record is not null && (caller.User.Role == Role.Administrator || string.Equals(record.RunBy, caller.User.Name, StringComparison.OrdinalIgnoreCase)));
        return record!;
    }

    /// <summary>The record as JSON, as stored and downloaded.</summary>
    public static string ToJson(EvaluationRecord record) => JsonSerializer.Serialize(record, Json);

    // The metric (reference, not person-level: looked up before the permit, which needs its sources).
    private static CatalogEntry Metric(Caller caller, string metricId)
    {
        ArgumentException.ThrowIfNullOrEmpty(metricId);
        var entry = MetricCatalog.Load(caller.Workspace).FirstOrDefault(e => e.Definition.Id == metricId && e.Available)
            ?? throw new WorkspaceException($"There is no metric '{metricId}' ready to compute.");
        return entry.Definition.ValueKind == MetricValue.Rate ? entry
            : throw new WorkspaceException($"Metric '{metricId}' is a {entry.Definition.Value}, not a rate: evaluations compare how often an outcome happens.");
    }

    // Lets an administrator go ahead, or an analyst whose active licence covers every source the evaluation reads (the metric's, and the characteristics' this workspace has); the licence used, if any.
    private static string? Permit(Caller caller, CatalogEntry entry, IReadOnlyList<string> traits, string target)
    {
        var registered = caller.Workspace.Sources.List().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var sources = MetricSql.Files(entry.Definition).Select(f => f.Source)
            .Concat(entry.Definition.AdjustFor.Where(t => traits.Contains(t.Name, StringComparer.Ordinal) && registered.Contains(t.Source)).Select(t => t.Source))
            .Distinct(StringComparer.Ordinal).ToList();
        var admin = caller.User.Role == Role.Administrator;
        var licence = admin ? null : ActiveLicence(caller.Workspace, caller.User, sources);
        caller.Permit(Capability.RunEvaluations, AuditAction.Compute, target + (licence is null ? "" : $" under licence {licence}"), inScope: admin || licence is not null);
        return licence;
    }

    private static string? ActiveLicence(Workspace workspace, AccessUser user, IReadOnlyList<string> sources)
    {
        var set = AgreementRegistry.Set(workspace);
        var today = DateOnly.FromDateTime(workspace.UtcNow);
        return set.Duls.Where(d => string.Equals(d.Licensee, user.Name, StringComparison.OrdinalIgnoreCase) && set.Status(d.Id, today) == AgreementStatus.Active
                && sources.All(d.Sources.ContainsKey))
            .Select(d => d.Id).Order(StringComparer.Ordinal).FirstOrDefault();
    }

    // The characteristics asked for (each must be the metric's), or, when none is, all the metric records.
    private static List<string> Requested(CatalogEntry entry, IReadOnlyList<string>? asked)
    {
        if (asked is null || asked.Count == 0)
        {
            return [.. entry.Definition.AdjustFor.Select(t => t.Name)];
        }

        foreach (var name in asked.Where(a => !entry.Definition.AdjustFor.Any(t => t.Name == a)))
        {
            throw new WorkspaceException($"Metric '{entry.Definition.Id}' records no characteristic '{name}'. It records: {Names(entry)}.");
        }

        return [.. asked.Distinct(StringComparer.Ordinal)];
    }

    // Of those, the ones this workspace can work out (source present, with rows); one asked for by name must be.
    private static List<string> Available(Workspace workspace, CatalogEntry entry, IReadOnlyList<string> asked, bool explicitly)
    {
        var available = EvaluationUnits.AvailableTraits(workspace, entry);
        var missing = asked.FirstOrDefault(a => !available.Contains(a, StringComparer.Ordinal));
        if (explicitly && missing is not null)
        {
            throw new WorkspaceException($"The characteristic '{missing}' of metric '{entry.Definition.Id}' reads a file with no deliveries yet.");
        }

        return [.. asked.Where(a => available.Contains(a, StringComparer.Ordinal))];
    }

    private static string Names(CatalogEntry entry) =>
        entry.Definition.AdjustFor.Count == 0 ? "none" : string.Join(", ", entry.Definition.AdjustFor.Select(t => t.Name));

    // Small cells (1–10 persons or outcomes) and their complements, as on every page.
    private static List<string> Hide(IEnumerable<(string Group, long Persons, long Outcomes)> groups, string dimension)
    {
        var list = groups.ToList();
        var figures = list.Select(g => new Figure(dimension, g.Group, "all", g.Outcomes, g.Persons)).ToList();
        figures.Add(new Figure("all", "all", "all", list.Sum(g => g.Outcomes), list.Sum(g => g.Persons)));
        var shown = SmallCellSuppression.Apply(figures);
        return [.. list.Where((_, i) => shown[i] != Suppression.None).Select(g => g.Group)];
    }

    private static EvaluationRecord Keep(Caller caller, string? licence, EvaluationUnits data, CatalogEntry entry, EvaluationRecord record)
    {
        using var tables = new OperationalTables(caller.Workspace, "");
        tables.Begin();
        var id = tables.NextId("evaluations");
        var kept = record with
        {
            Id = id,
            MetricVersion = entry.Definition.Version,
            Licence = licence,
            AsOf = data.AsOf,
            Deliveries = data.Deliveries,
            LinkRun = data.LinkRun,
            Persons = data.Units.Select(u => u.PersonId).Distinct(StringComparer.Ordinal).Count(),
            Rows = data.Rows,
            RunBy = caller.User.Name,
            RunUtc = tables.Now,
        };
        tables.Execute($"INSERT INTO {tables.Table("evaluations")} (id, kind, metric_id, title, run_by, run_utc, licence, record) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)",
            id, kept.Kind, kept.MetricId, kept.Title, kept.RunBy, kept.RunUtc.ToString("O", CultureInfo.InvariantCulture), licence, ToJson(kept));
        tables.Commit();
        return kept;
    }

    // An estimator's refusal (nothing to compare, too few persons) as the user's error, in its own words.
    private static T Estimating<T>(Func<T> estimate)
    {
        try
        {
            return estimate();
        }
        catch (ArgumentException e)
        {
            throw new WorkspaceException(e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static string Truncate(string value) => value.Length > 20 ? value[..20] + "…" : value;
}
