-- Issue 13, reports at 20,000 patients: the dashboard and outcomes read every diagnostic block's
-- series, and grouping ~1,000,000 pain scores per request took seconds (EXPLAIN: an external merge
-- sort of every score). Each procedure's valid scores are summarised per series (context x side)
-- here, kept current by statement triggers on pain_scores, so a report reads one row per series.
-- The reading itself (peak relief, verdict) still happens in domain/ under each rule set.
CREATE TABLE procedure_score_series (
  procedure_id bigint NOT NULL REFERENCES procedures (id),
  context text NOT NULL,
  -- '' = not sided (both sides); 'left' / 'right' for a bilateral block's per-side series.
  side text NOT NULL,
  -- The latest valid score at or before the procedure (minutes_after <= 0), null when none.
  baseline smallint,
  -- Every valid score after the procedure in time order (minutes_after, then id): parallel arrays.
  minutes integer[] NOT NULL,
  scores smallint[] NOT NULL,
  reported smallint[] NOT NULL,
  -- Running lowest score and highest reported relief up to each element, so the peak in any
  -- anesthetic phase is one lookup: running_lowest[width_bucket(phase, minutes)].
  running_lowest smallint[] NOT NULL,
  running_reported smallint[] NOT NULL,
  PRIMARY KEY (procedure_id, context, side)
);

CREATE FUNCTION procedure_score_series_of(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM procedure_score_series WHERE procedure_id = ANY (ids);
  INSERT INTO procedure_score_series (procedure_id, context, side, baseline, minutes, scores, reported, running_lowest, running_reported)
  SELECT procedure_id, context, side,
    (array_agg(score ORDER BY minutes_after DESC, id DESC) FILTER (WHERE minutes_after <= 0))[1],
    coalesce(array_agg(minutes_after ORDER BY minutes_after, id) FILTER (WHERE minutes_after > 0), '{}'),
    coalesce(array_agg(score ORDER BY minutes_after, id) FILTER (WHERE minutes_after > 0), '{}'),
    coalesce(array_agg(reported_relief_percent ORDER BY minutes_after, id) FILTER (WHERE minutes_after > 0), '{}'),
    coalesce(array_agg(low ORDER BY minutes_after, id) FILTER (WHERE minutes_after > 0), '{}'),
    coalesce(array_agg(rep ORDER BY minutes_after, id) FILTER (WHERE minutes_after > 0), '{}')
  FROM (
    SELECT s.id, s.procedure_id, s.context, coalesce(s.side, '') AS side, s.minutes_after, s.score, s.reported_relief_percent,
      min(s.score) FILTER (WHERE s.minutes_after > 0) OVER w AS low,
      max(s.reported_relief_percent) FILTER (WHERE s.minutes_after > 0) OVER w AS rep
    FROM pain_scores s
    WHERE s.procedure_id = ANY (ids) AND s.error_at IS NULL
    WINDOW w AS (PARTITION BY s.procedure_id, s.context, coalesce(s.side, '') ORDER BY s.minutes_after, s.id ROWS UNBOUNDED PRECEDING)
  ) x
  GROUP BY 1, 2, 3
  ON CONFLICT (procedure_id, context, side) DO UPDATE SET baseline = excluded.baseline,
    minutes = excluded.minutes, scores = excluded.scores, reported = excluded.reported,
    running_lowest = excluded.running_lowest, running_reported = excluded.running_reported;
END $$;

-- Statement-level with transition tables: a bulk insert of a million scores refreshes each
-- procedure once, not once per row. Scores are never deleted (corrections mark error_at).
CREATE FUNCTION pain_scores_refresh_series() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM procedure_score_series_of(ARRAY(SELECT DISTINCT procedure_id FROM changed_scores));
  RETURN NULL;
END $$;
CREATE TRIGGER pain_scores_series_insert AFTER INSERT ON pain_scores
  REFERENCING NEW TABLE AS changed_scores FOR EACH STATEMENT EXECUTE FUNCTION pain_scores_refresh_series();
CREATE TRIGGER pain_scores_series_update AFTER UPDATE ON pain_scores
  REFERENCING NEW TABLE AS changed_scores FOR EACH STATEMENT EXECUTE FUNCTION pain_scores_refresh_series();

SELECT procedure_score_series_of(ARRAY(SELECT DISTINCT procedure_id FROM pain_scores));

-- Cohort filters: procedures by kind and date (every report), first MBB / RFA per episode, patient.
CREATE INDEX procedures_kind_performed_idx ON procedures (kind, performed_at) WHERE error_at IS NULL;
CREATE INDEX procedures_episode_kind_idx ON procedures (episode_id, kind, performed_at) WHERE error_at IS NULL;
CREATE INDEX stage_changes_at_idx ON stage_changes (at);
CREATE INDEX running_checks_episode_taken_idx ON running_checks (episode_id, taken_on) WHERE error_at IS NULL;
-- Follow-up completion per provider: follow-ups that came due in the range.
CREATE INDEX follow_ups_due_idx ON follow_ups (due_date);
