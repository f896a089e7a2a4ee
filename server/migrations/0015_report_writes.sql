-- Issue 13, reports at 20,000 patients: a dashboard computed from scratch costs a second or more, so
-- services/aggregates/report-cache.ts keeps computed reports and reuses one only while no write to
-- the tables reports read is missing from the snapshot it was computed in. Every writing transaction
-- leaves its id here (one row per transaction: no shared counter row, so writers never wait on each
-- other); a cached report is stale exactly when a row here is not visible in its snapshot.
CREATE TABLE report_writes (
  txid xid8 PRIMARY KEY
);

CREATE FUNCTION report_writes_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_writes (txid) VALUES (pg_current_xact_id()) ON CONFLICT (txid) DO NOTHING;
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['procedures', 'episodes', 'patients', 'pain_scores', 'stage_changes',
    'running_checks', 'follow_ups', 'rule_sets', 'practice_settings']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION report_writes_note()', t || '_report_writes', t);
  END LOOP;
END $$;
-- Users: only a name change shows in a report (performers by name); sign-ins update other columns.
CREATE TRIGGER users_report_writes AFTER UPDATE OF name ON users
  FOR EACH STATEMENT EXECUTE FUNCTION report_writes_note();
