-- Practice-wide FHIR bulk exports: one row per job, its progress and the NDJSON files it wrote.
-- The files themselves live on disk (streamed, so memory stays flat); the row says where and how many.

CREATE TABLE export_jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  requested_by bigint NOT NULL REFERENCES users (id),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  total_patients integer NOT NULL DEFAULT 0,
  done_patients integer NOT NULL DEFAULT 0,
  files jsonb NOT NULL DEFAULT '[]'::jsonb,
  error text
);
-- At most one running job: a second start is refused rather than racing for the same files.
CREATE UNIQUE INDEX export_jobs_one_running ON export_jobs ((true)) WHERE status = 'running';
