-- Firearm traces: requests from the agencies that recover guns, answered by the agency that holds
-- the retail sale records, from an index of those sales.

-- Who takes part: a requester submits traces; a tracer holds the sales and answers them.
ALTER TABLE puente.agency ADD COLUMN trace_role text CHECK (trace_role IN ('requester', 'tracer'));

CREATE FUNCTION puente.viewer_traces() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog AS $$
  SELECT EXISTS (SELECT 1 FROM puente.agency a
                 WHERE a.code = puente.viewer_agency() AND a.trace_role = 'tracer')
$$;
GRANT EXECUTE ON FUNCTION puente.viewer_traces() TO puente_app;

-- The sales a trace searches: one row per sold gun (a Firearm record sold_in a Sale record), with
-- its maker and serial in the form traces compare them in. Derived from records by the operator;
-- a row is visible only where the gun's and the sale's records are, so a trace never finds a
-- sale its viewer may not see. The buyer's id is shown only where the buyer's record is.
CREATE TABLE puente.trace_sale (
  firearm_id uuid PRIMARY KEY,
  sale_id uuid NOT NULL,
  buyer_id uuid,
  maker text COLLATE "C" NOT NULL,
  serial_key text COLLATE "C" NOT NULL,
  model text NOT NULL DEFAULT '',
  type text NOT NULL DEFAULT '',
  caliber text NOT NULL DEFAULT '',
  importer text NOT NULL DEFAULT '',
  sale_date date NOT NULL,
  dealer_name text NOT NULL DEFAULT '',
  dealer_license text NOT NULL DEFAULT '',
  dealer_state text NOT NULL DEFAULT '',
  country text NOT NULL DEFAULT '',
  multiple_sale boolean NOT NULL DEFAULT false
);
CREATE INDEX trace_sale_serial ON puente.trace_sale (maker, serial_key);
-- Serials ground off at the start are looked up by their legible end.
CREATE INDEX trace_sale_serial_end ON puente.trace_sale (maker, reverse(serial_key));
CREATE INDEX trace_sale_buyer ON puente.trace_sale (buyer_id, sale_date) WHERE buyer_id IS NOT NULL;
CREATE INDEX trace_sale_sale ON puente.trace_sale (sale_id);

ALTER TABLE puente.trace_sale ENABLE ROW LEVEL SECURITY;
ALTER TABLE puente.trace_sale FORCE ROW LEVEL SECURITY;
GRANT SELECT ON puente.trace_sale TO puente_app;
CREATE POLICY records_visible ON puente.trace_sale FOR SELECT TO puente_app
  USING (EXISTS (SELECT 1 FROM puente.record r WHERE r.id = firearm_id)
     AND EXISTS (SELECT 1 FROM puente.record r WHERE r.id = sale_id));

-- Requests. The status moves forward only (the service checks the move; the history below keeps
-- every step). Visible to the requesting agency and to tracers.
CREATE TABLE puente.trace_request (
  id uuid PRIMARY KEY,
  agency text NOT NULL REFERENCES puente.agency(code),
  requested_by uuid NOT NULL REFERENCES puente.app_user(id),
  officer text NOT NULL DEFAULT '',
  priority text NOT NULL CHECK (priority IN ('routine', 'urgent')),
  status text NOT NULL CHECK (status IN ('submitted', 'in_progress', 'completed',
    'no_record_found', 'serial_obliterated', 'not_traceable')),
  reason jsonb NOT NULL DEFAULT '{}',
  firearm jsonb NOT NULL,
  maker text COLLATE "C" NOT NULL,
  -- The serial's key, or its LIKE pattern when partly legible; '' when obliterated.
  serial_key text COLLATE "C" NOT NULL,
  serial_full boolean NOT NULL,
  recovery jsonb NOT NULL,
  recovered_on date NOT NULL,
  recovery_country text NOT NULL,
  recovery_id uuid,
  firearm_id uuid,
  people jsonb NOT NULL DEFAULT '[]',
  case_number text NOT NULL DEFAULT '',
  candidates jsonb NOT NULL DEFAULT '[]',
  submitted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  deadline_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  answered_at timestamptz
);
-- One open or answered request per gun and requesting agency.
CREATE UNIQUE INDEX trace_request_gun ON puente.trace_request (agency, maker, serial_key)
  WHERE serial_full;
CREATE INDEX trace_request_queue ON puente.trace_request (status, deadline_at, id);
CREATE INDEX trace_request_agency ON puente.trace_request (agency, submitted_at DESC, id);

CREATE TABLE puente.trace_event (
  request_id uuid NOT NULL REFERENCES puente.trace_request(id),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  status text NOT NULL,
  reason jsonb NOT NULL DEFAULT '{}',
  agency text NOT NULL,
  user_id uuid NOT NULL,
  PRIMARY KEY (request_id, seq)
);
CREATE TRIGGER trace_event_append_only BEFORE UPDATE OR DELETE ON puente.trace_event
  FOR EACH ROW EXECUTE FUNCTION puente.refuse_change();

