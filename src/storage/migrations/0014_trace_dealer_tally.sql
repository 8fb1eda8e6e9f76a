-- Completed traces per dealer, and how many of them had a short time-to-crime (under 365 days,
-- SHORT_TTC_DAYS of src/domain/tracing/indicators.ts), kept as traces are written: the dealer
-- indicator compares a dealer's share with the share over all dealers, and counting the results
-- for that grew with every trace ever answered. Results are append-only, so the tally only grows.
-- A tracer sees every result, and only tracers write results and read the tally.
CREATE TABLE puente.trace_dealer_tally (
  dealer_license text PRIMARY KEY,
  traces integer NOT NULL CHECK (traces >= 0),
  short_ttc integer NOT NULL CHECK (short_ttc >= 0 AND short_ttc <= traces)
);
ALTER TABLE puente.trace_dealer_tally ENABLE ROW LEVEL SECURITY;
ALTER TABLE puente.trace_dealer_tally FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON puente.trace_dealer_tally TO puente_app;
CREATE POLICY tracer_reads ON puente.trace_dealer_tally FOR SELECT TO puente_app
  USING ((SELECT puente.viewer_traces()));
CREATE POLICY tracer_counts ON puente.trace_dealer_tally FOR INSERT TO puente_app
  WITH CHECK ((SELECT puente.viewer_traces()));
CREATE POLICY tracer_recounts ON puente.trace_dealer_tally FOR UPDATE TO puente_app
  USING ((SELECT puente.viewer_traces())) WITH CHECK ((SELECT puente.viewer_traces()));

INSERT INTO puente.trace_dealer_tally (dealer_license, traces, short_ttc)
  SELECT dealer_license, count(*), count(*) FILTER (WHERE time_to_crime_days < 365)
  FROM puente.trace_result GROUP BY dealer_license;
