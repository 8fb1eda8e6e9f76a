/**
 * A person record as each partner's file and mapping (the `*.mapping.yaml` that `puente synth`
 * writes) would turn it into Person properties: which columns the partner has, how it writes
 * the name (case, order, parts), and which identifiers it keeps. Dates come out as the mapping
 * parses them (ISO), nationality as the mapping's values. src/synth renders the person
 * (src/synth/people/render.ts, with the partner's noise); this only lays the fields out.
 */
import { personProperties as hsiPersonProperties } from '../../../src/synth/exports/hsi-lines.js';
import { ALPHA3, surnames, upper } from '../../../src/synth/output/people.js';
import type { PersonRecord } from '../../../src/synth/people/render.js';
import type { Random } from '../../../src/synth/random.js';
import { SOURCES, type SourceName } from '../../../src/synth/sources.js';

export type Properties = Record<string, string[]>;

export const SOURCE_NAMES = Object.keys(SOURCES) as SourceName[];

/**
 * Share of person records per partner source. Near the mix `puente synth` writes at 50k
 * (CBP ports 25%, USBP 18%, ATF 31%, FGR 3%, SEDENA 2%, RCMP 11%, HSI 11%), with the Mexican
 * partners raised so that CURPs, double surnames and aliases weigh in the measure.
 */
export const SOURCE_WEIGHTS: Readonly<Record<SourceName, number>> = {
  'CBP-POE': 22,
  'CBP-USBP': 16,
  ATF: 24,
  FGR: 10,
  SEDENA: 6,
  RCMP: 10,
  HSI: 12,
};

/** The prefix each export puts before the partner's own record number. */
export const ID_PREFIX: Readonly<Record<SourceName, string>> = {
  'CBP-POE': 'S-',
  'CBP-USBP': 'BP-',
  ATF: 'P-',
  FGR: 'IMP-',
  SEDENA: 'DET-',
  RCMP: 'SUB-',
  HSI: 'HSI-P-',
};

const some = (value: string): string[] => (value ? [value] : []);

/** Columns joined with spaces, empty ones skipped (a mapping's `columns:`). */
const joined = (...parts: string[]): string[] => some(parts.filter(Boolean).join(' '));

/** Person properties of the record `p` as partner `source` files it (`id` is its own id). */
export function personProperties(
  source: SourceName,
  p: PersonRecord,
  id: string,
  r: Random,
): Properties {
  const t = p.truth;
  const gender = t.gender;
  switch (source) {
    // Port seizures: first and last name in two columns, upper case; citizenship alpha-3.
    case 'CBP-POE':
      return compact({
        name: joined(upper(p.given), upper(surnames(p))),
        firstName: some(upper(p.given)),
        lastName: some(upper(surnames(p))),
        birthDate: some(p.birthDate),
        gender: [gender],
        nationality: [ALPHA3[t.nationality]!],
      });
    // Smuggling events: "SURNAMES, GIVEN" in one column; country of citizenship; alias.
    case 'CBP-USBP':
      return compact({
        name: [upper(`${surnames(p)}, ${p.given}`)],
        birthDate: some(p.birthDate),
        nationality: [ALPHA3[t.nationality]!],
        alias: some(upper(p.alias)),
      });
    // Firearm sales (form 4473): "SURNAMES, GIVEN", date of birth, a US purchaser.
    case 'ATF':
      return compact({
        name: [upper(`${surnames(p)}, ${p.given}`)],
        birthDate: some(p.birthDate),
        country: ['US'],
      });
    // Recoveries: name parts as typed (mixed case), CURP, alias, sex, nationality.
    case 'FGR':
      return compact({
        name: joined(p.given, p.paternal, p.maternal),
        firstName: some(p.given),
        fatherName: some(p.paternal),
        motherName: some(p.maternal),
        curp: some(upper(p.curp)),
        alias: some(upper(p.alias)),
        birthDate: some(p.birthDate),
        gender: [gender],
        nationality: [t.nationality],
      });
    // Military seizures: the detainee's full name in one upper-case column, CURP, alias.
    case 'SEDENA':
      return compact({
        name: [upper(`${p.given} ${surnames(p)}`)],
        curp: some(upper(p.curp)),
        alias: some(upper(p.alias)),
        nationality: ['MX'],
      });
    // Seizures: given name and surname columns as typed, date of birth.
    case 'RCMP':
      return compact({
        name: joined(p.given, surnames(p)),
        firstName: some(p.given),
        lastName: some(surnames(p)),
        birthDate: some(p.birthDate),
      });
    // Network intelligence, native format: the export's own person properties.
    case 'HSI':
      return hsiPersonProperties(r, { person: p, id });
  }
}

function compact(props: Properties): Properties {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v.length > 0));
}
