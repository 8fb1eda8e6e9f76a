-- Entity resolution: which records are the same person or organization.
--
-- What is stored is evidence between records, never an entity a viewer could see whole: a
-- viewer's entity is assembled at read time from the records and pairs that viewer may see
-- (docs/entity-resolution.md). Pairs and decisions are visible only where both their records
-- are; the global clustering (entity_member) and the blocking work tables are the resolver's
-- own and no viewer reads them, because a global entity id may be an invisible record's id.

-- The fitted Fellegi-Sunter model of each kind, newest last. Parameters are aggregates over
-- all records (m and u probabilities; name frequencies only for values at least 50 records
-- share, rounded), never a statement about one record.
CREATE TABLE puente.match_model (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('person', 'organization')),
  created_at timestamptz NOT NULL DEFAULT now(),
  model jsonb NOT NULL
);
CREATE INDEX match_model_kind ON puente.match_model (kind, id);

-- The resolver writes keys, pairs and memberships only for records it has just read, in bulk:
-- they carry no foreign keys, whose per-row checks would dominate a full run.

-- Blocking keys of each resolved record: arrival matching and fuzzy entity search start here.
CREATE TABLE puente.match_key (
  key text COLLATE "C" NOT NULL,
  record_id uuid NOT NULL
);
CREATE INDEX match_key_key ON puente.match_key (key, record_id);
CREATE INDEX match_key_record ON puente.match_key (record_id);

-- Candidate pairs whose evidence reaches the review threshold (a < b).
CREATE TABLE puente.match_edge (
  a uuid NOT NULL,
  b uuid NOT NULL,
  weight real NOT NULL,
  probability real NOT NULL CHECK (probability BETWEEN 0 AND 1),
  PRIMARY KEY (a, b),
  CHECK (a < b)
);
CREATE INDEX match_edge_b ON puente.match_edge (b, a);
CREATE INDEX match_edge_review ON puente.match_edge (probability, a, b);

-- The resolver's clustering of everything, for export and to know what arrival touches.
CREATE TABLE puente.entity_member (
  record_id uuid PRIMARY KEY,
  entity_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('person', 'organization'))
);
CREATE INDEX entity_member_entity ON puente.entity_member (entity_id);

-- Analysts' judgements of pairs, append-only: the latest on a pair is in force.
CREATE TABLE puente.match_decision (
  id uuid PRIMARY KEY,
  a uuid NOT NULL REFERENCES puente.record(id),
  b uuid NOT NULL REFERENCES puente.record(id),
  verdict text NOT NULL CHECK (verdict IN ('same', 'different', 'unsure')),
  note text CHECK (length(note) <= 2000),
  agency text NOT NULL REFERENCES puente.agency(code),
  decided_by uuid NOT NULL REFERENCES puente.app_user(id),
  decided_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK (a < b)
);
CREATE INDEX match_decision_pair ON puente.match_decision (a, b, decided_at);
CREATE INDEX match_decision_b ON puente.match_decision (b);
CREATE TRIGGER match_decision_append_only BEFORE UPDATE OR DELETE ON puente.match_decision
  FOR EACH ROW EXECUTE FUNCTION puente.refuse_change();

-- Viewers read the model: explanations show its weights.
ALTER TABLE puente.match_model ENABLE ROW LEVEL SECURITY;
ALTER TABLE puente.match_model FORCE ROW LEVEL SECURITY;
GRANT SELECT ON puente.match_model TO puente_app;
CREATE POLICY signed_in ON puente.match_model FOR SELECT TO puente_app
  USING (puente.viewer_user() IS NOT NULL);
ALTER TABLE puente.entity_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE puente.entity_member FORCE ROW LEVEL SECURITY;

-- A key or pair is visible only where its records are.
ALTER TABLE puente.match_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE puente.match_key FORCE ROW LEVEL SECURITY;
GRANT SELECT ON puente.match_key TO puente_app;
CREATE POLICY record_visible ON puente.match_key FOR SELECT TO puente_app
  USING (EXISTS (SELECT 1 FROM puente.record r WHERE r.id = record_id));

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['match_edge', 'match_decision'] LOOP
    EXECUTE format('ALTER TABLE puente.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE puente.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('GRANT SELECT ON puente.%I TO puente_app', t);
    EXECUTE format('CREATE POLICY ends_visible ON puente.%I FOR SELECT TO puente_app USING ('
      'EXISTS (SELECT 1 FROM puente.record r WHERE r.id = a) AND '
      'EXISTS (SELECT 1 FROM puente.record r WHERE r.id = b))', t);
  END LOOP;
END $$;

-- Analysts judge pairs they can see, as themselves.
GRANT INSERT ON puente.match_decision TO puente_app;
CREATE POLICY analyst_judges ON puente.match_decision FOR INSERT TO puente_app
  WITH CHECK (agency = puente.viewer_agency() AND decided_by = puente.viewer_user()
    AND EXISTS (SELECT 1 FROM puente.record r WHERE r.id = a)
    AND EXISTS (SELECT 1 FROM puente.record r WHERE r.id = b));
