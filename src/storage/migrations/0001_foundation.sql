-- Foundation: identity, records and links with their version history, the search term index,
-- row-level security for every viewer-facing table, and the hash-chained audit log.
-- Runs on PostgreSQL 15+ and PGlite: no PG16+ syntax, no extensions.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'puente_app') THEN
    CREATE ROLE puente_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;

CREATE SCHEMA puente;
GRANT USAGE ON SCHEMA puente TO puente_app;

-- The viewer of the current transaction, set by the application with set_config(..., true).
-- Keys are '*' (any partner), 'c:<country>', 'a:<agency>' and 'u:<user id>'; unset means nobody.
CREATE FUNCTION puente.viewer_keys() RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT string_to_array(nullif(current_setting('puente.viewer_keys', true), ''), ',')
$$;
CREATE FUNCTION puente.viewer_agency() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('puente.agency', true), '')
$$;
CREATE FUNCTION puente.viewer_user() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('puente.user', true), '')::uuid
$$;
CREATE FUNCTION puente.viewer_role() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('puente.role', true), '')
$$;

-- Identity ---------------------------------------------------------------------------------

CREATE TABLE puente.agency (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{1,31}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE puente.app_user (
  id uuid PRIMARY KEY,
  agency text NOT NULL REFERENCES puente.agency(code),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email text,
  role text NOT NULL CHECK (role IN ('analyst', 'supervisor', 'liaison', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);
CREATE UNIQUE INDEX app_user_email ON puente.app_user (lower(email)) WHERE email IS NOT NULL;

CREATE TABLE puente.api_token (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES puente.app_user(id),
  token_hash bytea NOT NULL UNIQUE,
  label text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz
);

-- Records ----------------------------------------------------------------------------------
-- Every change is a row in record_version (append-only); record holds the current head and is
-- maintained only by the trigger below. Marking columns:
--   rel_to      '{*}' when unrestricted, else 'c:<country>' / 'a:<agency>' keys (releasability)
--   recipients  'a:<agency>' (AMBER+STRICT) or 'u:<user>' (RED) keys
-- owner_key and audience are derived so that the policy is three array tests.

CREATE TABLE puente.record_version (
  record_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  schema text NOT NULL,
  agency text NOT NULL REFERENCES puente.agency(code),
  created_by uuid NOT NULL REFERENCES puente.app_user(id),
  changed_by uuid NOT NULL REFERENCES puente.app_user(id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  change text NOT NULL CHECK (change IN ('create', 'update', 'remark', 'retract')),
  source_ref text,
  properties jsonb NOT NULL,
  marking text NOT NULL CHECK (marking IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  rel_to text[] NOT NULL CHECK (cardinality(rel_to) >= 1),
  recipients text[] NOT NULL DEFAULT '{}',
  retracted boolean NOT NULL DEFAULT false,
  caption text NOT NULL DEFAULT '',
  event_date date,
  countries text[] NOT NULL DEFAULT '{}',
  terms text[] NOT NULL DEFAULT '{}',
  owner_key text GENERATED ALWAYS AS (
    CASE WHEN marking = 'RED' THEN 'u:' || created_by::text ELSE 'a:' || agency END
  ) STORED,
  audience text[] GENERATED ALWAYS AS (
    CASE WHEN marking IN ('AMBER+STRICT', 'RED') THEN recipients ELSE ARRAY['*'] END
  ) STORED,
  PRIMARY KEY (record_id, version)
);

CREATE TABLE puente.record (
  id uuid PRIMARY KEY,
  version integer NOT NULL,
  schema text NOT NULL,
  agency text NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  changed_by uuid NOT NULL,
  changed_at timestamptz NOT NULL,
  source_ref text,
  properties jsonb NOT NULL,
  marking text NOT NULL,
  rel_to text[] NOT NULL,
  recipients text[] NOT NULL,
  retracted boolean NOT NULL,
  caption text NOT NULL,
  event_date date,
  countries text[] NOT NULL,
  owner_key text NOT NULL,
  audience text[] NOT NULL
);
CREATE INDEX record_schema_id ON puente.record (schema, id);
CREATE INDEX record_agency_id ON puente.record (agency, id);
CREATE INDEX record_event_date ON puente.record (event_date, id);
CREATE UNIQUE INDEX record_source_ref ON puente.record (agency, source_ref) WHERE source_ref IS NOT NULL;

-- Search terms of current, non-retracted heads; term comparisons are leakproof, so this index
-- stays usable under row-level security (tsvector @@ is not leakproof and would force a scan).
-- The key columns are included so the policy is checked from the index alone.
CREATE TABLE puente.record_term (
  term text COLLATE "C" NOT NULL,
  record_id uuid NOT NULL,
  owner_key text NOT NULL,
  rel_to text[] NOT NULL,
  audience text[] NOT NULL,
  PRIMARY KEY (term, record_id) INCLUDE (owner_key, rel_to, audience)
);
CREATE INDEX record_term_record ON puente.record_term (record_id);

-- Links --------------------------------------------------------------------------------------

CREATE TABLE puente.link_version (
  link_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  link_type text NOT NULL,
  source_id uuid NOT NULL,
  target_id uuid NOT NULL,
  agency text NOT NULL REFERENCES puente.agency(code),
  created_by uuid NOT NULL REFERENCES puente.app_user(id),
  changed_by uuid NOT NULL REFERENCES puente.app_user(id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  change text NOT NULL CHECK (change IN ('create', 'update', 'remark', 'retract')),
  source_ref text,
  properties jsonb NOT NULL,
  marking text NOT NULL CHECK (marking IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  rel_to text[] NOT NULL CHECK (cardinality(rel_to) >= 1),
  recipients text[] NOT NULL DEFAULT '{}',
  retracted boolean NOT NULL DEFAULT false,
  owner_key text GENERATED ALWAYS AS (
    CASE WHEN marking = 'RED' THEN 'u:' || created_by::text ELSE 'a:' || agency END
  ) STORED,
  audience text[] GENERATED ALWAYS AS (
    CASE WHEN marking IN ('AMBER+STRICT', 'RED') THEN recipients ELSE ARRAY['*'] END
  ) STORED,
  PRIMARY KEY (link_id, version)
);

CREATE TABLE puente.link (
  id uuid PRIMARY KEY,
  version integer NOT NULL,
  link_type text NOT NULL,
  source_id uuid NOT NULL REFERENCES puente.record(id),
  target_id uuid NOT NULL REFERENCES puente.record(id),
  agency text NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  changed_by uuid NOT NULL,
  changed_at timestamptz NOT NULL,
  source_ref text,
  properties jsonb NOT NULL,
  marking text NOT NULL,
  rel_to text[] NOT NULL,
  recipients text[] NOT NULL,
  retracted boolean NOT NULL,
  owner_key text NOT NULL,
  audience text[] NOT NULL
);
CREATE INDEX link_source ON puente.link (source_id, id);
CREATE INDEX link_target ON puente.link (target_id, id);
CREATE UNIQUE INDEX link_source_ref ON puente.link (agency, source_ref) WHERE source_ref IS NOT NULL;

-- Heads follow versions. SECURITY DEFINER: the application role may only append versions.
CREATE FUNCTION puente.apply_record_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = puente, pg_catalog AS $$
DECLARE
  head puente.record%ROWTYPE;
BEGIN
  SELECT * INTO head FROM puente.record WHERE id = NEW.record_id FOR UPDATE;
  IF NOT FOUND THEN
    IF NEW.version <> 1 OR NEW.change <> 'create' OR NEW.created_by <> NEW.changed_by THEN
      RAISE EXCEPTION 'record % does not exist', NEW.record_id USING ERRCODE = 'P0002';
    END IF;
    INSERT INTO puente.record VALUES (
      NEW.record_id, 1, NEW.schema, NEW.agency, NEW.created_by, NEW.changed_at, NEW.changed_by,
      NEW.changed_at, NEW.source_ref, NEW.properties, NEW.marking, NEW.rel_to, NEW.recipients,
      NEW.retracted, NEW.caption, NEW.event_date, NEW.countries, NEW.owner_key, NEW.audience);
  ELSE
    IF head.agency <> NEW.agency THEN
      RAISE EXCEPTION 'only the originator % may change record %', head.agency, NEW.record_id
        USING ERRCODE = '42501';
    END IF;
    IF NEW.version <> head.version + 1 THEN
      RAISE EXCEPTION 'record % is at version %, not %', NEW.record_id, head.version, NEW.version - 1
        USING ERRCODE = '40001';
    END IF;
    IF NEW.schema <> head.schema OR NEW.created_by <> head.created_by OR head.retracted THEN
      RAISE EXCEPTION 'record % cannot take this version', NEW.record_id USING ERRCODE = '22023';
    END IF;
    UPDATE puente.record SET version = NEW.version, changed_by = NEW.changed_by,
      changed_at = NEW.changed_at, source_ref = NEW.source_ref, properties = NEW.properties,
      marking = NEW.marking, rel_to = NEW.rel_to, recipients = NEW.recipients,
      retracted = NEW.retracted, caption = NEW.caption, event_date = NEW.event_date,
      countries = NEW.countries, owner_key = NEW.owner_key, audience = NEW.audience
    WHERE id = NEW.record_id;
    DELETE FROM puente.record_term WHERE record_id = NEW.record_id;
    -- Links inherit nothing from their ends, but their visibility does (policy below).
  END IF;
  IF NOT NEW.retracted THEN
    INSERT INTO puente.record_term (term, record_id, owner_key, rel_to, audience)
    SELECT DISTINCT t, NEW.record_id, NEW.owner_key, NEW.rel_to, NEW.audience
    FROM unnest(NEW.terms) AS t;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER record_version_applies AFTER INSERT ON puente.record_version
  FOR EACH ROW EXECUTE FUNCTION puente.apply_record_version();

CREATE FUNCTION puente.apply_link_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = puente, pg_catalog AS $$
DECLARE
  head puente.link%ROWTYPE;
BEGIN
  SELECT * INTO head FROM puente.link WHERE id = NEW.link_id FOR UPDATE;
  IF NOT FOUND THEN
    IF NEW.version <> 1 OR NEW.change <> 'create' OR NEW.created_by <> NEW.changed_by THEN
      RAISE EXCEPTION 'link % does not exist', NEW.link_id USING ERRCODE = 'P0002';
    END IF;
    INSERT INTO puente.link VALUES (
      NEW.link_id, 1, NEW.link_type, NEW.source_id, NEW.target_id, NEW.agency, NEW.created_by,
      NEW.changed_at, NEW.changed_by, NEW.changed_at, NEW.source_ref, NEW.properties, NEW.marking,
      NEW.rel_to, NEW.recipients, NEW.retracted, NEW.owner_key, NEW.audience);
  ELSE
    IF head.agency <> NEW.agency THEN
      RAISE EXCEPTION 'only the originator % may change link %', head.agency, NEW.link_id
        USING ERRCODE = '42501';
    END IF;
    IF NEW.version <> head.version + 1 THEN
      RAISE EXCEPTION 'link % is at version %, not %', NEW.link_id, head.version, NEW.version - 1
        USING ERRCODE = '40001';
    END IF;
    IF NEW.link_type <> head.link_type OR NEW.source_id <> head.source_id
       OR NEW.target_id <> head.target_id OR NEW.created_by <> head.created_by OR head.retracted THEN
      RAISE EXCEPTION 'link % cannot take this version', NEW.link_id USING ERRCODE = '22023';
    END IF;
    UPDATE puente.link SET version = NEW.version, changed_by = NEW.changed_by,
      changed_at = NEW.changed_at, source_ref = NEW.source_ref, properties = NEW.properties,
      marking = NEW.marking, rel_to = NEW.rel_to, recipients = NEW.recipients,
      retracted = NEW.retracted, owner_key = NEW.owner_key, audience = NEW.audience
    WHERE id = NEW.link_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER link_version_applies AFTER INSERT ON puente.link_version
  FOR EACH ROW EXECUTE FUNCTION puente.apply_link_version();

-- Row-level security ------------------------------------------------------------------------
-- One visibility rule for every marked table, written once. The viewer keys are read through
-- scalar sub-selects, evaluated once per query: parsing them per row costs microseconds that
-- add up over thousands of rows. (The planner then cannot see the keys when it estimates; the
-- search queries are shaped so that their plan does not depend on that estimate.)

DO $$
DECLARE
  t text;
  sees constant text :=
    'owner_key = ANY ((SELECT puente.viewer_keys())::text[])'
    ' OR (rel_to && (SELECT puente.viewer_keys()) AND audience && (SELECT puente.viewer_keys()))';
BEGIN
  FOREACH t IN ARRAY ARRAY['record', 'record_version', 'record_term', 'link', 'link_version'] LOOP
    EXECUTE format('ALTER TABLE puente.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE puente.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY viewer_sees ON puente.%I FOR SELECT TO puente_app USING (%s)', t, sees);
    EXECUTE format('GRANT SELECT ON puente.%I TO puente_app', t);
  END LOOP;
END $$;

-- A version is visible only while its record (or link) is; a link only where both ends are.
CREATE POLICY head_visible ON puente.record_version AS RESTRICTIVE FOR SELECT TO puente_app
  USING (EXISTS (SELECT 1 FROM puente.record h WHERE h.id = record_id));
CREATE POLICY ends_visible ON puente.link AS RESTRICTIVE FOR SELECT TO puente_app
  USING (EXISTS (SELECT 1 FROM puente.record s WHERE s.id = source_id)
     AND EXISTS (SELECT 1 FROM puente.record t WHERE t.id = target_id));
CREATE POLICY head_visible ON puente.link_version AS RESTRICTIVE FOR SELECT TO puente_app
  USING (EXISTS (SELECT 1 FROM puente.link h WHERE h.id = link_id));

-- Writers append versions as themselves, for their own agency, and only to what they can see.
GRANT INSERT ON puente.record_version, puente.link_version TO puente_app;
CREATE POLICY writer_appends ON puente.record_version FOR INSERT TO puente_app
  WITH CHECK (agency = puente.viewer_agency() AND changed_by = puente.viewer_user()
    AND (version = 1 OR EXISTS (SELECT 1 FROM puente.record h WHERE h.id = record_id)));
CREATE POLICY writer_appends ON puente.link_version FOR INSERT TO puente_app
  WITH CHECK (agency = puente.viewer_agency() AND changed_by = puente.viewer_user()
    AND EXISTS (SELECT 1 FROM puente.record s WHERE s.id = source_id)
    AND EXISTS (SELECT 1 FROM puente.record t WHERE t.id = target_id)
    AND (version = 1 OR EXISTS (SELECT 1 FROM puente.link h WHERE h.id = link_id)));

-- Identity is readable as a directory; only an agency's admin changes its own users and tokens.
ALTER TABLE puente.agency ENABLE ROW LEVEL SECURITY;
ALTER TABLE puente.app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE puente.api_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE puente.agency FORCE ROW LEVEL SECURITY;
ALTER TABLE puente.app_user FORCE ROW LEVEL SECURITY;
ALTER TABLE puente.api_token FORCE ROW LEVEL SECURITY;
GRANT SELECT ON puente.agency, puente.app_user TO puente_app;
GRANT INSERT, UPDATE (name, email, role, disabled_at) ON puente.app_user TO puente_app;
GRANT SELECT (id, user_id, label, created_at, expires_at, revoked_at), INSERT,
  UPDATE (revoked_at) ON puente.api_token TO puente_app;
CREATE POLICY directory ON puente.agency FOR SELECT TO puente_app USING (puente.viewer_user() IS NOT NULL);
CREATE POLICY directory ON puente.app_user FOR SELECT TO puente_app USING (puente.viewer_user() IS NOT NULL);
CREATE POLICY agency_admin ON puente.app_user FOR INSERT TO puente_app
  WITH CHECK (agency = puente.viewer_agency() AND puente.viewer_role() = 'admin');
CREATE POLICY agency_admin_update ON puente.app_user FOR UPDATE TO puente_app
  USING (agency = puente.viewer_agency() AND puente.viewer_role() = 'admin')
  WITH CHECK (agency = puente.viewer_agency());
CREATE POLICY own_or_admin ON puente.api_token FOR ALL TO puente_app
  USING (user_id = puente.viewer_user() OR (puente.viewer_role() = 'admin' AND EXISTS (
    SELECT 1 FROM puente.app_user u WHERE u.id = user_id AND u.agency = puente.viewer_agency())))
  WITH CHECK (user_id = puente.viewer_user() OR (puente.viewer_role() = 'admin' AND EXISTS (
    SELECT 1 FROM puente.app_user u WHERE u.id = user_id AND u.agency = puente.viewer_agency())));

-- Token lookup happens before there is a viewer; only this function reads token hashes.
CREATE FUNCTION puente.authenticate(p_hash bytea)
RETURNS TABLE (token_id uuid, user_id uuid, user_name text, agency text, country text, role text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = puente, pg_catalog AS $$
  SELECT t.id, u.id, u.name, u.agency, a.country, u.role
  FROM puente.api_token t
  JOIN puente.app_user u ON u.id = t.user_id
  JOIN puente.agency a ON a.code = u.agency
  WHERE t.token_hash = p_hash AND t.revoked_at IS NULL AND u.disabled_at IS NULL
    AND (t.expires_at IS NULL OR t.expires_at > now())
$$;
REVOKE ALL ON FUNCTION puente.authenticate(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION puente.authenticate(bytea) TO puente_app;

-- Audit --------------------------------------------------------------------------------------
-- Append-only and hash-chained: seq and hash are assigned under a lock on the chain head, so
-- chain order is commit order and a rolled-back entry leaves no gap.

CREATE TABLE puente.audit_head (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq bigint NOT NULL,
  hash bytea NOT NULL
);
INSERT INTO puente.audit_head VALUES (true, 0, sha256(convert_to('puente audit genesis', 'UTF8')));

CREATE TABLE puente.audit_entry (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  user_id uuid,
  agency text,
  action text NOT NULL,
  outcome text NOT NULL,
  record_ids uuid[] NOT NULL DEFAULT '{}',
  query jsonb,
  purpose text,
  result_count integer,
  prev_hash bytea NOT NULL,
  hash bytea NOT NULL
);
CREATE INDEX audit_entry_agency ON puente.audit_entry (agency, seq);

CREATE FUNCTION puente.audit_hash(e puente.audit_entry) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$
  SELECT sha256(e.prev_hash || convert_to(jsonb_build_object(
    'seq', e.seq,
    'at', (extract(epoch FROM e.at) * 1000000)::bigint,
    'user', e.user_id,
    'agency', e.agency,
    'action', e.action,
    'outcome', e.outcome,
    'records', to_jsonb(e.record_ids),
    'query', e.query,
    'purpose', e.purpose,
    'count', e.result_count
  )::text, 'UTF8'))
$$;

CREATE FUNCTION puente.chain_audit_entry() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = puente, pg_catalog AS $$
DECLARE
  head puente.audit_head%ROWTYPE;
BEGIN
  SELECT * INTO head FROM puente.audit_head WHERE id FOR UPDATE;
  NEW.seq := head.seq + 1;
  NEW.at := clock_timestamp();
  NEW.prev_hash := head.hash;
  NEW.hash := puente.audit_hash(NEW);
  UPDATE puente.audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_entry_chains BEFORE INSERT ON puente.audit_entry
  FOR EACH ROW EXECUTE FUNCTION puente.chain_audit_entry();

CREATE FUNCTION puente.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = '42501';
END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON puente.audit_entry
  FOR EACH ROW EXECUTE FUNCTION puente.refuse_change();
CREATE TRIGGER record_version_append_only BEFORE UPDATE OR DELETE ON puente.record_version
  FOR EACH ROW EXECUTE FUNCTION puente.refuse_change();
CREATE TRIGGER link_version_append_only BEFORE UPDATE OR DELETE ON puente.link_version
  FOR EACH ROW EXECUTE FUNCTION puente.refuse_change();

ALTER TABLE puente.audit_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE puente.audit_entry FORCE ROW LEVEL SECURITY;
-- seq, hash and prev_hash come only from the trigger.
GRANT INSERT (user_id, agency, action, outcome, record_ids, query, purpose, result_count)
  ON puente.audit_entry TO puente_app;
GRANT SELECT ON puente.audit_entry TO puente_app;
CREATE POLICY actor_is_viewer ON puente.audit_entry FOR INSERT TO puente_app
  WITH CHECK (user_id IS NOT DISTINCT FROM puente.viewer_user()
    AND agency IS NOT DISTINCT FROM puente.viewer_agency());
CREATE POLICY supervisors_read ON puente.audit_entry FOR SELECT TO puente_app
  USING (agency = puente.viewer_agency() AND puente.viewer_role() IN ('supervisor', 'admin'));
