import { formatDate, isoOf } from '../dates.js';
import { keyOf, POOL_RANGE } from '../keys.js';
import { streamOf, Weighted, type Random } from '../random.js';
import { SOURCES } from '../sources.js';
import { PORT_WEIGHTS, US_PORTS } from '../tables/north.js';
import { activeNetwork, membersWithRole } from '../world/active.js';
import { vehicleAt } from '../world/vehicles.js';
import { WINDOWS } from '../world/windows.js';
import type { World } from '../world/world.js';
import type { ExportSpec, Exporter } from '../output/exporter.js';
import { col, type Mapping } from '../output/mapping.js';
import { ALPHA3, mentionPerson, surnames, upper, type Mention } from '../output/people.js';

const PERSON = ['ID', 'Last Name', 'First Name', 'DOB', 'Gender', 'Citizenship'];
const COLUMNS = [
  'Event Number',
  'Event Date',
  'Port of Entry',
  'Port Code',
  'State',
  'Drug Type',
  'Quantity',
  'Unit',
  'Conveyance',
  'Vehicle Plate',
  'Plate Country',
  'VIN',
  'Vehicle Make',
  'Vehicle Model',
  'Vehicle Year',
  'Vehicle Color',
  ...PERSON.map((c) => `Driver ${c}`),
  ...PERSON.map((c) => `Passenger ${c}`),
];

const personRecord = (role: 'Driver' | 'Passenger') => ({
  key: role.toLowerCase(),
  schema: 'Person',
  id: `{${role} ID}`,
  optional: true,
  properties: {
    name: { columns: [`${role} First Name`, `${role} Last Name`] },
    firstName: col(`${role} First Name`),
    lastName: col(`${role} Last Name`),
    birthDate: col(`${role} DOB`, { date: 'MM/DD/YYYY' }),
    gender: col(`${role} Gender`, { map: { M: 'male', F: 'female' } }),
    nationality: col(`${role} Citizenship`),
  },
});

const MAPPING: Mapping = {
  format: 'csv',
  delimiter: ',',
  encoding: 'utf-8',
  marking: 'AMBER',
  rel: ['US', 'MX'],
  records: [
    {
      key: 'seizure',
      schema: 'Seizure',
      id: '{Event Number}',
      properties: {
        caseNumber: col('Event Number'),
        date: col('Event Date', { date: 'MM/DD/YYYY' }),
        portOfEntry: col('Port of Entry'),
        place: { template: '{Port of Entry}, {State}' },
        state: col('State'),
        country: { value: 'US' },
        drug: col('Drug Type', { map: { METH: 'methamphetamine' } }),
        quantity: { columns: ['Quantity', 'Unit'] },
        conveyance: col('Conveyance'),
      },
    },
    personRecord('Driver'),
    personRecord('Passenger'),
    {
      key: 'vehicle',
      schema: 'Vehicle',
      id: '{VIN}',
      optional: true,
      properties: {
        vin: col('VIN'),
        registrationNumber: col('Vehicle Plate', { upper: true, remove: ' -' }),
        country: col('Plate Country'),
        make: col('Vehicle Make'),
        model: col('Vehicle Model'),
        buildDate: col('Vehicle Year'),
        color: col('Vehicle Color'),
        type: col('Conveyance'),
      },
    },
  ],
  links: [
    { type: 'involved_in', source: 'driver', target: 'seizure' },
    { type: 'involved_in', source: 'passenger', target: 'seizure' },
    { type: 'seized_in', source: 'vehicle', target: 'seizure' },
  ],
};

export const CBP_SEIZURES: ExportSpec = {
  file: 'cbp-port-seizures.csv',
  source: 'CBP-POE',
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ',',
  marking: 'AMBER',
  rel: ['US', 'MX'],
  mapping: MAPPING,
  columns: COLUMNS,
};

const PORTS = new Weighted(US_PORTS.map((p, i) => [p, PORT_WEIGHTS[i]!] as const));
const BACKGROUND_DRUGS = new Weighted([
  ['FENTANYL PILLS', 35],
  ['FENTANYL POWDER', 20],
  ['METH', 30],
  ['COCAINE', 10],
  ['HEROIN', 5],
] as const);
const CELL_DRUGS = new Weighted([
  ['FENTANYL PILLS', 50],
  ['FENTANYL POWDER', 30],
  ['METH', 20],
] as const);

