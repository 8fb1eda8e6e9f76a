import type { Role } from '../../../src/domain/identity/viewer.js';
import type { Culture } from '../../../src/synth/tables/names.js';

export interface AgencySpec {
  code: string;
  name: string;
  country: 'US' | 'MX' | 'CA';
  /** Share of all records this agency contributes. */
  weight: number;
}

/** Twelve agencies, four per country; border and customs agencies contribute the most. */
export const AGENCIES: readonly AgencySpec[] = [
  { code: 'CBP', name: 'U.S. Customs and Border Protection', country: 'US', weight: 16 },
  { code: 'HSI', name: 'Homeland Security Investigations', country: 'US', weight: 11 },
  { code: 'DEA', name: 'Drug Enforcement Administration', country: 'US', weight: 11 },
  {
    code: 'ATF',
    name: 'Bureau of Alcohol, Tobacco, Firearms and Explosives',
    country: 'US',
    weight: 7,
  },
  { code: 'FGR', name: 'Fiscalía General de la República', country: 'MX', weight: 14 },
  {
    code: 'SSPC',
    name: 'Secretaría de Seguridad y Protección Ciudadana',
    country: 'MX',
    weight: 8,
  },
  { code: 'SEDENA', name: 'Secretaría de la Defensa Nacional', country: 'MX', weight: 7 },
  { code: 'ANAM', name: 'Agencia Nacional de Aduanas de México', country: 'MX', weight: 6 },
  { code: 'RCMP', name: 'Royal Canadian Mounted Police', country: 'CA', weight: 9 },
  { code: 'CBSA', name: 'Canada Border Services Agency', country: 'CA', weight: 6 },
  {
    code: 'FINTRAC',
    name: 'Financial Transactions and Reports Analysis Centre',
    country: 'CA',
    weight: 3,
  },
  { code: 'HC', name: 'Health Canada', country: 'CA', weight: 2 },
];

/** The users of every agency; the first analyst of each is a benchmark viewer. */
export const STAFF: readonly Role[] = ['admin', 'supervisor', 'liaison', 'analyst', 'analyst'];

/** Which naming traditions the people in an agency's records come from. */
export const CULTURE_MIX: Readonly<
  Record<AgencySpec['country'], readonly (readonly [Culture, number])[]>
> = {
  MX: [
    ['es', 92],
    ['en', 5],
    ['fr', 3],
  ],
  US: [
    ['en', 55],
    ['es', 40],
    ['fr', 5],
  ],
  CA: [
    ['en', 55],
    ['fr', 35],
    ['es', 10],
  ],
};
