-- Network graphs are kept in memory per viewer and brought up to date from what changed since
-- they were read (docs/network-analysis.md). A timestamp cannot say that: a row is stamped when
-- its transaction writes it but becomes visible when it commits, possibly much later. So heads
-- and match pairs carry the id of the transaction that last wrote them, and a reader that
-- remembers its snapshot's xmin (every transaction it could not see has an id at or above it)
-- asks only for rows written at or after it.

ALTER TABLE puente.record ADD COLUMN changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE puente.link ADD COLUMN changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE puente.match_edge ADD COLUMN changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE puente.match_decision ADD COLUMN changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id();

CREATE FUNCTION puente.stamp_changed_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.changed_xid := pg_current_xact_id();
  RETURN NEW;
END $$;
CREATE TRIGGER record_changed_xid BEFORE UPDATE ON puente.record
  FOR EACH ROW EXECUTE FUNCTION puente.stamp_changed_xid();
CREATE TRIGGER link_changed_xid BEFORE UPDATE ON puente.link
  FOR EACH ROW EXECUTE FUNCTION puente.stamp_changed_xid();

-- Read by the owner (ids only: what changed, so a cached graph can evict or re-read it).
CREATE INDEX record_changed_xid ON puente.record (changed_xid);
CREATE INDEX link_changed_xid ON puente.link (changed_xid);
CREATE INDEX match_edge_changed_xid ON puente.match_edge (changed_xid);
CREATE INDEX match_decision_changed_xid ON puente.match_decision (changed_xid);
