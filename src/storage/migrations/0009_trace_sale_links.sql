-- A sold gun in the sales index stands on two links as well as its records: the gun sold_in the
-- sale, and the buyer who purchased it. A viewer who may not see the sold_in link must not learn
-- from the index that the gun and the sale belong together, nor the buyer without the purchase.
ALTER TABLE puente.trace_sale ADD COLUMN sold_link_id uuid;
ALTER TABLE puente.trace_sale ADD COLUMN purchase_link_id uuid;

-- Under row-level security only leakproof conditions reach an index, and LIKE and reverse() are
-- not: partial serials are looked up by a range of keys (or of reversed keys, kept as a column)
-- and tested against their pattern once the policy has passed the few rows in that range.
ALTER TABLE puente.trace_sale ADD COLUMN serial_end text COLLATE "C" NOT NULL DEFAULT '';
DROP INDEX puente.trace_sale_serial_end;
CREATE INDEX trace_sale_serial_end ON puente.trace_sale (maker, serial_end);

-- Rows written before these columns lack them: the next `puente trace index` restores them.
DELETE FROM puente.trace_sale;

DROP POLICY records_visible ON puente.trace_sale;
CREATE POLICY records_visible ON puente.trace_sale FOR SELECT TO puente_app
  USING (EXISTS (SELECT 1 FROM puente.record r WHERE r.id = firearm_id)
     AND EXISTS (SELECT 1 FROM puente.record r WHERE r.id = sale_id)
     AND EXISTS (SELECT 1 FROM puente.link l WHERE l.id = sold_link_id));

-- The viewer's part in tracing is one lookup per statement, not one per row: a scalar sub-select
-- is evaluated once (as the viewer keys are in the record policies).
DROP POLICY requester_or_tracer ON puente.trace_request;
CREATE POLICY requester_or_tracer ON puente.trace_request FOR SELECT TO puente_app
  USING (agency = (SELECT puente.viewer_agency()) OR (SELECT puente.viewer_traces()));
DROP POLICY tracer_answers ON puente.trace_request;
CREATE POLICY tracer_answers ON puente.trace_request FOR UPDATE TO puente_app
  USING ((SELECT puente.viewer_traces()));
DROP POLICY tracer_answers ON puente.trace_result;
CREATE POLICY tracer_answers ON puente.trace_result FOR INSERT TO puente_app
  WITH CHECK ((SELECT puente.viewer_traces()) AND traced_by = (SELECT puente.viewer_user()));
DROP POLICY tracer_discloses ON puente.trace_purchaser;
CREATE POLICY tracer_discloses ON puente.trace_purchaser FOR INSERT TO puente_app
  WITH CHECK ((SELECT puente.viewer_traces()) AND agency = (SELECT puente.viewer_agency())
    AND created_by = (SELECT puente.viewer_user()));
DROP POLICY actor_is_viewer ON puente.trace_event;
CREATE POLICY actor_is_viewer ON puente.trace_event FOR INSERT TO puente_app
  WITH CHECK (agency = (SELECT puente.viewer_agency()) AND user_id = (SELECT puente.viewer_user())
    AND EXISTS (SELECT 1 FROM puente.trace_request q WHERE q.id = request_id));
