import { entityId } from '../keys.js';
import { hash32, mix32, Random, streamOf } from '../random.js';
import { VEHICLE_COLORS, VEHICLE_MODELS } from '../tables/vehicles.js';
import { buildVin, VIN_LETTERS } from '../vin.js';
import { networkOfKey, type World } from './world.js';

export interface Vehicle {
  key: number;
  entity: string;
  make: string;
  model: string;
  type: string;
  color: string;
  year: number;
  vin: string;
  plate: string;
  /** Where the plate was issued: a US state code or a Mexican state's CURP code. */
  plateState: string;
  country: 'US' | 'MX';
}

const US_PLATE_STATES = ['CA', 'AZ', 'TX'];
const MX_PLATE_STATES = ['BC', 'SR', 'CH', 'TS', 'SL', 'JC'];

const letters = (r: Random, n: number) =>
  Array.from({ length: n }, () => r.pick([...VIN_LETTERS])).join('');
const digits = (r: Random, n: number) => String(r.int(0, 10 ** n - 1)).padStart(n, '0');

function plateFor(r: Random, state: string): string {
  if (state === 'CA') return `${r.int(5, 9)}${letters(r, 3)}${digits(r, 3)}`;
  if (state === 'AZ' || state === 'TX') return `${letters(r, 3)}${digits(r, 4)}`;
  return `${letters(r, 3)}-${digits(r, 3)}-${letters(r, 1)}`;
}

export function vehicleAt(world: World, key: number): Vehicle {
  const r = streamOf(world.seed, 'vehicle', key);
  const model = r.pick(VEHICLE_MODELS);
  const year = r.int(2008, 2024);
  const network = networkOfKey(world, key);
  const mexican = network ? network.type !== 'straw_purchasing' && r.chance(0.6) : r.chance(0.55);
  const plateState = mexican ? r.pick(MX_PLATE_STATES) : r.pick(US_PLATE_STATES);
  return {
    key,
    entity: entityId('vehicle', key),
    make: model.make,
    model: model.model,
    type: model.type,
    color: r.pick(VEHICLE_COLORS),
    year,
    vin: buildVin(model.wmi, year, mix32((key ^ hash32(world.seed, 'vin')) >>> 0)),
    plate: plateFor(r, plateState),
    plateState,
    country: mexican ? 'MX' : 'US',
  };
}
