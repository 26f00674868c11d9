-- The append-only, hash-chained audit log. Every column is covered by the entry's hash (see
-- services/audit/README.md, "Canonical encoding").
CREATE TABLE audit_log (
    seq              bigint      NOT NULL PRIMARY KEY,
    appended_at      timestamptz NOT NULL,
    occurred_at      timestamptz,
    kind             text COLLATE "C" NOT NULL,
    household_id     text COLLATE "C",
    actor            text COLLATE "C",
    source_topic     text COLLATE "C",
    source_partition integer,
    source_offset    bigint,
    record_key       text,
    detail           text,
    payload          bytea,
    prev_hash        text        NOT NULL,
    hash             text        NOT NULL,
    -- a Kafka record is appended once, whatever the consumer's restarts and rebalances
    CONSTRAINT audit_log_source_once UNIQUE (source_topic, source_partition, source_offset),
    CONSTRAINT audit_log_source_whole CHECK (
        (source_topic IS NULL) = (source_partition IS NULL)
        AND (source_topic IS NULL) = (source_offset IS NULL)),
    CONSTRAINT audit_log_seq_positive CHECK (seq > 0),
    CONSTRAINT audit_log_hashes_sha256 CHECK (char_length(prev_hash) = 64 AND char_length(hash) = 64)
);

-- keyset paging on seq within each filter. No index on occurred_at: results are ordered by seq,
-- which follows time closely, so a time range is read along the primary key; every index costs
-- appends.
CREATE INDEX audit_log_household ON audit_log (household_id, seq);
CREATE INDEX audit_log_kind ON audit_log (kind, seq);
CREATE INDEX audit_log_actor ON audit_log (actor, seq);

-- The database itself refuses every change but INSERT: a statement-level trigger raises on
-- UPDATE, DELETE and TRUNCATE, whoever runs them (only a superuser or the table owner can
-- disable it, and doing so is what the hash chain and the checkpoints are there to expose).
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'The audit log accepts INSERT only.';
END
$$;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
