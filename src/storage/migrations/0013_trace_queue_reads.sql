-- A tracer sees every request, so reading results and history needs no look-up of the request
-- for a tracer: without this, each such read began by hashing every request the viewer sees,
-- which grew with the queue (90 ms per batch of traces at 100,000 requests). Who sees what is
-- unchanged: a request is visible to its agency and to tracers (migration 0009).
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['trace_event', 'trace_result'] LOOP
    EXECUTE format('DROP POLICY request_visible ON puente.%I', t);
    EXECUTE format('CREATE POLICY request_visible ON puente.%I FOR SELECT TO puente_app USING ('
      '(SELECT puente.viewer_traces()) '
      'OR EXISTS (SELECT 1 FROM puente.trace_request q WHERE q.id = request_id))', t);
  END LOOP;
END $$;

-- The queue in the order it is worked. Answered requests leave their old entries behind in an
-- index on status until vacuum; walked in order, the scan marks them dead as it passes and stops
-- at the batch it takes, instead of visiting every request ever queued.
CREATE INDEX trace_request_submitted ON puente.trace_request (deadline_at, id)
  WHERE status = 'submitted';