-- The answer: the dealer, the sale and the time-to-crime, seen by the requester and tracers.
CREATE TABLE puente.trace_result (
  request_id uuid PRIMARY KEY REFERENCES puente.trace_request(id),
  firearm_id uuid NOT NULL,
  sale_id uuid NOT NULL,
  sale_date date NOT NULL,
  dealer_name text NOT NULL,
  dealer_license text NOT NULL,
  dealer_state text NOT NULL,
  sale_country text NOT NULL,
  time_to_crime_days integer NOT NULL,
  reasons jsonb NOT NULL DEFAULT '[]',
  indicators jsonb NOT NULL DEFAULT '[]',
  buyer_id uuid,
  traced_by uuid NOT NULL,
  traced_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX trace_result_buyer ON puente.trace_result (buyer_id) WHERE buyer_id IS NOT NULL;
CREATE INDEX trace_result_dealer ON puente.trace_result (dealer_license);
CREATE TRIGGER trace_result_append_only BEFORE UPDATE OR DELETE ON puente.trace_result
  FOR EACH ROW EXECUTE FUNCTION puente.refuse_change();

-- Who the first retail purchaser is, under the marking the tracing agency sets for it: a
-- requester whose country or agency that marking does not reach gets the answer without the name.
CREATE TABLE puente.trace_purchaser (
  request_id uuid PRIMARY KEY REFERENCES puente.trace_request(id),
  person_id uuid NOT NULL,
  name text NOT NULL,
  agency text NOT NULL REFERENCES puente.agency(code),
  created_by uuid NOT NULL REFERENCES puente.app_user(id),
  marking text NOT NULL CHECK (marking IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  rel_to text[] NOT NULL CHECK (cardinality(rel_to) >= 1),
  recipients text[] NOT NULL DEFAULT '{}',
  owner_key text GENERATED ALWAYS AS (
    CASE WHEN marking = 'RED' THEN 'u:' || created_by::text ELSE 'a:' || agency END
  ) STORED,
  audience text[] GENERATED ALWAYS AS (
    CASE WHEN marking IN ('AMBER+STRICT', 'RED') THEN recipients ELSE ARRAY['*'] END
  ) STORED
);
CREATE TRIGGER trace_purchaser_append_only BEFORE UPDATE OR DELETE ON puente.trace_purchaser
  FOR EACH ROW EXECUTE FUNCTION puente.refuse_change();

ALTER TABLE puente.trace_request ENABLE ROW LEVEL SECURITY;
ALTER TABLE puente.trace_request FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON puente.trace_request TO puente_app;
GRANT UPDATE (status, reason, candidates, updated_at, answered_at) ON puente.trace_request
  TO puente_app;
CREATE POLICY requester_or_tracer ON puente.trace_request FOR SELECT TO puente_app
  USING (agency = puente.viewer_agency() OR puente.viewer_traces());
CREATE POLICY requester_submits ON puente.trace_request FOR INSERT TO puente_app
  WITH CHECK (agency = puente.viewer_agency() AND requested_by = puente.viewer_user()
    AND EXISTS (SELECT 1 FROM puente.agency a WHERE a.code = agency AND a.trace_role IS NOT NULL));
CREATE POLICY tracer_answers ON puente.trace_request FOR UPDATE TO puente_app
  USING (puente.viewer_traces());

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['trace_event', 'trace_result'] LOOP
    EXECUTE format('ALTER TABLE puente.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE puente.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('GRANT SELECT, INSERT ON puente.%I TO puente_app', t);
    EXECUTE format('CREATE POLICY request_visible ON puente.%I FOR SELECT TO puente_app USING ('
      'EXISTS (SELECT 1 FROM puente.trace_request q WHERE q.id = request_id))', t);
  END LOOP;
END $$;
CREATE POLICY actor_is_viewer ON puente.trace_event FOR INSERT TO puente_app
  WITH CHECK (agency = puente.viewer_agency() AND user_id = puente.viewer_user()
    AND EXISTS (SELECT 1 FROM puente.trace_request q WHERE q.id = request_id));
CREATE POLICY tracer_answers ON puente.trace_result FOR INSERT TO puente_app
  WITH CHECK (puente.viewer_traces() AND traced_by = puente.viewer_user());

ALTER TABLE puente.trace_purchaser ENABLE ROW LEVEL SECURITY;
ALTER TABLE puente.trace_purchaser FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT (request_id, person_id, name, agency, created_by, marking, rel_to, recipients)
  ON puente.trace_purchaser TO puente_app;
CREATE POLICY viewer_sees ON puente.trace_purchaser FOR SELECT TO puente_app
  USING (owner_key = ANY ((SELECT puente.viewer_keys())::text[])
    OR (rel_to && (SELECT puente.viewer_keys()) AND audience && (SELECT puente.viewer_keys())));
CREATE POLICY tracer_discloses ON puente.trace_purchaser FOR INSERT TO puente_app
  WITH CHECK (puente.viewer_traces() AND agency = puente.viewer_agency()
    AND created_by = puente.viewer_user());
