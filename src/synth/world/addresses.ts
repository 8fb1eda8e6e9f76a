import { Random } from '../random.js';
import type { Residence } from './residence.js';

export interface Address {
  street: string;
  city: string;
  state: string;
  postalCode: string;
  country: 'MX' | 'US' | 'CA';
  full: string;
}

const MX_STREETS = [
  'Av. Juárez',
  'Calle Hidalgo',
  'Av. Insurgentes',
  'Calle Morelos',
  'Blvd. Agua Caliente',
  'Privada Los Pinos',
  'Calle 5 de Mayo',
  'Av. Revolución',
  'Calle Niños Héroes',
  'Blvd. Díaz Ordaz',
];
const US_STREETS = [
  'Main St',
  'Oak Ave',
  'Mesquite Dr',
  'Palm Ave',
  'Border Rd',
  'Cactus Ln',
  'Mission Blvd',
  'Elm St',
  'Sunset Dr',
  'Rio Grande Ave',
];
const CA_STREETS = [
  'Kingsway',
  'Fraser St',
  'rue Saint-Denis',
  'boul. Saint-Laurent',
  'Dundas St W',
  'Finch Ave E',
  'No. 3 Rd',
  'Scott Rd',
];
const POSTAL_LETTERS = 'ABCEGHJKLMNPRSTVXY';

function postalCode(r: Random, home: Residence): string {
  if (home.country !== 'CA') return String(r.int(10_000, 99_999));
  const first = home.state === 'BC' ? 'V' : home.state === 'QC' ? 'H' : 'M';
  const l = () => r.pick([...POSTAL_LETTERS]);
  return `${first}${r.int(1, 9)}${l()} ${r.int(0, 9)}${l()}${r.int(0, 9)}`;
}

export function addressIn(r: Random, home: Residence): Address {
  const number = r.int(1, 9_999);
  const street =
    home.country === 'MX'
      ? `${r.pick(MX_STREETS)} ${number}`
      : `${number} ${r.pick(home.country === 'US' ? US_STREETS : CA_STREETS)}`;
  const postal = postalCode(r, home);
  const full =
    home.country === 'MX'
      ? `${street}, ${home.city}, ${home.state}, C.P. ${postal}`
      : `${street}, ${home.city}, ${home.state} ${postal}`;
  return {
    street,
    city: home.city,
    state: home.state,
    postalCode: postal,
    country: home.country,
    full,
  };
}
