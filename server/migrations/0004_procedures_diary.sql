-- Procedures, the post-block pain diary and signed interpretations.

CREATE TABLE procedures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  episode_id bigint NOT NULL REFERENCES episodes (id),
  kind text NOT NULL CHECK (kind IN ('mbb', 'ia', 'rfa')),
  intent text NOT NULL CHECK (intent IN ('diagnostic', 'therapeutic')),
  sequence integer NOT NULL,
  performed_at timestamptz NOT NULL,
  levels jsonb NOT NULL,
  side text NOT NULL CHECK (side IN ('left', 'right', 'bilateral')),
  anesthetic_agent text NOT NULL,
  anesthetic_concentration_percent numeric(5, 2) NOT NULL,
  anesthetic_volume_ml numeric(5, 2) NOT NULL,
  steroid_name text,
  steroid_dose_mg numeric(6, 2),
  guidance text NOT NULL CHECK (guidance IN ('fluoroscopy', 'ct', 'ultrasound')),
  sedation text NOT NULL CHECK (sedation IN ('none', 'minimal', 'moderate', 'deep')),
  performer_id bigint REFERENCES users (id),
  complications jsonb NOT NULL DEFAULT '[]'::jsonb,
  notes text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by bigint NOT NULL REFERENCES users (id),
  error_reason text,
  error_at timestamptz,
  error_by bigint REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (episode_id, sequence)
);
CREATE INDEX procedures_episode_idx ON procedures (episode_id, performed_at);

CREATE TABLE pain_scores (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  procedure_id bigint NOT NULL REFERENCES procedures (id),
  minutes_after integer NOT NULL,
  describes_at timestamptz NOT NULL,
  score smallint NOT NULL CHECK (score BETWEEN 0 AND 10),
  context text NOT NULL CHECK (context IN ('rest', 'activity')),
  side text CHECK (side IN ('left', 'right')),
  reported_relief_percent smallint CHECK (reported_relief_percent BETWEEN 0 AND 100),
  entered_at timestamptz NOT NULL DEFAULT now(),
  recorded_by bigint NOT NULL REFERENCES users (id),
  error_reason text,
  error_at timestamptz,
  error_by bigint REFERENCES users (id),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX pain_scores_procedure_idx ON pain_scores (procedure_id, minutes_after);

CREATE TABLE interpretations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  procedure_id bigint NOT NULL REFERENCES procedures (id),
  version integer NOT NULL,
  text text NOT NULL,
  verdict text NOT NULL,
  rule_set_id bigint REFERENCES rule_sets (id),
  signed_at timestamptz NOT NULL DEFAULT now(),
  signed_by bigint NOT NULL REFERENCES users (id),
  UNIQUE (procedure_id, version)
);
