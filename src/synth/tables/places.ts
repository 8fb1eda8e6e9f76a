/** Places, ports and goods that seizure and company records refer to. */

export interface Place {
  city: string;
  state: string;
  country: 'US' | 'MX' | 'CA';
}

const place =
  (country: Place['country']) =>
  (city: string, state: string): Place => ({
    city,
    state,
    country,
  });
const mx = place('MX');
const us = place('US');
const ca = place('CA');

export const PLACES: readonly Place[] = [
  mx('Culiacán', 'Sinaloa'),
  mx('Tijuana', 'Baja California'),
  mx('Mexicali', 'Baja California'),
  mx('Ciudad Juárez', 'Chihuahua'),
  mx('Guadalajara', 'Jalisco'),
  mx('Manzanillo', 'Colima'),
  mx('Lázaro Cárdenas', 'Michoacán'),
  mx('Nogales', 'Sonora'),
  mx('Hermosillo', 'Sonora'),
  mx('Reynosa', 'Tamaulipas'),
  mx('Nuevo Laredo', 'Tamaulipas'),
  mx('Monterrey', 'Nuevo León'),
  mx('Ciudad de México', 'Ciudad de México'),
  us('San Diego', 'California'),
  us('Los Angeles', 'California'),
  us('Phoenix', 'Arizona'),
  us('Tucson', 'Arizona'),
  us('El Paso', 'Texas'),
  us('Laredo', 'Texas'),
  us('Houston', 'Texas'),
  us('Chicago', 'Illinois'),
  ca('Vancouver', 'British Columbia'),
  ca('Surrey', 'British Columbia'),
  ca('Toronto', 'Ontario'),
  ca('Montréal', 'Québec'),
  ca('Calgary', 'Alberta'),
];

/** Land ports and seaports where fentanyl, precursors and guns are intercepted. */
export const PORTS: Readonly<Record<Place['country'], readonly string[]>> = {
  US: [
    'San Ysidro',
    'Otay Mesa',
    'Calexico',
    'Nogales',
    'Lukeville',
    'Douglas',
    'El Paso',
    'Laredo',
    'Hidalgo',
  ],
  MX: ['Manzanillo', 'Lázaro Cárdenas', 'Tijuana', 'Nuevo Laredo', 'Ciudad Juárez'],
  CA: ['Pacific Highway', 'Ambassador Bridge', 'Port of Vancouver', 'Port of Montréal'],
};

export const DRUG_WEIGHTS: readonly (readonly [string, number])[] = [
  ['fentanyl pills', 30],
  ['fentanyl powder', 15],
  ['methamphetamine', 25],
  ['cocaine', 12],
  ['heroin', 5],
  ['precursor chemical', 8],
  ['cannabis', 5],
];

export const PRECURSORS: readonly string[] = ['4-AP', '1-boc-4-AP', 'NPP', 'ANPP', 'norfentanyl'];

export const CONVEYANCES: readonly string[] = [
  'passenger vehicle',
  'tractor-trailer',
  'pickup truck',
  'commercial bus',
  'pedestrian',
  'parcel',
  'sea container',
  'fishing vessel',
];

export const COMPANY_FORMS: Readonly<Record<'es' | 'en' | 'fr', readonly string[]>> = {
  es: ['S.A. de C.V.', 'S. de R.L. de C.V.', 'S.A.P.I. de C.V.'],
  en: ['Inc.', 'LLC', 'Ltd.', 'Corp.'],
  fr: ['Ltée', 'inc.', 'S.E.N.C.'],
};

export const COMPANY_TRADES: Readonly<Record<'es' | 'en' | 'fr', readonly string[]>> = {
  es: [
    'Transportes',
    'Comercializadora',
    'Importadora',
    'Químicos',
    'Distribuidora',
    'Logística',
    'Agroquímicos',
    'Servicios Aduanales',
    'Grupo',
    'Farmacéutica',
  ],
  en: [
    'Logistics',
    'Freight',
    'Trading',
    'Chemicals',
    'Imports',
    'Holdings',
    'Pharma Supply',
    'Auto Parts',
    'Outdoor Sports',
    'Firearms',
  ],
  fr: [
    'Transport',
    'Importations',
    'Distribution',
    'Produits chimiques',
    'Entreprises',
    'Logistique',
    'Commerce',
  ],
};
