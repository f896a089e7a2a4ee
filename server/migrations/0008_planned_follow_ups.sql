-- Issue 12, the nurse's day: planned procedures, the follow-up schedule and its history.

CREATE TABLE planned_procedures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  episode_id bigint NOT NULL REFERENCES episodes (id),
  kind text NOT NULL CHECK (kind IN ('mbb', 'ia', 'rfa')),
  intent text NOT NULL CHECK (intent IN ('diagnostic', 'therapeutic')),
  planned_date date NOT NULL,
  levels jsonb NOT NULL,
  side text NOT NULL CHECK (side IN ('left', 'right', 'bilateral')),
  performer_id bigint REFERENCES users (id),
  notes text,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'performed', 'cancelled')),
  procedure_id bigint REFERENCES procedures (id),
  -- Baseline scores taken on the day before the procedure row exists; copied to pain_scores at recording.
  baselines jsonb NOT NULL DEFAULT '[]'::jsonb,
  cancel_reason text,
  cancelled_at timestamptz,
  cancelled_by bigint REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by bigint NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX planned_procedures_day_idx ON planned_procedures (planned_date) WHERE status = 'planned';
CREATE INDEX planned_procedures_episode_idx ON planned_procedures (episode_id);

CREATE TABLE follow_ups (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  procedure_id bigint NOT NULL REFERENCES procedures (id),
  label text NOT NULL,
  due_date date NOT NULL,
  window_days integer NOT NULL CHECK (window_days >= 0),
  kind text NOT NULL CHECK (kind IN ('call', 'visit')),
  status text NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'done', 'missed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL,
  result jsonb,
  done_at timestamptz,
  done_by bigint REFERENCES users (id),
  cancel_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX follow_ups_open_idx ON follow_ups (due_date) WHERE status = 'due';
CREATE INDEX follow_ups_procedure_idx ON follow_ups (procedure_id, due_date);

-- Every change of a follow-up (rescheduled, no answer, done, missed, cancelled): history is never overwritten.
CREATE TABLE follow_up_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  follow_up_id bigint NOT NULL REFERENCES follow_ups (id),
  action text NOT NULL,
  detail text,
  at timestamptz NOT NULL DEFAULT now(),
  by_user bigint REFERENCES users (id)
);
CREATE INDEX follow_up_events_idx ON follow_up_events (follow_up_id, id);

-- A follow-up's NRS results are pain scores of its procedure, marked as from that follow-up.
ALTER TABLE pain_scores ADD COLUMN follow_up_id bigint REFERENCES follow_ups (id);
