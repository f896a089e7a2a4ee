-- Rule sets (domain/rule-sets.ts): built-in rows are written at start-up from the domain data;
-- a practice's edits are new versions, never updates in place.
CREATE TABLE rule_sets (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key text NOT NULL,
  name text NOT NULL,
  version integer NOT NULL,
  built_in boolean NOT NULL DEFAULT false,
  source text,
  settings jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by bigint REFERENCES users (id),
  UNIQUE (key, version)
);

-- Practice-wide settings, one row a key (e.g. the default rule set).
CREATE TABLE practice_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES users (id)
);

ALTER TABLE episodes ADD CONSTRAINT episodes_rule_set_fk FOREIGN KEY (rule_set_id) REFERENCES rule_sets (id);
