-- Audit trail without a global lock (docs/adr/0006-audit-sealed-after-commit.md).
-- Requests append events with no hash and no lock; a sealer chains them afterwards, in the order of
-- the transactions that wrote them, into audit_seals. The xid column says which transaction wrote a
-- row, so the sealer can take only rows whose transaction can no longer commit.
ALTER TABLE audit_events ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX audit_events_xid_idx ON audit_events (xid, id);
-- Hashes now live in audit_seals. Rows written before this migration keep their old chain values,
-- and are sealed into the new chain like every other row.
ALTER TABLE audit_events ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL;

-- One row per sealed event, in chain order (seq). hash covers the previous hash and every field of
-- the event; mac is an HMAC of seq and hash with a key the database does not hold, so history
-- rewritten with recomputed hashes no longer matches.
CREATE TABLE audit_seals (
  seq bigint PRIMARY KEY,
  event_id bigint NOT NULL UNIQUE,
  event_xid xid8 NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  mac text NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now()
);

-- Positions an incremental verify starts from: the chain was intact up to seq when checked.
CREATE TABLE audit_checkpoints (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  seq bigint NOT NULL,
  hash text NOT NULL,
  mac text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER audit_seals_no_change BEFORE UPDATE OR DELETE ON audit_seals
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_checkpoints_no_change BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
