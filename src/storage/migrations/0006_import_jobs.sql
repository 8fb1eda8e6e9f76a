-- Import jobs: a file uploaded over HTTP is imported in the background; its job reports where
-- it stands. Jobs belong to the uploading agency: its users see them, nobody else does.

CREATE TABLE puente.import_job (
  id uuid PRIMARY KEY,
  agency text NOT NULL REFERENCES puente.agency(code),
  created_by uuid NOT NULL REFERENCES puente.app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  file_name text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  options jsonb NOT NULL,
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'running', 'completed', 'failed')),
  started_at timestamptz,
  finished_at timestamptz,
  summary jsonb,
  -- Why it failed, as a problem code and its parameters (translated when shown).
  problem jsonb,
  -- The first rejected rows (line, problem, raw), kept with the job as its reject file.
  rejects jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX import_job_agency ON puente.import_job (agency, id);

ALTER TABLE puente.import_job ENABLE ROW LEVEL SECURITY;
ALTER TABLE puente.import_job FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON puente.import_job TO puente_app;
GRANT UPDATE (status, started_at, finished_at, summary, problem, rejects) ON puente.import_job
  TO puente_app;
CREATE POLICY agency_jobs ON puente.import_job FOR ALL TO puente_app
  USING (agency = (SELECT puente.viewer_agency()))
  WITH CHECK (agency = (SELECT puente.viewer_agency()) AND created_by = (SELECT puente.viewer_user()));
