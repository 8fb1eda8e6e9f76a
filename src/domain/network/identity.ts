import { toE164 } from '../resolution/evidence/phone.js';
import { foldText } from '../text/fold.js';
import { makerOf } from '../tracing/makers.js';
import { serialKey } from '../tracing/serial.js';

type Properties = Readonly<Record<string, readonly string[] | undefined>>;

const first = (p: Properties, name: string): string | undefined =>
  p[name]?.find((v) => v.trim() !== '');

const compact = (s: string) => foldText(s).replace(/[^a-z0-9]/g, '');

/**
 * Partners describe one phone, vehicle, firearm or address in their own records; the graph
 * shows one node for it. Two records are the same thing when they carry the same number in
 * E.164, the same VIN (else the same plate in the same country), the same maker and serial
 * (read as tracing reads them), or the same address once folded. Null: no identity, the
 * record is its own node.
 */
export function identityOf(schema: string, properties: Properties): string | null {
  switch (schema) {
    case 'Phone': {
      const raw = first(properties, 'number');
      const e164 = raw ? toE164(raw) : null;
      return e164 ? `phone:${e164}` : null;
    }
    case 'Vehicle': {
      const vin = first(properties, 'vin');
      if (vin && compact(vin).length >= 11) return `vehicle:vin:${compact(vin)}`;
      const plate = first(properties, 'registrationNumber');
      if (!plate || !compact(plate)) return null;
      return `vehicle:plate:${first(properties, 'country') ?? ''}:${compact(plate)}`;
    }
    case 'Firearm': {
      const serial = first(properties, 'serialNumber');
      const maker = makerOf(first(properties, 'make') ?? '');
      const key = serial ? serialKey(serial) : '';
      return maker && key.length >= 4 ? `firearm:${maker.name}:${key}` : null;
    }
    case 'Address': {
      const full = first(properties, 'full');
      const text =
        full ??
        ['street', 'city', 'postalCode', 'country']
          .map((n) => first(properties, n) ?? '')
          .join(' ');
      const key = foldText(text).replace(/\s+/g, ' ').trim();
      return key.length >= 8 ? `address:${key}` : null;
    }
    default:
      return null;
  }
}

/** The schemas whose records `identityOf` reads. */
export const IDENTIFIED_SCHEMAS = ['Phone', 'Vehicle', 'Firearm', 'Address'] as const;
