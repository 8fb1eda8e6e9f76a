/**
 * The records the entity tests (HTTP and browser) contribute: one person written two ways by
 * two agencies (A, B), a namesake born another year (C), and two companies that may be one (X, Y).
 */
export type EntityFixture = 'A' | 'B' | 'C' | 'X' | 'Y';

export const amberMxUs = { marking: 'TLP:AMBER', relCountries: ['MX', 'US'] };
export const green = { marking: 'TLP:GREEN' };

export const ENTITY_FIXTURES: readonly {
  key: EntityFixture;
  by: 'fgr' | 'cbp';
  payload: object;
}[] = [
  {
    key: 'A',
    by: 'fgr',
    payload: {
      schema: 'Person',
      properties: {
        name: ['José Luis García Hernández'],
        birthDate: ['1970-05-02'],
        nationality: ['MX'],
      },
      sourceRef: 'FGR-PER-001',
      ...amberMxUs,
    },
  },
  {
    key: 'B',
    by: 'cbp',
    payload: {
      schema: 'Person',
      properties: { name: ['GARCIA HERNANDEZ, JOSE L.'], birthDate: ['1970-05-02'] },
      sourceRef: 'CBP-TECS-77',
      ...green,
    },
  },
  {
    key: 'C',
    by: 'fgr',
    payload: {
      schema: 'Person',
      properties: { name: ['José García'], birthDate: ['1985-11-20'] },
      ...green,
    },
  },
  {
    key: 'X',
    by: 'fgr',
    payload: {
      schema: 'Company',
      properties: {
        name: ['Logística Fronteriza del Norte S.A. de C.V.'],
        jurisdiction: ['MX'],
      },
      ...amberMxUs,
    },
  },
  {
    key: 'Y',
    by: 'cbp',
    payload: {
      schema: 'Company',
      properties: { name: ['Logistica Fronteriza Norte Express LLC'], jurisdiction: ['US'] },
      ...green,
    },
  },
];
