import { formatDate, isoOf } from '../dates.js';
import { keyOf, POOL_RANGE } from '../keys.js';
import { streamOf, type Random } from '../random.js';
import { SOURCES } from '../sources.js';
import { BORDER_SECTORS } from '../tables/north.js';
import { activeNetwork, membersWithRole } from '../world/active.js';
import { vehicleAt } from '../world/vehicles.js';
import { WINDOWS } from '../world/windows.js';
import type { World } from '../world/world.js';
import type { ExportSpec, Exporter } from '../output/exporter.js';
import { col, type Mapping } from '../output/mapping.js';
import { ALPHA3, mentionPerson, surnames, upper, type Mention } from '../output/people.js';

const PERSON = ['ID', 'NAME', 'DOB', 'COC', 'ALIAS'];
const COLUMNS = [
  'EVENT_ID',
  'EVENT_DATE',
  'SECTOR',
  'STATION',
  'STATE',
  'NUM_APPREHENDED',
  'CONVEYANCE',
  'PLATE',
  'VIN',
  'VEH_MAKE',
  'VEH_MODEL',
  ...PERSON.map((c) => `SMUGGLER_${c}`),
  ...PERSON.map((c) => `DRIVER_${c}`),
];

const personRecord = (role: 'SMUGGLER' | 'DRIVER') => ({
  key: role.toLowerCase(),
  schema: 'Person',
  id: `{${role}_ID}`,
  optional: true,
  properties: {
    name: col(`${role}_NAME`),
    birthDate: col(`${role}_DOB`, { date: 'YYYYMMDD' }),
    nationality: col(`${role}_COC`),
    alias: col(`${role}_ALIAS`, { split: ';' }),
  },
});

const MAPPING: Mapping = {
  format: 'csv',
  delimiter: '|',
  encoding: 'utf-8',
  marking: 'GREEN',
  records: [
    {
      key: 'event',
      schema: 'Smuggling',
      id: '{EVENT_ID}',
      properties: {
        caseNumber: col('EVENT_ID'),
        date: col('EVENT_DATE', { date: 'YYYYMMDD' }),
        place: { template: '{STATION} Station, {SECTOR} Sector' },
        state: col('STATE'),
        country: { value: 'US' },
        peopleMoved: col('NUM_APPREHENDED'),
        conveyance: col('CONVEYANCE'),
      },
    },
    personRecord('SMUGGLER'),
    personRecord('DRIVER'),
    {
      key: 'vehicle',
      schema: 'Vehicle',
      // Border Patrol and the ports keep separate systems: their vehicle records differ.
      id: 'USBP-{VIN}',
      optional: true,
      properties: {
        vin: col('VIN'),
        registrationNumber: col('PLATE', { upper: true, remove: ' -' }),
        make: col('VEH_MAKE'),
        model: col('VEH_MODEL'),
        type: col('CONVEYANCE'),
      },
    },
  ],
  links: [
    { type: 'involved_in', source: 'smuggler', target: 'event' },
    { type: 'involved_in', source: 'driver', target: 'event' },
    { type: 'involved_in', source: 'vehicle', target: 'event' },
  ],
};

export const CBP_SMUGGLING: ExportSpec = {
  file: 'cbp-usbp-smuggling-events.txt',
  source: 'CBP-USBP',
  format: 'csv',
  encoding: 'utf-8',
  delimiter: '|',
  marking: 'GREEN',
  mapping: MAPPING,
  columns: COLUMNS,
};

function personFields(m: Mention | null): string[] {
  if (!m) return ['', '', '', '', ''];
  const p = m.person;
  return [
    m.id,
    upper(`${surnames(p)}, ${p.given}`),
    formatDate(p.birthDate, 'YYYYMMDD'),
    ALPHA3[p.truth.nationality]!,
    upper(p.alias),
  ];
}

const someone = (world: World, r: Random, poolShare: number, fresh: number) =>
  r.chance(poolShare) ? keyOf(POOL_RANGE, r.int(0, world.counts.pool - 1)) : fresh;

export function writeCbpSmuggling(world: World, x: Exporter): void {
  const { start, end } = WINDOWS.events;
  const total = world.counts.smugglingEvents;
  const range = SOURCES['CBP-USBP'].range;
  for (let e = 0; e < total; e++) {
    const r = streamOf(world.seed, 'smuggling', e);
    const day = start + Math.floor(((e + 0.5) * (end - start)) / total);
    const cell = r.chance(0.35) ? activeNetwork(world, 'smuggling_cell', day, r) : null;
    let smugglerKey: number | null = null;
    let driverKey: number | null = null;
    let vehicleKey: number | null = null;
    let sector = r.pick(BORDER_SECTORS);
    if (cell) {
      sector = BORDER_SECTORS.find((s) => s.state === cell.usState) ?? sector;
      smugglerKey = r.pick(membersWithRole(cell, 'guide', 'coordinator')).key;
      driverKey = r.pick(membersWithRole(cell, 'driver')).key;
      vehicleKey = r.chance(0.7) ? r.pick(cell.vehicles) : keyOf(range, e);
    } else {
      if (r.chance(0.6)) smugglerKey = someone(world, r, 0.15, keyOf(range, e * 2));
      if (r.chance(0.75)) {
        driverKey = someone(world, r, 0.1, keyOf(range, e * 2 + 1));
        vehicleKey = keyOf(range, e);
      }
    }
    const smuggler = smugglerKey === null ? null : mentionPerson(x, world, smugglerKey, r, 'BP-');
    const driver = driverKey === null ? null : mentionPerson(x, world, driverKey, r, 'BP-');
    const vehicle = vehicleKey === null ? null : vehicleAt(world, vehicleKey);
    if (vehicle) {
      x.entity('vehicle', vehicle.key, 0, `USBP-${vehicle.vin}`, 'Vehicle', vehicle.entity);
    }
    x.record('Smuggling');
    x.links((smuggler ? 1 : 0) + (driver ? 1 : 0) + (vehicle ? 1 : 0));
    const big = vehicle?.type === 'tractor-trailer';
    x.row([
      `USBP${isoOf(day).slice(0, 4)}${String(e + 1).padStart(7, '0')}`,
      formatDate(isoOf(day), 'YYYYMMDD'),
      sector.sector.toUpperCase(),
      r.pick(sector.stations).toUpperCase(),
      sector.state,
      String(big ? r.int(20, 150) : r.int(1, vehicle ? 12 : 40)),
      vehicle ? vehicle.type.toUpperCase() : 'ON FOOT',
      vehicle?.plate ?? '',
      vehicle?.vin ?? '',
      vehicle?.make.toUpperCase() ?? '',
      vehicle?.model.toUpperCase() ?? '',
      ...personFields(smuggler),
      ...personFields(driver),
    ]);
  }
}
