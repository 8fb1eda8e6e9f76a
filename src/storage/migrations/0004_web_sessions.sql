-- Browser sessions: a user signs in with an API token and gets a session cookie. Only the
-- SHA-256 of the session secret is stored. A session acts through its token: revoking the token,
-- letting it expire or disabling the user ends the session too.
-- Runs on PostgreSQL 15+ and PGlite: no PG16+ syntax, no extensions.

CREATE TABLE puente.web_session (
  id uuid PRIMARY KEY,
  secret_hash bytea NOT NULL UNIQUE,
  token_id uuid NOT NULL REFERENCES puente.api_token(id),
  user_id uuid NOT NULL REFERENCES puente.app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz
);
CREATE INDEX web_session_token ON puente.web_session (token_id);

-- A viewer opens and ends only their own sessions, and opens one only with their own token;
-- nobody reads secret hashes but resume_session().
ALTER TABLE puente.web_session ENABLE ROW LEVEL SECURITY;
ALTER TABLE puente.web_session FORCE ROW LEVEL SECURITY;
GRANT SELECT (id, token_id, user_id, created_at, last_seen_at, ended_at),
  INSERT (id, secret_hash, token_id, user_id), UPDATE (ended_at)
  ON puente.web_session TO puente_app;
CREATE POLICY own_sessions ON puente.web_session FOR ALL TO puente_app
  USING (user_id = puente.viewer_user())
  WITH CHECK (user_id = puente.viewer_user() AND EXISTS (
    SELECT 1 FROM puente.api_token t WHERE t.id = token_id AND t.user_id = puente.viewer_user()));

-- Resolves a session secret's hash to its viewer, like authenticate() does for a token, and
-- notes the activity. Idle or too old sessions answer nothing. last_seen_at is written at most
-- every few seconds so that a busy page does not turn every read into a write.
CREATE FUNCTION puente.resume_session(p_hash bytea, p_idle_seconds integer, p_max_seconds integer)
RETURNS TABLE (session_id uuid, token_id uuid, user_id uuid, user_name text, agency text,
  country text, role text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = puente, pg_catalog AS $$
DECLARE
  s puente.web_session%ROWTYPE;
BEGIN
  SELECT w.* INTO s FROM puente.web_session w
  WHERE w.secret_hash = p_hash AND w.ended_at IS NULL
    AND w.last_seen_at > now() - make_interval(secs => p_idle_seconds)
    AND w.created_at > now() - make_interval(secs => p_max_seconds);
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF s.last_seen_at < now() - make_interval(secs => least(15, p_idle_seconds / 4.0)) THEN
    UPDATE puente.web_session w SET last_seen_at = now() WHERE w.id = s.id;
  END IF;
  RETURN QUERY
  SELECT s.id, t.id, u.id, u.name, u.agency, a.country, u.role
  FROM puente.api_token t
  JOIN puente.app_user u ON u.id = t.user_id
  JOIN puente.agency a ON a.code = u.agency
  WHERE t.id = s.token_id AND t.revoked_at IS NULL AND u.disabled_at IS NULL
    AND (t.expires_at IS NULL OR t.expires_at > now());
END $$;
REVOKE ALL ON FUNCTION puente.resume_session(bytea, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION puente.resume_session(bytea, integer, integer) TO puente_app;
