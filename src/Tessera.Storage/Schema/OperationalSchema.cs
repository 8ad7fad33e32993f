using Tessera.Storage.Metrics;

namespace Tessera.Storage.Schema;

/// <summary>
/// The operational store's schema steps (SQLite or PostgreSQL schema <c>tessera_ops</c>). Step 1 is
/// what every workspace had before versions were recorded, written with <c>IF NOT EXISTS</c> so a
/// workspace of that time — whose tables were created as they were first used — adopts it
/// whatever it already has.
/// </summary>
public static class OperationalSchema
{
    /// <summary>The history table's name (without the PostgreSQL schema).</summary>
    public const string History = "schema_history";

    /// <summary>Every step, in order.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "sources, data keys, service accounts, audit log", engine => engine == StoreEngine.PostgreSql
            ? """
              CREATE SCHEMA IF NOT EXISTS tessera_ops;
              CREATE TABLE IF NOT EXISTS tessera_ops.data_keys (
                  "Source" text NOT NULL, "KeyId" integer NOT NULL, "Wrapped" bytea NOT NULL, "MasterKeyFingerprint" text NOT NULL,
                  "CreatedUtc" timestamp with time zone NOT NULL, CONSTRAINT "PK_data_keys" PRIMARY KEY ("Source", "KeyId"));
              CREATE TABLE IF NOT EXISTS tessera_ops.service_tokens (
                  "Name" text NOT NULL, "TokenHash" text NOT NULL, "Sources" text NOT NULL, "CreatedUtc" timestamp with time zone NOT NULL,
                  "RevokedUtc" timestamp with time zone, CONSTRAINT "PK_service_tokens" PRIMARY KEY ("Name"));
              CREATE TABLE IF NOT EXISTS tessera_ops.sources (
                  "Name" text NOT NULL, "DictionaryName" text NOT NULL, "DictionaryYaml" text NOT NULL, "DictionaryVersion" integer NOT NULL,
                  "Title" text NOT NULL, "AddedUtc" timestamp with time zone NOT NULL, "KeysDestroyedUtc" timestamp with time zone,
                  CONSTRAINT "PK_sources" PRIMARY KEY ("Name"));
              CREATE UNIQUE INDEX IF NOT EXISTS "IX_service_tokens_TokenHash" ON tessera_ops.service_tokens ("TokenHash");
              CREATE TABLE IF NOT EXISTS tessera_ops.audit_log (
                  sequence BIGINT NOT NULL PRIMARY KEY, time_utc TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                  target TEXT NOT NULL, purpose TEXT NOT NULL, origin TEXT NOT NULL, outcome TEXT NOT NULL,
                  previous_hash TEXT NOT NULL, hash TEXT NOT NULL);
              """
            : """
              CREATE TABLE IF NOT EXISTS "data_keys" (
                  "Source" TEXT NOT NULL, "KeyId" INTEGER NOT NULL, "Wrapped" BLOB NOT NULL, "MasterKeyFingerprint" TEXT NOT NULL,
                  "CreatedUtc" TEXT NOT NULL, CONSTRAINT "PK_data_keys" PRIMARY KEY ("Source", "KeyId"));
              CREATE TABLE IF NOT EXISTS "service_tokens" (
                  "Name" TEXT NOT NULL CONSTRAINT "PK_service_tokens" PRIMARY KEY, "TokenHash" TEXT NOT NULL, "Sources" TEXT NOT NULL,
                  "CreatedUtc" TEXT NOT NULL, "RevokedUtc" TEXT NULL);
              CREATE TABLE IF NOT EXISTS "sources" (
                  "Name" TEXT NOT NULL CONSTRAINT "PK_sources" PRIMARY KEY, "DictionaryName" TEXT NOT NULL, "DictionaryYaml" TEXT NOT NULL,
                  "DictionaryVersion" INTEGER NOT NULL, "Title" TEXT NOT NULL, "AddedUtc" TEXT NOT NULL, "KeysDestroyedUtc" TEXT NULL);
              CREATE UNIQUE INDEX IF NOT EXISTS "IX_service_tokens_TokenHash" ON "service_tokens" ("TokenHash");
              CREATE TABLE IF NOT EXISTS audit_log (
                  sequence BIGINT NOT NULL PRIMARY KEY, time_utc TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                  target TEXT NOT NULL, purpose TEXT NOT NULL, origin TEXT NOT NULL, outcome TEXT NOT NULL,
                  previous_hash TEXT NOT NULL, hash TEXT NOT NULL);
              """),
        new(2, "web sessions and the web app's sealed keys", engine => Prefixed(engine, """
            CREATE TABLE IF NOT EXISTS {ops}sessions (
                id_hash TEXT NOT NULL PRIMARY KEY, actor TEXT NOT NULL, role TEXT NOT NULL, kind TEXT NOT NULL,
                started_utc TEXT NOT NULL, ended_utc TEXT NULL, end_reason TEXT NULL);
            CREATE TABLE IF NOT EXISTS {ops}web_keys (name TEXT NOT NULL PRIMARY KEY, xml TEXT NOT NULL, created_utc TEXT NOT NULL);
            """)),
        new(3, "programs, providers and the provider crosswalk, with their history", engine => Prefixed(engine, """
            CREATE TABLE {ops}programs (id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, created_utc TEXT NOT NULL);
            CREATE TABLE {ops}providers (
                id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, type TEXT NULL, program_id TEXT NOT NULL REFERENCES {ops}programs (id),
                agencies TEXT NOT NULL, version INTEGER NOT NULL, updated_utc TEXT NOT NULL, updated_by TEXT NOT NULL);
            CREATE TABLE {ops}provider_identifiers (
                source TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, provider_id TEXT NOT NULL REFERENCES {ops}providers (id),
                PRIMARY KEY (source, field, value));
            CREATE TABLE {ops}registry_history (
                kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, content TEXT NOT NULL, changed_utc TEXT NOT NULL, changed_by TEXT NOT NULL, reason TEXT NOT NULL,
                PRIMARY KEY (kind, id, version));
            """)),
        new(4, "contracts, their metrics and targets", engine => Prefixed(engine, """
            CREATE TABLE {ops}contracts (
                id TEXT NOT NULL PRIMARY KEY, agency TEXT NOT NULL, provider_id TEXT NOT NULL REFERENCES {ops}providers (id),
                program_id TEXT NOT NULL REFERENCES {ops}programs (id), start_date TEXT NOT NULL, end_date TEXT NOT NULL,
                value TEXT NULL, funding_source TEXT NULL, stage TEXT NOT NULL, population TEXT NULL,
                version INTEGER NOT NULL, updated_utc TEXT NOT NULL, updated_by TEXT NOT NULL);
            CREATE TABLE {ops}contract_metrics (
                contract_id TEXT NOT NULL REFERENCES {ops}contracts (id), position INTEGER NOT NULL, metric_id TEXT NOT NULL, measure_type TEXT NOT NULL,
                watch TEXT NOT NULL, best_practice TEXT NULL, best_practice_citation TEXT NULL,
                PRIMARY KEY (contract_id, metric_id));
            CREATE TABLE {ops}contract_targets (
                contract_id TEXT NOT NULL, metric_id TEXT NOT NULL, from_date TEXT NOT NULL, target TEXT NOT NULL,
                proposed_by TEXT NULL, agreed_on TEXT NULL, reason TEXT NULL,
                PRIMARY KEY (contract_id, metric_id, from_date),
                FOREIGN KEY (contract_id, metric_id) REFERENCES {ops}contract_metrics (contract_id, metric_id));
            """)),
        new(5, "published metric runs and results, filled from the vault's runs", engine => Prefixed(engine, """
            CREATE TABLE {ops}metric_runs (
                id BIGINT NOT NULL PRIMARY KEY, metric_id TEXT NOT NULL, version INTEGER NOT NULL, definition_yaml TEXT NOT NULL,
                as_of TEXT NOT NULL, from_date TEXT NULL, to_date TEXT NULL, deliveries TEXT NOT NULL, link_run BIGINT NULL,
                computed_utc TEXT NOT NULL, operator TEXT NOT NULL, members BIGINT NOT NULL, published_utc TEXT NOT NULL);
            CREATE INDEX ix_metric_runs_metric ON {ops}metric_runs (metric_id, id);
            CREATE TABLE {ops}metric_results (
                run_id BIGINT NOT NULL REFERENCES {ops}metric_runs (id), group_name TEXT NOT NULL, group_value TEXT NOT NULL,
                period_start TEXT NOT NULL, period_end TEXT NOT NULL, numerator BIGINT NULL, denominator BIGINT NULL, value DOUBLE PRECISION NULL,
                suppression TEXT NOT NULL,
                PRIMARY KEY (run_id, group_name, period_start, group_value));
            """), step => MetricPublication.CatchUp(step.Workspace, step.Connection, step.Transaction, step.Engine, strata: false)),
        new(6, "service accounts with a role (contract managers' and providers' BI tools), not only data partners", engine => engine == StoreEngine.PostgreSql
            ? "ALTER TABLE tessera_ops.service_tokens ADD COLUMN \"Role\" text NOT NULL DEFAULT 'DataPartner';"
            : "ALTER TABLE \"service_tokens\" ADD COLUMN \"Role\" TEXT NOT NULL DEFAULT 'DataPartner';"),
        new(7, "contracts' payment terms (base, withhold, outcome rates, bonuses, caps and floors)", engine => Prefixed(engine, """
            ALTER TABLE {ops}contracts ADD COLUMN payments TEXT NULL;
            """)),
        new(8, "payment statements, their lines and the metric runs they pin", engine => Prefixed(engine, """
            CREATE TABLE {ops}payment_statements (
                id BIGINT NOT NULL PRIMARY KEY, contract_id TEXT NOT NULL, contract_version INTEGER NOT NULL,
                period TEXT NOT NULL, period_start TEXT NOT NULL, period_end TEXT NOT NULL, status TEXT NOT NULL, total TEXT NOT NULL,
                prepared_by TEXT NOT NULL, prepared_utc TEXT NOT NULL, approved_by TEXT NULL, approved_utc TEXT NULL);
            CREATE INDEX ix_payment_statements_contract ON {ops}payment_statements (contract_id, period_start);
            CREATE TABLE {ops}statement_lines (
                statement_id BIGINT NOT NULL REFERENCES {ops}payment_statements (id), line INTEGER NOT NULL, kind TEXT NOT NULL, metric TEXT NULL,
                period_start TEXT NOT NULL, period_end TEXT NOT NULL, count BIGINT NULL, rate TEXT NULL, amount TEXT NOT NULL,
                metric_run BIGINT NULL, note TEXT NOT NULL,
                PRIMARY KEY (statement_id, line));
            CREATE TABLE {ops}statement_runs (
                statement_id BIGINT NOT NULL REFERENCES {ops}payment_statements (id), metric_id TEXT NOT NULL, run_id BIGINT NOT NULL,
                version INTEGER NOT NULL, deliveries TEXT NOT NULL,
                PRIMARY KEY (statement_id, metric_id));
            """)),
        new(9, "active contract management: alerts, action items, meetings and their notes, roadmaps, frontline reports", engine => Prefixed(engine, """
            CREATE TABLE {ops}acm_alerts (
                id BIGINT NOT NULL PRIMARY KEY, contract_id TEXT NOT NULL, metric_id TEXT NOT NULL, period_start TEXT NOT NULL, rule TEXT NOT NULL,
                raised_utc TEXT NOT NULL, status TEXT NOT NULL, note TEXT NULL, updated_by TEXT NULL, updated_utc TEXT NULL,
                UNIQUE (contract_id, metric_id, period_start, rule));
            CREATE TABLE {ops}acm_action_items (
                id BIGINT NOT NULL PRIMARY KEY, title TEXT NOT NULL, owner TEXT NOT NULL, due_on TEXT NOT NULL, program_id TEXT NOT NULL,
                contract_id TEXT NULL, metric_id TEXT NULL, alert_id BIGINT NULL, report_id BIGINT NULL, meeting_id BIGINT NULL,
                created_on TEXT NOT NULL, created_by TEXT NOT NULL, closed_on TEXT NULL, closed_by TEXT NULL, lesson TEXT NULL);
            CREATE TABLE {ops}acm_meetings (
                id BIGINT NOT NULL PRIMARY KEY, kind TEXT NOT NULL, program_id TEXT NOT NULL, contract_id TEXT NULL, held_on TEXT NOT NULL, title TEXT NOT NULL,
                attendees TEXT NOT NULL, minutes TEXT NOT NULL, decisions TEXT NOT NULL, created_by TEXT NOT NULL, updated_utc TEXT NOT NULL);
            CREATE TABLE {ops}acm_meeting_notes (
                meeting_id BIGINT NOT NULL REFERENCES {ops}acm_meetings (id), position INTEGER NOT NULL, subject TEXT NOT NULL, note TEXT NOT NULL, author TEXT NOT NULL,
                PRIMARY KEY (meeting_id, position));
            CREATE TABLE {ops}acm_roadmap (
                program_id TEXT NOT NULL, month TEXT NOT NULL, topic TEXT NOT NULL, questions TEXT NULL, updated_by TEXT NOT NULL, updated_utc TEXT NOT NULL,
                PRIMARY KEY (program_id, month));
            CREATE TABLE {ops}acm_reports (
                id BIGINT NOT NULL PRIMARY KEY, provider_id TEXT NOT NULL, category TEXT NOT NULL, text TEXT NOT NULL, filed_on TEXT NOT NULL, filed_by TEXT NOT NULL,
                action_item_id BIGINT NULL);
            """)),
        new(10, "published cases and hits per client-mix stratum, for adjusted rates", engine => Prefixed(engine, """
            CREATE TABLE {ops}metric_strata (
                run_id BIGINT NOT NULL REFERENCES {ops}metric_runs (id), group_name TEXT NOT NULL, group_value TEXT NOT NULL, period_start TEXT NOT NULL,
                stratum TEXT NOT NULL, cases BIGINT NOT NULL, hits BIGINT NOT NULL,
                PRIMARY KEY (run_id, group_name, group_value, period_start, stratum));
            """)),
        new(11, "the recomputation queue: metrics to compute again because a delivery they read was accepted", engine => Prefixed(engine, """
            CREATE TABLE {ops}metric_queue (
                id BIGINT NOT NULL PRIMARY KEY, metric_id TEXT NOT NULL, reason TEXT NOT NULL, queued_utc TEXT NOT NULL,
                started_utc TEXT NULL, finished_utc TEXT NULL, status TEXT NOT NULL, run_id BIGINT NULL, error TEXT NULL);
            CREATE INDEX ix_metric_queue_status ON {ops}metric_queue (status, id);
            """)),
        new(12, "progress notes on action items, by the agency and by the provider's staff", engine => Prefixed(engine, """
            CREATE TABLE {ops}acm_action_item_updates (
                item_id BIGINT NOT NULL REFERENCES {ops}acm_action_items (id), position INTEGER NOT NULL, written_utc TEXT NOT NULL,
                author TEXT NOT NULL, text TEXT NOT NULL,
                PRIMARY KEY (item_id, position));
            """)),
        new(13, "agreements (eMOU, data sharing agreements, data use licences), their approvals by version, consultations and revocations", engine => Prefixed(engine, """
            CREATE TABLE {ops}agreements (
                id TEXT NOT NULL PRIMARY KEY, kind TEXT NOT NULL, version INTEGER NOT NULL, definition TEXT NOT NULL, imported_by TEXT NOT NULL, imported_utc TEXT NOT NULL,
                consulted_on TEXT NULL, consulted_by TEXT NULL, revoked_on TEXT NULL, revoked_by TEXT NULL);
            CREATE TABLE {ops}agreement_approvals (
                agreement_id TEXT NOT NULL REFERENCES {ops}agreements (id), version INTEGER NOT NULL, party TEXT NOT NULL, approved_on TEXT NOT NULL, approved_by TEXT NOT NULL,
                PRIMARY KEY (agreement_id, version, party));
            """)),
        new(14, "releases built under data use licences (their manifests and sealed keys), and the privacy budget ledger and stored answers of differentially private results", engine => Prefixed(engine, """
            CREATE TABLE {ops}releases (
                id BIGINT NOT NULL PRIMARY KEY, dul_id TEXT NOT NULL, dul_version INTEGER NOT NULL, level TEXT NOT NULL, built_by TEXT NOT NULL, built_utc TEXT NOT NULL,
                manifest TEXT NOT NULL, sealed_key TEXT NOT NULL, downloaded_by TEXT NULL, downloaded_utc TEXT NULL);
            CREATE TABLE {ops}privacy_budgets (
                data_set TEXT NOT NULL PRIMARY KEY, epsilon_total TEXT NOT NULL, epsilon_spent TEXT NOT NULL, updated_utc TEXT NOT NULL);
            CREATE TABLE {ops}privacy_answers (
                data_set TEXT NOT NULL, query TEXT NOT NULL, epsilon TEXT NOT NULL, answer TEXT NOT NULL, answered_by TEXT NOT NULL, answered_utc TEXT NOT NULL,
                PRIMARY KEY (data_set, query));
            """)),
        new(15, "evaluations: each analysis's reproducible record (metric and its version, data, parameters, seed) and its result", engine => Prefixed(engine, """
            CREATE TABLE {ops}evaluations (
                id BIGINT NOT NULL PRIMARY KEY, kind TEXT NOT NULL, metric_id TEXT NOT NULL, title TEXT NOT NULL, run_by TEXT NOT NULL, run_utc TEXT NOT NULL,
                licence TEXT NULL, record TEXT NOT NULL);
            """)),
        new(16, "planning: rapid assessments (participants, sessions, answers, agreed levels), the contract inventory with its ratings and weights, and the service overlap worked out per link run", engine => Prefixed(engine, """
            CREATE TABLE {ops}plan_assessments (
                id BIGINT NOT NULL PRIMARY KEY, agency TEXT NOT NULL, title TEXT NOT NULL, facilitator TEXT NOT NULL, created_by TEXT NOT NULL, created_utc TEXT NOT NULL);
            CREATE TABLE {ops}plan_participants (
                assessment_id BIGINT NOT NULL REFERENCES {ops}plan_assessments (id), name TEXT NOT NULL, team TEXT NOT NULL,
                PRIMARY KEY (assessment_id, name));
            CREATE TABLE {ops}plan_sessions (
                assessment_id BIGINT NOT NULL REFERENCES {ops}plan_assessments (id), position INTEGER NOT NULL, title TEXT NOT NULL, hours INTEGER NOT NULL,
                held_on TEXT NULL, agenda TEXT NOT NULL, notes TEXT NULL,
                PRIMARY KEY (assessment_id, position));
            CREATE TABLE {ops}plan_answers (
                assessment_id BIGINT NOT NULL REFERENCES {ops}plan_assessments (id), participant TEXT NOT NULL, question TEXT NOT NULL, level INTEGER NOT NULL,
                evidence TEXT NULL, recorded_by TEXT NOT NULL, recorded_utc TEXT NOT NULL,
                PRIMARY KEY (assessment_id, participant, question));
            CREATE TABLE {ops}plan_agreed (
                assessment_id BIGINT NOT NULL REFERENCES {ops}plan_assessments (id), question TEXT NOT NULL, level INTEGER NOT NULL, note TEXT NULL,
                agreed_by TEXT NOT NULL, agreed_utc TEXT NOT NULL,
                PRIMARY KEY (assessment_id, question));
            CREATE TABLE {ops}plan_inventory (
                assessment_id BIGINT NOT NULL REFERENCES {ops}plan_assessments (id), id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, program_id TEXT NOT NULL,
                annual_value TEXT NOT NULL, key_date TEXT NULL, population TEXT NULL, outcome_data TEXT NULL, current_performance TEXT NULL, ratings TEXT NOT NULL,
                contract_id TEXT NULL, updated_by TEXT NOT NULL, updated_utc TEXT NOT NULL,
                PRIMARY KEY (assessment_id, id));
            CREATE TABLE {ops}plan_weights (
                assessment_id BIGINT NOT NULL REFERENCES {ops}plan_assessments (id), criterion TEXT NOT NULL, weight TEXT NOT NULL,
                PRIMARY KEY (assessment_id, criterion));
            CREATE TABLE {ops}plan_overlap (
                link_run BIGINT NOT NULL, last_delivery BIGINT NOT NULL, window_from TEXT NOT NULL, window_to TEXT NOT NULL, computed_utc TEXT NOT NULL, persons TEXT NOT NULL,
                PRIMARY KEY (link_run, last_delivery, window_from, window_to));
            """)),
        new(17, "planning: the service overlap by ZIP code and by group, and utilisation by program and month, worked out per link run", engine => Prefixed(engine, """
            CREATE TABLE {ops}plan_figures (
                kind TEXT NOT NULL, link_run BIGINT NOT NULL, last_delivery BIGINT NOT NULL, window_from TEXT NOT NULL, window_to TEXT NOT NULL,
                computed_utc TEXT NOT NULL, figures TEXT NOT NULL,
                PRIMARY KEY (kind, link_run, last_delivery, window_from, window_to));
            """)),
    ];

    /// <summary><paramref name="sql"/> with <c>{ops}</c> replaced by the engine's schema prefix.</summary>
    private static string Prefixed(StoreEngine engine, string sql) =>
        sql.Replace("{ops}", engine == StoreEngine.PostgreSql ? "tessera_ops." : "", StringComparison.Ordinal);
}
