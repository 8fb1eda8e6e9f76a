-- Heads and search terms follow versions once per statement instead of once per row: an import
-- appends thousands of versions in one INSERT, and the per-row triggers of 0001 spent most of
-- its time running four statements for each of them. The checks are those of 0001, set-based,
-- with the same SQLSTATEs and messages: every new version is checked against the one before it
-- (the stored head, or the previous row of the same statement, in insertion order), and the
-- first row in insertion order that fails is reported, as the per-row triggers did.
-- Heads are read by `id = ANY(ids)`: the planner knows a transition table's size but nothing
-- of its contents, and a join could choose to scan every head.
-- Runs on PostgreSQL 15+ and PGlite: transition tables are PostgreSQL 10.

CREATE FUNCTION puente.apply_record_versions() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = puente, pg_catalog AS $$
DECLARE
  ids uuid[];
  heads integer;
  multi boolean;
  bad pg_catalog.record; -- unqualified, "record" would be puente.record here
BEGIN
  SELECT array_agg(DISTINCT record_id), count(*) <> count(DISTINCT record_id)
  INTO ids, multi FROM new_versions;
  -- Lock the heads first (in id order, as concurrent writers also would), then read them in
  -- the next statement, so a head another transaction just committed is the one checked.
  PERFORM 1 FROM puente.record h WHERE h.id = ANY (ids) ORDER BY h.id FOR UPDATE;
  GET DIAGNOSTICS heads = ROW_COUNT;

  WITH n AS (
    SELECT v.record_id, v.version, v.schema, v.agency, v.created_by, v.changed_by, v.change,
      v.retracted, row_number() OVER () AS ord
    FROM new_versions v
  ), c AS (
    SELECT n.*, row_number() OVER w AS k,
      lag(n.version) OVER w AS p_version, lag(n.schema) OVER w AS p_schema,
      lag(n.agency) OVER w AS p_agency, lag(n.created_by) OVER w AS p_created_by,
      lag(n.retracted) OVER w AS p_retracted
    FROM n WINDOW w AS (PARTITION BY n.record_id ORDER BY n.ord)
  ), h AS (
    SELECT * FROM puente.record WHERE heads > 0 AND id = ANY (ids)
  ), p AS (
    SELECT c.record_id, c.version, c.schema, c.agency, c.created_by, c.changed_by, c.change, c.ord,
      c.k > 1 OR h.id IS NOT NULL AS has_prev,
      CASE WHEN c.k > 1 THEN c.p_version ELSE h.version END AS p_version,
      CASE WHEN c.k > 1 THEN c.p_schema ELSE h.schema END AS p_schema,
      CASE WHEN c.k > 1 THEN c.p_agency ELSE h.agency END AS p_agency,
      CASE WHEN c.k > 1 THEN c.p_created_by ELSE h.created_by END AS p_created_by,
      CASE WHEN c.k > 1 THEN c.p_retracted ELSE h.retracted END AS p_retracted
    FROM c LEFT JOIN h ON c.k = 1 AND h.id = c.record_id
  )
  SELECT * INTO bad FROM p
  WHERE CASE WHEN NOT has_prev
    THEN version <> 1 OR change <> 'create' OR created_by <> changed_by
    ELSE p_agency <> agency OR version <> p_version + 1 OR schema <> p_schema
      OR created_by <> p_created_by OR p_retracted END
  ORDER BY ord LIMIT 1;
  IF FOUND THEN
    IF NOT bad.has_prev THEN
      RAISE EXCEPTION 'record % does not exist', bad.record_id USING ERRCODE = 'P0002';
    ELSIF bad.p_agency <> bad.agency THEN
      RAISE EXCEPTION 'only the originator % may change record %', bad.p_agency, bad.record_id
        USING ERRCODE = '42501';
    ELSIF bad.version <> bad.p_version + 1 THEN
      RAISE EXCEPTION 'record % is at version %, not %', bad.record_id, bad.p_version,
        bad.version - 1 USING ERRCODE = '40001';
    ELSE
      RAISE EXCEPTION 'record % cannot take this version', bad.record_id USING ERRCODE = '22023';
    END IF;
  END IF;

  -- Terms of records that had a head are replaced; new records have none yet.
  IF heads > 0 THEN
    DELETE FROM puente.record_term t WHERE t.record_id = ANY (ids);
  END IF;

  -- A record given several versions in one statement ends at its last, and was created when
  -- its first was written. Rows are sorted only then: they are wide.
  WITH last AS (
    SELECT v.*, v.version AS first_version, v.changed_at AS first_at
    FROM new_versions v WHERE NOT multi
    UNION ALL
    (SELECT DISTINCT ON (v.record_id) v.*,
       min(v.version) OVER r, first_value(v.changed_at) OVER r
     FROM new_versions v WHERE multi
     WINDOW r AS (PARTITION BY v.record_id ORDER BY v.version)
     ORDER BY v.record_id, v.version DESC)
  ), upd AS (
    UPDATE puente.record h SET version = l.version, changed_by = l.changed_by,
      changed_at = l.changed_at, source_ref = l.source_ref, properties = l.properties,
      marking = l.marking, rel_to = l.rel_to, recipients = l.recipients,
      retracted = l.retracted, caption = l.caption, event_date = l.event_date,
      countries = l.countries, owner_key = l.owner_key, audience = l.audience
    FROM last l
    WHERE heads > 0 AND h.id = ANY (ids) AND h.id = l.record_id AND l.first_version > 1
  ), ins AS (
    INSERT INTO puente.record
    SELECT l.record_id, l.version, l.schema, l.agency, l.created_by, l.first_at, l.changed_by,
      l.changed_at, l.source_ref, l.properties, l.marking, l.rel_to, l.recipients, l.retracted,
      l.caption, l.event_date, l.countries, l.owner_key, l.audience
    FROM last l WHERE l.first_version = 1
  )
  INSERT INTO puente.record_term (term, record_id, owner_key, rel_to, audience)
  SELECT DISTINCT t, l.record_id, l.owner_key, l.rel_to, l.audience
  FROM last l, unnest(l.terms) AS t
  WHERE NOT l.retracted;
  RETURN NULL;
