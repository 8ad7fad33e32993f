CREATE SCHEMA tessera_ops;
CREATE TABLE tessera_ops.data_keys (
    "Source" text NOT NULL,
    "KeyId" integer NOT NULL,
    "Wrapped" bytea NOT NULL,
    "MasterKeyFingerprint" text NOT NULL,
    "CreatedUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_data_keys" PRIMARY KEY ("Source", "KeyId")
);
CREATE TABLE tessera_ops.service_tokens (
    "Name" text NOT NULL,
    "TokenHash" text NOT NULL,
    "Sources" text NOT NULL,
    "CreatedUtc" timestamp with time zone NOT NULL,
    "RevokedUtc" timestamp with time zone,
    CONSTRAINT "PK_service_tokens" PRIMARY KEY ("Name")
);
CREATE TABLE tessera_ops.sources (
    "Name" text NOT NULL,
    "DictionaryName" text NOT NULL,
    "DictionaryYaml" text NOT NULL,
    "DictionaryVersion" integer NOT NULL,
    "Title" text NOT NULL,
    "AddedUtc" timestamp with time zone NOT NULL,
    "KeysDestroyedUtc" timestamp with time zone,
    CONSTRAINT "PK_sources" PRIMARY KEY ("Name")
);
CREATE UNIQUE INDEX "IX_service_tokens_TokenHash" ON tessera_ops.service_tokens ("TokenHash");
CREATE TABLE IF NOT EXISTS tessera_ops.audit_log (
    sequence BIGINT NOT NULL PRIMARY KEY, time_utc TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
    target TEXT NOT NULL, purpose TEXT NOT NULL, origin TEXT NOT NULL, outcome TEXT NOT NULL,
    previous_hash TEXT NOT NULL, hash TEXT NOT NULL);
INSERT INTO tessera_ops.sources ("Name", "DictionaryName", "DictionaryYaml", "DictionaryVersion", "Title", "AddedUtc")
VALUES ('clinic', 'custom', 'source: clinic
files:
  - name: patients
    primary_key: [patient_id]
    fields:
      - { name: patient_id, type: string, required: true }
', 1, 'clinic', '2026-11-02 09:30:00+00');
INSERT INTO tessera_ops.service_tokens ("Name", "TokenHash", "Sources", "CreatedUtc") VALUES ('clinic-sync', 'aabbcc', 'clinic', '2026-11-02 09:31:00+00');
