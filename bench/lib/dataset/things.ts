import { Random, Weighted } from '../../../src/synth/random.js';
import type { Culture } from '../../../src/synth/tables/names.js';
import { surname } from './people.js';
import {
  COMPANY_FORMS,
  COMPANY_TRADES,
  CONVEYANCES,
  DRUG_WEIGHTS,
  PLACES,
  PORTS,
  PRECURSORS,
  type Place,
} from '../../../src/synth/tables/places.js';
import { GUN_MODELS } from '../../../src/synth/tables/firearms.js';

const DRUGS = new Weighted(DRUG_WEIGHTS);
const GUNS = new Weighted(GUN_MODELS.map((g) => [g, g.weight] as const));
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

const letters = (r: Random, n: number) =>
  Array.from({ length: n }, () => r.pick([...LETTERS])).join('');
const digits = (r: Random, n: number) => String(r.int(0, 10 ** n - 1)).padStart(n, '0');

export function organizationProperties(r: Random, culture: Culture, country: string) {
  const trade = r.pick(COMPANY_TRADES[culture]);
  const place: Place = r.pick(PLACES);
  const base = r.chance(0.6) ? surname(r, culture) : place.city;
  const props: Record<string, string[]> = {
    name: [`${trade} ${base} ${r.pick(COMPANY_FORMS[culture])}`],
    country: [country],
    address: [`${r.int(1, 4999)} ${place.city}, ${place.state}`],
  };
  if (country === 'MX' && r.chance(0.6)) {
    // RFC of a company: 3 letters, incorporation date YYMMDD, 3-character homoclave.
    const since = `${digits(r, 2)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
    props.taxNumber = [`${letters(r, 3)}${since}${letters(r, 1)}${digits(r, 2)}`];
  } else if (r.chance(0.5)) {
    props.registrationNumber = [`${country}-${digits(r, 9)}`];
  }
  if (r.chance(0.2)) props.alias = [`${base} ${trade}`];
  return props;
}

export function seizureProperties(r: Random, agency: string, country: string, date: string) {
  const drug = DRUGS.pick(r);
  const places = PLACES.filter((p) => p.country === country);
  const place = places.length ? r.pick(places) : r.pick(PLACES);
  const props: Record<string, string[]> = {
    date: [date],
    place: [place.city],
    state: [place.state],
    country: [place.country],
    drug: [drug],
    quantity: [
      drug === 'fentanyl pills'
        ? `${r.int(1, 400) * 500} pills`
        : `${(r.int(1, 4000) / 10).toFixed(1)} kg`,
    ],
    caseNumber: [`${agency}-${date.slice(0, 4)}-${digits(r, 6)}`],
  };
  if (r.chance(0.6)) props.portOfEntry = [r.pick(PORTS[place.country])];
  if (drug === 'precursor chemical') props.substance = [r.pick(PRECURSORS)];
  if (r.chance(0.7)) {
    const conveyance = r.pick(CONVEYANCES);
    props.conveyance = [
      conveyance.includes('vehicle') || conveyance.includes('truck')
        ? `${conveyance}, plate ${letters(r, 3)}-${digits(r, 4)}`
        : conveyance,
    ];
  }
  return props;
}

export function firearmProperties(r: Random, country: string) {
  const gun = GUNS.pick(r);
  const obliterated = r.chance(0.12) ? r.pick(['yes', 'partial']) : 'no';
  const props: Record<string, string[]> = {
    make: [gun.make],
    model: [gun.model],
    type: [gun.type],
    caliber: [gun.caliber],
    countryOfManufacture: [gun.made],
    obliterated: [obliterated],
    // Guns recovered in Mexico are mostly traced to US sales.
    country: [country === 'MX' || r.chance(0.5) ? 'MX' : country],
  };
  if (obliterated !== 'yes') props.serialNumber = [`${letters(r, 2)}${digits(r, 6)}`];
  if (r.chance(0.3))
    props.importer = [r.pick(['Century International Arms', 'Sig Sauer Inc.', 'Glock Inc.'])];
  return props;
}