END $$;

CREATE FUNCTION puente.apply_link_versions() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = puente, pg_catalog AS $$
DECLARE
  ids uuid[];
  heads integer;
  multi boolean;
  bad pg_catalog.record; -- unqualified, "record" would be puente.record here
BEGIN
  SELECT array_agg(DISTINCT link_id), count(*) <> count(DISTINCT link_id)
  INTO ids, multi FROM new_versions;
  PERFORM 1 FROM puente.link h WHERE h.id = ANY (ids) ORDER BY h.id FOR UPDATE;
  GET DIAGNOSTICS heads = ROW_COUNT;

  WITH n AS (
    SELECT v.link_id, v.version, v.link_type, v.source_id, v.target_id, v.agency, v.created_by,
      v.changed_by, v.change, v.retracted, row_number() OVER () AS ord
    FROM new_versions v
  ), c AS (
    SELECT n.*, row_number() OVER w AS k,
      lag(n.version) OVER w AS p_version, lag(n.link_type) OVER w AS p_link_type,
      lag(n.source_id) OVER w AS p_source_id, lag(n.target_id) OVER w AS p_target_id,
      lag(n.agency) OVER w AS p_agency, lag(n.created_by) OVER w AS p_created_by,
      lag(n.retracted) OVER w AS p_retracted
    FROM n WINDOW w AS (PARTITION BY n.link_id ORDER BY n.ord)
  ), h AS (
    SELECT * FROM puente.link WHERE heads > 0 AND id = ANY (ids)
  ), p AS (
    SELECT c.link_id, c.version, c.link_type, c.source_id, c.target_id, c.agency, c.created_by,
      c.changed_by, c.change, c.ord,
      c.k > 1 OR h.id IS NOT NULL AS has_prev,
      CASE WHEN c.k > 1 THEN c.p_version ELSE h.version END AS p_version,
      CASE WHEN c.k > 1 THEN c.p_link_type ELSE h.link_type END AS p_link_type,
      CASE WHEN c.k > 1 THEN c.p_source_id ELSE h.source_id END AS p_source_id,
      CASE WHEN c.k > 1 THEN c.p_target_id ELSE h.target_id END AS p_target_id,
      CASE WHEN c.k > 1 THEN c.p_agency ELSE h.agency END AS p_agency,
      CASE WHEN c.k > 1 THEN c.p_created_by ELSE h.created_by END AS p_created_by,
      CASE WHEN c.k > 1 THEN c.p_retracted ELSE h.retracted END AS p_retracted
    FROM c LEFT JOIN h ON c.k = 1 AND h.id = c.link_id
  )
  SELECT * INTO bad FROM p
  WHERE CASE WHEN NOT has_prev
    THEN version <> 1 OR change <> 'create' OR created_by <> changed_by
    ELSE p_agency <> agency OR version <> p_version + 1 OR link_type <> p_link_type
      OR source_id <> p_source_id OR target_id <> p_target_id OR created_by <> p_created_by
      OR p_retracted END
  ORDER BY ord LIMIT 1;
  IF FOUND THEN
    IF NOT bad.has_prev THEN
      RAISE EXCEPTION 'link % does not exist', bad.link_id USING ERRCODE = 'P0002';
    ELSIF bad.p_agency <> bad.agency THEN
      RAISE EXCEPTION 'only the originator % may change link %', bad.p_agency, bad.link_id
        USING ERRCODE = '42501';
    ELSIF bad.version <> bad.p_version + 1 THEN
      RAISE EXCEPTION 'link % is at version %, not %', bad.link_id, bad.p_version,
        bad.version - 1 USING ERRCODE = '40001';
    ELSE
      RAISE EXCEPTION 'link % cannot take this version', bad.link_id USING ERRCODE = '22023';
    END IF;
  END IF;

  WITH last AS (
    SELECT v.*, v.version AS first_version, v.changed_at AS first_at
    FROM new_versions v WHERE NOT multi
    UNION ALL
    (SELECT DISTINCT ON (v.link_id) v.*,
       min(v.version) OVER r, first_value(v.changed_at) OVER r
     FROM new_versions v WHERE multi
     WINDOW r AS (PARTITION BY v.link_id ORDER BY v.version)
     ORDER BY v.link_id, v.version DESC)
  ), upd AS (
    UPDATE puente.link h SET version = l.version, changed_by = l.changed_by,
      changed_at = l.changed_at, source_ref = l.source_ref, properties = l.properties,
      marking = l.marking, rel_to = l.rel_to, recipients = l.recipients,
      retracted = l.retracted, owner_key = l.owner_key, audience = l.audience
    FROM last l
    WHERE heads > 0 AND h.id = ANY (ids) AND h.id = l.link_id AND l.first_version > 1
  )
  INSERT INTO puente.link
  SELECT l.link_id, l.version, l.link_type, l.source_id, l.target_id, l.agency, l.created_by,
    l.first_at, l.changed_by, l.changed_at, l.source_ref, l.properties, l.marking, l.rel_to,
    l.recipients, l.retracted, l.owner_key, l.audience
  FROM last l WHERE l.first_version = 1;
  RETURN NULL;
END $$;

DROP TRIGGER record_version_applies ON puente.record_version;
DROP TRIGGER link_version_applies ON puente.link_version;
DROP FUNCTION puente.apply_record_version();
DROP FUNCTION puente.apply_link_version();

CREATE TRIGGER record_versions_apply AFTER INSERT ON puente.record_version
  REFERENCING NEW TABLE AS new_versions
  FOR EACH STATEMENT EXECUTE FUNCTION puente.apply_record_versions();
CREATE TRIGGER link_versions_apply AFTER INSERT ON puente.link_version
  REFERENCING NEW TABLE AS new_versions
  FOR EACH STATEMENT EXECUTE FUNCTION puente.apply_link_versions();
