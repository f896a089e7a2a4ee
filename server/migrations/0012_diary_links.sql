-- The patient's own diary at home (issue 15): one-time links and patient-entered scores.

-- A link opens one procedure's diary. Only the SHA-256 of its token is kept (like sessions), so a
-- copy of the database does not open anyone's diary. Links are revoked, never deleted.
CREATE TABLE diary_links (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  procedure_id bigint NOT NULL REFERENCES procedures (id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by bigint NOT NULL REFERENCES users (id),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_by bigint REFERENCES users (id)
);
CREATE INDEX diary_links_procedure_idx ON diary_links (procedure_id);

-- Who entered a score: staff (recorded_by) or the patient through a link (diary_link_id).
ALTER TABLE pain_scores ADD COLUMN source text NOT NULL DEFAULT 'staff' CHECK (source IN ('staff', 'patient'));
ALTER TABLE pain_scores ADD COLUMN diary_link_id bigint REFERENCES diary_links (id);
ALTER TABLE pain_scores ALTER COLUMN recorded_by DROP NOT NULL;
ALTER TABLE pain_scores ADD CONSTRAINT pain_scores_entered_by CHECK (
  (source = 'staff' AND recorded_by IS NOT NULL) OR (source = 'patient' AND diary_link_id IS NOT NULL)
);

-- Requests to the public diary routes per client address, for rate limiting across server
-- instances (like login_attempts; operational, pruned after a day by services/retention.ts).
CREATE TABLE diary_link_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ip text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  failed boolean NOT NULL DEFAULT false
);
CREATE INDEX diary_link_attempts_ip_idx ON diary_link_attempts (ip, at);
