import { entityId } from '../keys.js';
import { surname } from '../pick-names.js';
import { Random, streamOf } from '../random.js';
import { mxState } from '../tables/mexico.js';
import { CA_PLACES, usState } from '../tables/north.js';
import { COMPANY_FORMS, COMPANY_TRADES } from '../tables/places.js';
import { addressIn, type Address } from './addresses.js';
import type { Network } from './networks.js';
import type { Residence } from './residence.js';

/** A front company: registered, with an address and a tax or business number. */
export interface Company {
  key: number;
  entity: string;
  name: string;
  legalForm: string;
  country: 'MX' | 'US' | 'CA';
  taxNumber: string;
  address: Address;
}

const RFC_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

// Precursor networks pair a Mexican importer with a Canadian broker; the others front as
// Mexican or US transport firms.
function countryFor(network: Network, slot: number, r: Random): Company['country'] {
  if (network.type === 'precursor_import') return slot === 0 ? 'MX' : 'CA';
  return r.chance(0.6) ? 'MX' : 'US';
}

const TRADES: Record<Network['type'], Record<'es' | 'en' | 'fr', readonly string[]>> = {
  precursor_import: {
    es: ['Importadora Química', 'Químicos', 'Farmacéutica', 'Agroquímicos'],
    en: ['Chemicals', 'Pharma Supply', 'Imports'],
    fr: ['Produits chimiques', 'Importations'],
  },
  fentanyl_distribution: {
    es: ['Transportes', 'Logística', 'Comercializadora'],
    en: ['Logistics', 'Freight', 'Trading'],
    fr: COMPANY_TRADES.fr,
  },
  smuggling_cell: {
    es: ['Transportes', 'Servicios Aduanales'],
    en: ['Freight', 'Logistics'],
    fr: COMPANY_TRADES.fr,
  },
  straw_purchasing: COMPANY_TRADES,
};

function homeOf(network: Network, country: Company['country'], slot: number, r: Random): Residence {
  if (country === 'MX') {
    // Precursor importers sit by the Pacific port of Manzanillo.
    const s = mxState(
      network.type === 'precursor_import' && slot === 0 ? 'Colima' : network.mxState,
    );
    return { country, state: s.name, city: r.pick(s.municipalities), areaCodes: s.areaCodes };
  }
  if (country === 'CA') {
    const p = CA_PLACES[network.caPlace]!;
    return { country, state: p.province, city: p.city, areaCodes: p.areaCodes };
  }
  const s = usState(network.usState);
  return { country, state: s.code, city: r.pick(s.cities), areaCodes: s.areaCodes };
}

export function companyAt(network: Network, key: number, slot: number, seed: number): Company {
  const r = streamOf(seed, 'company', key);
  const country = countryFor(network, slot, r);
  const language = country === 'MX' ? 'es' : country === 'CA' && r.chance(0.6) ? 'fr' : 'en';
  const trade = r.pick(TRADES[network.type][language]);
  const base = surname(r, language === 'fr' ? 'fr' : language === 'es' ? 'es' : 'en');
  const legalForm = r.pick(COMPANY_FORMS[language].slice(0, 2));
  const name =
    language === 'es' ? `${trade} ${base} ${legalForm}` : `${base} ${trade} ${legalForm}`;
  const home = homeOf(network, country, slot, r);
  const incorporated = `${String(r.int(5, 22)).padStart(2, '0')}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
  const letters = () => r.pick([...RFC_LETTERS]);
  const taxNumber =
    country === 'MX'
      ? `${letters()}${letters()}${letters()}${incorporated}${letters()}${r.int(0, 9)}${letters()}`
      : country === 'CA'
        ? `${r.int(100_000_000, 999_999_999)}RC0001`
        : `${r.int(10, 99)}-${r.int(1_000_000, 9_999_999)}`;
  return {
    key,
    entity: entityId('organization', key),
    name,
    legalForm,
    country,
    taxNumber,
    address: addressIn(r, home),
  };
}
