CREATE TABLE "data_keys" (
    "Source" TEXT NOT NULL,
    "KeyId" INTEGER NOT NULL,
    "Wrapped" BLOB NOT NULL,
    "MasterKeyFingerprint" TEXT NOT NULL,
    "CreatedUtc" TEXT NOT NULL,
    CONSTRAINT "PK_data_keys" PRIMARY KEY ("Source", "KeyId")
);
CREATE TABLE "service_tokens" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_service_tokens" PRIMARY KEY,
    "TokenHash" TEXT NOT NULL,
    "Sources" TEXT NOT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "RevokedUtc" TEXT NULL
);
CREATE TABLE "sources" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_sources" PRIMARY KEY,
    "DictionaryName" TEXT NOT NULL,
    "DictionaryYaml" TEXT NOT NULL,
    "DictionaryVersion" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "AddedUtc" TEXT NOT NULL,
    "KeysDestroyedUtc" TEXT NULL
);
CREATE UNIQUE INDEX "IX_service_tokens_TokenHash" ON "service_tokens" ("TokenHash");
CREATE TABLE IF NOT EXISTS audit_log (
    sequence BIGINT NOT NULL PRIMARY KEY, time_utc TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
    target TEXT NOT NULL, purpose TEXT NOT NULL, origin TEXT NOT NULL, outcome TEXT NOT NULL,
    previous_hash TEXT NOT NULL, hash TEXT NOT NULL);
INSERT INTO "sources" ("Name", "DictionaryName", "DictionaryYaml", "DictionaryVersion", "Title", "AddedUtc")
VALUES ('clinic', 'custom', 'source: clinic
files:
  - name: patients
    primary_key: [patient_id]
    fields:
      - { name: patient_id, type: string, required: true }
', 1, 'clinic', '2026-11-02 09:30:00');
INSERT INTO "service_tokens" ("Name", "TokenHash", "Sources", "CreatedUtc") VALUES ('clinic-sync', 'aabbcc', 'clinic', '2026-11-02 09:31:00');
