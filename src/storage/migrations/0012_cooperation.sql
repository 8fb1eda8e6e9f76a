-- The cooperation tracker (docs/cooperation.md). Meetings and commitments are records (Meeting,
-- Commitment), their participants, owners and documents are links, and each progress update is a
-- new version of its Commitment record. Two things the record model has no place for live here:
-- the indicator a commitment is measured by, and the records each progress update cites.

-- The measurable query a commitment is bound to, with its target. Append-only: the latest row of
-- a commitment counts. Visible wherever the commitment is; written by its originator.
CREATE TABLE puente.commitment_indicator (
  commitment_id uuid NOT NULL REFERENCES puente.record(id),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  indicator text NOT NULL CHECK (indicator ~ '^[a-z][a-z0-9_]{1,63}$'),
  target numeric NOT NULL CHECK (target >= 0),
  agency text NOT NULL REFERENCES puente.agency(code),
  created_by uuid NOT NULL REFERENCES puente.app_user(id),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (commitment_id, seq)
);
CREATE TRIGGER commitment_indicator_append_only BEFORE UPDATE OR DELETE
  ON puente.commitment_indicator FOR EACH ROW EXECUTE FUNCTION puente.refuse_change();

-- The records a progress update cites as evidence (a seizure, a readout, a statistics release).
-- The update is a version of the Commitment record; each row joins that version to one record,
-- and is visible only where that version and the cited record both are (as a link is visible
-- only where both its ends are), so evidence never reveals a record or an update to anyone the
-- sharing rules keep it from.
CREATE TABLE puente.commitment_evidence (
  commitment_id uuid NOT NULL,
  version integer NOT NULL,
  record_id uuid NOT NULL REFERENCES puente.record(id),
  agency text NOT NULL REFERENCES puente.agency(code),
  added_by uuid NOT NULL REFERENCES puente.app_user(id),
  added_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (commitment_id, version, record_id),
  FOREIGN KEY (commitment_id, version) REFERENCES puente.record_version (record_id, version)
);
CREATE INDEX commitment_evidence_record ON puente.commitment_evidence (record_id);
CREATE TRIGGER commitment_evidence_append_only BEFORE UPDATE OR DELETE
  ON puente.commitment_evidence FOR EACH ROW EXECUTE FUNCTION puente.refuse_change();

ALTER TABLE puente.commitment_indicator ENABLE ROW LEVEL SECURITY;
ALTER TABLE puente.commitment_indicator FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT (commitment_id, indicator, target, agency, created_by)
  ON puente.commitment_indicator TO puente_app;
CREATE POLICY commitment_visible ON puente.commitment_indicator FOR SELECT TO puente_app
  USING (EXISTS (SELECT 1 FROM puente.record r WHERE r.id = commitment_indicator.commitment_id));
CREATE POLICY originator_binds ON puente.commitment_indicator FOR INSERT TO puente_app
  WITH CHECK (agency = puente.viewer_agency() AND created_by = puente.viewer_user()
    AND EXISTS (SELECT 1 FROM puente.record r
                WHERE r.id = commitment_indicator.commitment_id AND r.schema = 'Commitment'
                  AND r.agency = puente.viewer_agency()));

ALTER TABLE puente.commitment_evidence ENABLE ROW LEVEL SECURITY;
ALTER TABLE puente.commitment_evidence FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT (commitment_id, version, record_id, agency, added_by)
  ON puente.commitment_evidence TO puente_app;
CREATE POLICY both_visible ON puente.commitment_evidence FOR SELECT TO puente_app
  USING (EXISTS (SELECT 1 FROM puente.record_version v
                 WHERE v.record_id = commitment_evidence.commitment_id
                   AND v.version = commitment_evidence.version)
     AND EXISTS (SELECT 1 FROM puente.record r WHERE r.id = commitment_evidence.record_id));
CREATE POLICY originator_cites ON puente.commitment_evidence FOR INSERT TO puente_app
  WITH CHECK (agency = puente.viewer_agency() AND added_by = puente.viewer_user()
    AND EXISTS (SELECT 1 FROM puente.record c
                WHERE c.id = commitment_evidence.commitment_id AND c.schema = 'Commitment'
                  AND c.agency = puente.viewer_agency())
    AND EXISTS (SELECT 1 FROM puente.record r WHERE r.id = commitment_evidence.record_id));
