/** Places, ports and goods that seizure, firearm and company records refer to. */

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

export interface FirearmModel {
  make: string;
  model: string;
  type: string;
  caliber: string;
  made: string;
}

export const FIREARMS: readonly (readonly [FirearmModel, number])[] = [
  [{ make: 'Colt', model: 'AR-15', type: 'rifle', caliber: '5.56x45mm', made: 'US' }, 14],
  [{ make: 'Century Arms', model: 'WASR-10', type: 'rifle', caliber: '7.62x39mm', made: 'RO' }, 12],
  [{ make: 'Barrett', model: 'M82A1', type: 'rifle', caliber: '.50 BMG', made: 'US' }, 3],
  [{ make: 'Ruger', model: 'AR-556', type: 'rifle', caliber: '5.56x45mm', made: 'US' }, 8],
  [{ make: 'Smith & Wesson', model: 'M&P15', type: 'rifle', caliber: '5.56x45mm', made: 'US' }, 8],
  [{ make: 'FN Herstal', model: 'Five-seveN', type: 'pistol', caliber: '5.7x28mm', made: 'BE' }, 5],
  [{ make: 'Glock', model: '19', type: 'pistol', caliber: '9mm', made: 'AT' }, 12],
  [{ make: 'Colt', model: 'Super', type: 'pistol', caliber: '.38 Super', made: 'US' }, 7],
  [{ make: 'Smith & Wesson', model: 'M&P9', type: 'pistol', caliber: '9mm', made: 'US' }, 9],
  [{ make: 'Beretta', model: '92FS', type: 'pistol', caliber: '9mm', made: 'IT' }, 5],
  [{ make: 'Taurus', model: 'G2C', type: 'pistol', caliber: '9mm', made: 'BR' }, 6],
  [{ make: 'Remington', model: '870', type: 'shotgun', caliber: '12 gauge', made: 'US' }, 3],
  [
    {
      make: 'Smith & Wesson',
      model: 'Model 686',
      type: 'revolver',
      caliber: '.357 Magnum',
      made: 'US',
    },
    2,
  ],
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
