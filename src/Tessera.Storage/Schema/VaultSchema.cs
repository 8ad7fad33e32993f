namespace Tessera.Storage.Schema;

/// <summary>
/// The vault's schema steps (DuckDB, or PostgreSQL schema <c>tessera</c>): the delivery ledger and
/// quarantine, the person index and the metric runs. The per-source row tables are not here: their
/// columns follow each source's dictionary and are made as deliveries arrive. Step 1 is what every
/// workspace had before versions were recorded, written with <c>IF NOT EXISTS</c> so an older vault
/// adopts it whatever it already has.
/// </summary>
public static class VaultSchema
{
    /// <summary>The history table.</summary>
    public const string History = "tessera.schema_history";

    /// <summary>Every step, in order.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "delivery ledger, quarantine, person index, metric runs", engine =>
        {
            var blob = engine == StoreEngine.PostgreSql ? "BYTEA" : "BLOB";
            var sql = $"""
                CREATE SCHEMA IF NOT EXISTS tessera;
                CREATE SEQUENCE IF NOT EXISTS tessera.delivery_ids START 1;
                CREATE TABLE IF NOT EXISTS tessera.deliveries (
                    id BIGINT NOT NULL, source VARCHAR NOT NULL, period_start DATE, period_end DATE, period_label VARCHAR,
                    content_hash VARCHAR, status VARCHAR NOT NULL, status_reason VARCHAR, superseded_by BIGINT, dictionary VARCHAR,
                    full_refresh BOOLEAN, received_utc TIMESTAMP, rows_read BIGINT, rows_accepted BIGINT, rows_quarantined BIGINT,
                    files VARCHAR, quality_json VARCHAR);
                CREATE TABLE IF NOT EXISTS tessera.quarantine (
                    delivery_id BIGINT NOT NULL, file VARCHAR, row_number BIGINT, column_name VARCHAR, rule VARCHAR,
                    expected VARCHAR, plain_value VARCHAR, sealed_value {blob});
                CREATE SEQUENCE IF NOT EXISTS tessera.link_run_ids START 1;
                CREATE SEQUENCE IF NOT EXISTS tessera.link_decision_ids START 1;
                CREATE TABLE IF NOT EXISTS tessera.link_runs (id BIGINT NOT NULL, started_utc TIMESTAMP NOT NULL, finished_utc TIMESTAMP NOT NULL, operator VARCHAR NOT NULL,
                    records BIGINT NOT NULL, persons BIGINT NOT NULL, issued BIGINT NOT NULL, merged BIGINT NOT NULL, split BIGINT NOT NULL, retired BIGINT NOT NULL,
                    review BIGINT NOT NULL, family_links BIGINT NOT NULL, deliveries VARCHAR NOT NULL, summary_json VARCHAR NOT NULL);
                CREATE TABLE IF NOT EXISTS tessera.person_records (record_key VARCHAR NOT NULL, source VARCHAR NOT NULL, file VARCHAR NOT NULL, source_id VARCHAR NOT NULL, person_id VARCHAR NOT NULL);
                ALTER TABLE tessera.person_records ADD COLUMN IF NOT EXISTS person_key VARCHAR;
                CREATE TABLE IF NOT EXISTS tessera.person_ids (person_id VARCHAR NOT NULL PRIMARY KEY, issued_run BIGINT NOT NULL);
                CREATE TABLE IF NOT EXISTS tessera.person_changes (run_id BIGINT NOT NULL, kind VARCHAR NOT NULL, person_id VARCHAR NOT NULL, other_person_id VARCHAR NOT NULL, records BIGINT NOT NULL, reason VARCHAR NOT NULL);
                CREATE TABLE IF NOT EXISTS tessera.link_decisions (id BIGINT NOT NULL, record_l VARCHAR NOT NULL, record_r VARCHAR NOT NULL, decision VARCHAR NOT NULL, reviewer VARCHAR NOT NULL, decided_utc TIMESTAMP NOT NULL, note VARCHAR NOT NULL);
                CREATE TABLE IF NOT EXISTS tessera.review_queue (run_id BIGINT NOT NULL, item BIGINT NOT NULL, record_l VARCHAR NOT NULL, record_r VARCHAR NOT NULL, person_l VARCHAR NOT NULL, person_r VARCHAR NOT NULL,
                    match_weight DOUBLE PRECISION NOT NULL, match_probability DOUBLE PRECISION NOT NULL, waterfall_json VARCHAR NOT NULL);
                CREATE TABLE IF NOT EXISTS tessera.family_links (person_a VARCHAR NOT NULL, person_b VARCHAR NOT NULL, relation VARCHAR NOT NULL, evidence BIGINT NOT NULL);
                CREATE SEQUENCE IF NOT EXISTS tessera.metric_run_ids START 1;
                CREATE TABLE IF NOT EXISTS tessera.metric_runs (id BIGINT NOT NULL, metric_id VARCHAR NOT NULL, version BIGINT NOT NULL, definition_yaml VARCHAR NOT NULL,
                    as_of DATE NOT NULL, from_date DATE, to_date DATE, deliveries VARCHAR NOT NULL, computed_utc TIMESTAMP NOT NULL, operator VARCHAR NOT NULL, members BIGINT NOT NULL);
                CREATE TABLE IF NOT EXISTS tessera.metric_members (run_id BIGINT NOT NULL, person_id VARCHAR NOT NULL, anchor_date DATE NOT NULL, period_start DATE NOT NULL,
                    g1 VARCHAR, g2 VARCHAR, g3 VARCHAR, g4 VARCHAR, hit BIGINT NOT NULL, amount DOUBLE PRECISION, days BIGINT);
                CREATE TABLE IF NOT EXISTS tessera.metric_results (run_id BIGINT NOT NULL, metric_id VARCHAR NOT NULL, version BIGINT NOT NULL, group_name VARCHAR NOT NULL, group_value VARCHAR NOT NULL,
                    period_start DATE NOT NULL, period_end DATE NOT NULL, numerator BIGINT, denominator BIGINT, value DOUBLE PRECISION);
                """;
            return engine == StoreEngine.PostgreSql ? sql + RowLevelSecurity : sql + "CREATE TABLE IF NOT EXISTS tessera.staging (delivery_id BIGINT NOT NULL);";
        }),
        new(2, "metric runs record the linkage run they read", _ => "ALTER TABLE tessera.metric_runs ADD COLUMN link_run BIGINT;"),
        new(3, "metric members carry their client-mix stratum; counts per stratum for adjustment", _ => """
            ALTER TABLE tessera.metric_members ADD COLUMN stratum VARCHAR;
            CREATE TABLE IF NOT EXISTS tessera.metric_strata (run_id BIGINT NOT NULL, group_name VARCHAR NOT NULL, group_value VARCHAR NOT NULL, period_start DATE NOT NULL,
                stratum VARCHAR NOT NULL, cases BIGINT NOT NULL, hits BIGINT NOT NULL);
            """),
        new(4, "deliveries name the provider that sent them, for sources providers deliver themselves", _ => "ALTER TABLE tessera.deliveries ADD COLUMN provider VARCHAR;"),
    ];

    // PostgreSQL's third layer of row scoping: a scoped transaction sets tessera.scope and sees only those sources' ledger and quarantine rows.
    private const string RowLevelSecurity = """
        ALTER TABLE tessera.deliveries ENABLE ROW LEVEL SECURITY;
        ALTER TABLE tessera.deliveries FORCE ROW LEVEL SECURITY;
        DROP POLICY IF EXISTS tessera_scope ON tessera.deliveries;
        CREATE POLICY tessera_scope ON tessera.deliveries USING (coalesce(current_setting('tessera.scope', true), '') = '' OR source = ANY (string_to_array(current_setting('tessera.scope', true), ',')));
        ALTER TABLE tessera.quarantine ENABLE ROW LEVEL SECURITY;
        ALTER TABLE tessera.quarantine FORCE ROW LEVEL SECURITY;
        DROP POLICY IF EXISTS tessera_scope ON tessera.quarantine;
        CREATE POLICY tessera_scope ON tessera.quarantine USING (coalesce(current_setting('tessera.scope', true), '') = '' OR delivery_id IN (SELECT id FROM tessera.deliveries));
        """;
}
