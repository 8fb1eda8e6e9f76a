-- Records by event date carry what a dated list filters on and the policy checks, so a page of
-- "seizures in March 2024" is chosen from the index alone and only its own rows are read (the
-- plain (event_date, id) index read every record of the range to filter and order it).
DROP INDEX puente.record_event_date;
CREATE INDEX record_event_date ON puente.record (event_date, id)
  INCLUDE (schema, agency, retracted, owner_key, rel_to, audience);
