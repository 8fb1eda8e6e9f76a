/** US and Canadian places: border ports, Border Patrol sectors, dealers' towns, RCMP areas. */

export interface Port {
  name: string;
  /** CBP port code. */
  code: string;
  /** US state (two letters). */
  state: string;
  /** The Mexican city across the line. */
  across: string;
}

export const US_PORTS: readonly Port[] = [
  { name: 'San Ysidro', code: '2504', state: 'CA', across: 'Tijuana' },
  { name: 'Otay Mesa', code: '2506', state: 'CA', across: 'Tijuana' },
  { name: 'Calexico', code: '2503', state: 'CA', across: 'Mexicali' },
  { name: 'Nogales', code: '2604', state: 'AZ', across: 'Nogales' },
  { name: 'Lukeville', code: '2602', state: 'AZ', across: 'Sonoyta' },
  { name: 'Douglas', code: '2601', state: 'AZ', across: 'Agua Prieta' },
  { name: 'El Paso', code: '2402', state: 'TX', across: 'Ciudad Juárez' },
  { name: 'Laredo', code: '2304', state: 'TX', across: 'Nuevo Laredo' },
  { name: 'Hidalgo', code: '2305', state: 'TX', across: 'Reynosa' },
];

/** Fentanyl crosses mostly in California and Arizona (DOMAIN.md): weights by port. */
export const PORT_WEIGHTS: readonly number[] = [22, 14, 8, 26, 6, 6, 8, 5, 5];

export interface Sector {
  sector: string;
  state: string;
  stations: readonly string[];
}

export const BORDER_SECTORS: readonly Sector[] = [
  { sector: 'San Diego', state: 'CA', stations: ['Chula Vista', 'Imperial Beach', 'Campo'] },
  { sector: 'El Centro', state: 'CA', stations: ['Calexico', 'El Centro'] },
  { sector: 'Yuma', state: 'AZ', stations: ['Yuma', 'Wellton'] },
  { sector: 'Tucson', state: 'AZ', stations: ['Ajo', 'Nogales', 'Douglas', 'Casa Grande'] },
  { sector: 'El Paso', state: 'TX', stations: ['Santa Teresa', 'Ysleta', 'Fort Hancock'] },
  { sector: 'Big Bend', state: 'TX', stations: ['Presidio', 'Sierra Blanca'] },
  { sector: 'Del Rio', state: 'TX', stations: ['Eagle Pass', 'Del Rio', 'Uvalde'] },
  { sector: 'Laredo', state: 'TX', stations: ['Laredo North', 'Cotulla', 'Hebbronville'] },
  { sector: 'Rio Grande Valley', state: 'TX', stations: ['McAllen', 'Falfurrias', 'Weslaco'] },
];

export interface UsState {
  code: string;
  cities: readonly string[];
  areaCodes: readonly string[];
  border: boolean;
}

const us = (code: string, cities: string, areaCodes: string, border = false): UsState => ({
  code,
  cities: cities.split(', '),
  areaCodes: areaCodes.split(' '),
  border,
});

/** Where licensed dealers sell; Texas, Arizona and California lead as sources of traced guns. */
export const US_STATES: readonly UsState[] = [
  us(
    'TX',
    'Houston, San Antonio, Dallas, El Paso, Laredo, McAllen, Brownsville',
    '713 210 214 915 956',
    true,
  ),
  us('AZ', 'Phoenix, Tucson, Mesa, Yuma, Nogales, Glendale', '602 520 480 928', true),
  us(
    'CA',
    'Los Angeles, San Diego, Bakersfield, Fresno, El Centro, Riverside',
    '213 619 661 559 760 951',
    true,
  ),
  us('NM', 'Albuquerque, Las Cruces, Deming', '505 575', true),
  us('FL', 'Miami, Orlando, Tampa', '305 407 813'),
  us('GA', 'Atlanta, Savannah', '404 912'),
  us('IL', 'Chicago, Joliet', '312 815'),
  us('CO', 'Denver, Pueblo', '303 719'),
  us('NV', 'Las Vegas, Reno', '702 775'),
  us('OK', 'Oklahoma City, Tulsa', '405 918'),
];

export const usState = (code: string): UsState => US_STATES.find((s) => s.code === code)!;

export interface CaPlace {
  city: string;
  province: string;
  areaCodes: readonly string[];
}

/** Precursor imports and synthetic-drug labs: Vancouver and Toronto areas above all. */
export const CA_PLACES: readonly CaPlace[] = [
  { city: 'Vancouver', province: 'BC', areaCodes: ['604', '778'] },
  { city: 'Surrey', province: 'BC', areaCodes: ['604', '778'] },
  { city: 'Richmond', province: 'BC', areaCodes: ['604'] },
  { city: 'Delta', province: 'BC', areaCodes: ['604'] },
  { city: 'Burnaby', province: 'BC', areaCodes: ['604', '778'] },
  { city: 'Toronto', province: 'ON', areaCodes: ['416', '647'] },
  { city: 'Mississauga', province: 'ON', areaCodes: ['905'] },
  { city: 'Brampton', province: 'ON', areaCodes: ['905'] },
  { city: 'Vaughan', province: 'ON', areaCodes: ['905'] },
  { city: 'Montréal', province: 'QC', areaCodes: ['514'] },
  { city: 'Laval', province: 'QC', areaCodes: ['450'] },
];