/** Amounts spread over orders of magnitude, as seizures are. */
const logUniform = (r: Random, lo: number, hi: number) =>
  10 ** (Math.log10(lo) + r.next() * (Math.log10(hi) - Math.log10(lo)));

function amount(r: Random, drug: string): [string, string] {
  if (drug === 'FENTANYL PILLS') return [String(Math.round(logUniform(r, 5, 4000)) * 100), 'PILLS'];
  if (drug === 'METH') return [logUniform(r, 1, 600).toFixed(1), 'LBS'];
  return [logUniform(r, 0.1, 60).toFixed(2), 'KG'];
}

function personFields(m: Mention | null): string[] {
  if (!m) return ['', '', '', '', '', ''];
  const p = m.person;
  return [
    m.id,
    upper(surnames(p)),
    upper(p.given),
    formatDate(p.birthDate, 'MM/DD/YYYY'),
    p.truth.gender === 'male' ? 'M' : 'F',
    ALPHA3[p.truth.nationality]!,
  ];
}

export function writeCbpSeizures(world: World, x: Exporter): void {
  const { start, end } = WINDOWS.events;
  const total = world.counts.poeSeizures;
  const range = SOURCES['CBP-POE'].range;
  for (let e = 0; e < total; e++) {
    const r = streamOf(world.seed, 'poe', e);
    const day = start + Math.floor(((e + 0.5) * (end - start)) / total);
    const cell = r.chance(0.3) ? activeNetwork(world, 'fentanyl_distribution', day, r) : null;
    let driverKey: number;
    let passengerKey: number | null = null;
    let vehicleKey: number | null;
    let port = PORTS.pick(r);
    let drug: string;
    if (cell) {
      if (r.chance(0.8)) port = US_PORTS[cell.port]!;
      drug = CELL_DRUGS.pick(r);
      const couriers = membersWithRole(cell, 'courier');
      const driver = r.pick(couriers);
      driverKey = driver.key;
      // Co-arrests: a second member in the same car.
      const others = membersWithRole(cell, 'courier', 'distributor').filter((m) => m !== driver);
      if (others.length && r.chance(0.4)) passengerKey = r.pick(others).key;
      vehicleKey = r.chance(0.75) ? r.pick(cell.vehicles) : keyOf(range, e);
    } else {
      drug = BACKGROUND_DRUGS.pick(r);
      driverKey = r.chance(0.12)
        ? keyOf(POOL_RANGE, r.int(0, world.counts.pool - 1))
        : keyOf(range, e * 2);
      if (r.chance(0.12)) passengerKey = keyOf(range, e * 2 + 1);
      vehicleKey = r.chance(0.08) ? null : keyOf(range, e);
    }
    const driver = mentionPerson(x, world, driverKey, r, 'S-');
    const passenger = passengerKey === null ? null : mentionPerson(x, world, passengerKey, r, 'S-');
    const vehicle = vehicleKey === null ? null : vehicleAt(world, vehicleKey);
    if (vehicle) x.entity('vehicle', vehicle.key, 0, vehicle.vin, 'Vehicle', vehicle.entity);
    const eventNumber = `POE${isoOf(day).slice(0, 4)}${String(e + 1).padStart(7, '0')}`;
    x.record('Seizure');
    x.links(1 + (passenger ? 1 : 0) + (vehicle ? 1 : 0));
    const [quantity, unit] = amount(r, drug);
    x.row([
      eventNumber,
      formatDate(isoOf(day), 'MM/DD/YYYY'),
      port.name.toUpperCase(),
      port.code,
      port.state,
      drug,
      quantity,
      unit,
      vehicle ? vehicle.type.toUpperCase() : 'PEDESTRIAN',
      vehicle?.plate ?? '',
      vehicle ? ALPHA3[vehicle.country]! : '',
      vehicle?.vin ?? '',
      vehicle?.make.toUpperCase() ?? '',
      vehicle?.model.toUpperCase() ?? '',
      vehicle ? String(vehicle.year) : '',
      vehicle?.color.toUpperCase() ?? '',
      ...personFields(driver),
      ...personFields(passenger),
    ]);
  }
}
