import type { Call } from '../../src/services/context.js';
import { createLink } from '../../src/services/links/create-link.js';
import { createRecord } from '../../src/services/records/create-record.js';

/** A dealer in a border state; every fixture sale is made there. */
export const DEALER = {
  dealerName: 'Frontier Arms of Laredo',
  dealerLicense: '5-74-479-01-3C-12345',
  dealerState: 'TX',
};

const SHARED = { marking: 'TLP:AMBER', relCountries: ['US', 'MX'] };
const values = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [v]]));

/** A retail sale as the tracing agency's records hold it: Sale, Firearm, and the two links. */
export async function recordSale(
  call: Call,
  firearm: Record<string, string>,
  sale: Record<string, string>,
  buyerId: string,
): Promise<string> {
  const s = await createRecord(call, {
    schema: 'Sale',
    ...SHARED,
    properties: values({ ...DEALER, country: 'US', ...sale }),
  });
  const f = await createRecord(call, { schema: 'Firearm', ...SHARED, properties: values(firearm) });
  await createLink(call, { type: 'sold_in', sourceId: f.id, targetId: s.id, ...SHARED });
  await createLink(call, { type: 'purchased', sourceId: buyerId, targetId: f.id, ...SHARED });
  return f.id;
}

export async function recordBuyer(call: Call, name: string): Promise<string> {
  const p = await createRecord(call, {
    schema: 'Person',
    ...SHARED,
    properties: { name: [name], birthDate: ['1991-02-14'] },
  });
  return p.id;
}

/** Sales the HTTP and browser tests trace against: a rifle and two pistols to one buyer. */
export async function seedTraceSales(call: Call): Promise<void> {
  const buyer = await recordBuyer(call, 'Travis Lee Dunham');
  await recordSale(
    call,
    { make: 'Colt', model: 'AR-15', type: 'rifle', caliber: '5.56x45mm', serialNumber: 'LW012345' },
    { date: '2020-01-10' },
    buyer,
  );
  await recordSale(
    call,
    { make: 'Glock', model: '19', type: 'pistol', caliber: '9mm', serialNumber: 'BKX123' },
    { date: '2021-03-01' },
    buyer,
  );
  await recordSale(
    call,
    { make: 'Glock', model: '19', type: 'pistol', caliber: '9mm', serialNumber: 'BKX129' },
    { date: '2021-03-03' },
    buyer,
  );
}
