-- Patients, episodes of care, stage history, conservative care, function scores, return to running.
-- Clinical rows are never deleted: mistakes are marked entered-in-error with who, when and why.

CREATE TABLE patients (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  mrn text NOT NULL,
  given_name text NOT NULL,
  family_name text NOT NULL,
  birth_date date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
  phone text,
  email text,
  runner boolean NOT NULL DEFAULT false,
  weekly_distance_km numeric(6, 1),
  -- lower-case, accent-free copies for prefix search (domain/patient-facts.ts searchKey)
  search_mrn text NOT NULL,
  search_given text NOT NULL,
  search_family text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by bigint NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX patients_mrn_key ON patients (search_mrn);
CREATE INDEX patients_search_family_idx ON patients (search_family text_pattern_ops);
CREATE INDEX patients_search_given_idx ON patients (search_given text_pattern_ops);

CREATE TABLE episodes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  patient_id bigint NOT NULL REFERENCES patients (id),
  region text NOT NULL CHECK (region IN ('cervical', 'thoracic', 'lumbar')),
  side text NOT NULL CHECK (side IN ('left', 'right', 'bilateral')),
  onset_date date NOT NULL,
  index_pain text NOT NULL,
  signs jsonb NOT NULL DEFAULT '[]'::jsonb,
  causes jsonb NOT NULL DEFAULT '[]'::jsonb,
  baseline_nrs_rest smallint CHECK (baseline_nrs_rest BETWEEN 0 AND 10),
  baseline_nrs_activity smallint CHECK (baseline_nrs_activity BETWEEN 0 AND 10),
  stage text NOT NULL DEFAULT 'intake',
  rule_set_id bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by bigint NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX episodes_patient_idx ON episodes (patient_id, id);
CREATE INDEX episodes_stage_idx ON episodes (stage);

CREATE TABLE stage_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  episode_id bigint NOT NULL REFERENCES episodes (id),
  from_stage text,
  to_stage text NOT NULL,
  reason text,
  at timestamptz NOT NULL DEFAULT now(),
  by_user bigint NOT NULL REFERENCES users (id)
);
CREATE INDEX stage_changes_episode_idx ON stage_changes (episode_id, id);

CREATE TABLE therapies (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  episode_id bigint NOT NULL REFERENCES episodes (id),
  kind text NOT NULL,
  start_date date NOT NULL,
  end_date date CHECK (end_date IS NULL OR end_date >= start_date),
  response text CHECK (response IN ('none', 'partial', 'good')),
  notes text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by bigint NOT NULL REFERENCES users (id),
  error_reason text,
  error_at timestamptz,
  error_by bigint REFERENCES users (id),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX therapies_episode_idx ON therapies (episode_id);

CREATE TABLE function_scores (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  episode_id bigint NOT NULL REFERENCES episodes (id),
  instrument text NOT NULL CHECK (instrument IN ('odi', 'ndi')),
  taken_on date NOT NULL,
  sections jsonb NOT NULL,
  total numeric(5, 1),
  band text,
  answered smallint NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by bigint NOT NULL REFERENCES users (id),
  error_reason text,
  error_at timestamptz,
  error_by bigint REFERENCES users (id),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX function_scores_episode_idx ON function_scores (episode_id);

CREATE TABLE running_checks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  episode_id bigint NOT NULL REFERENCES episodes (id),
  taken_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('yes', 'partial', 'no')),
  weekly_distance_km numeric(6, 1),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by bigint NOT NULL REFERENCES users (id),
  error_reason text,
  error_at timestamptz,
  error_by bigint REFERENCES users (id),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX running_checks_episode_idx ON running_checks (episode_id);
