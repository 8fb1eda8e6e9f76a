import type { TFunction } from 'i18next';
import type { SharingView } from '../services/records/present.js';

/** A portion marking as the web app writes it: "TLP:AMBER // REL TO MX, US // ONLY FGR". */
export function portionMarking(t: TFunction, s: SharingView): string {
  const relTo = [...s.relCountries, ...s.relAgencies];
  return [
    s.marking,
    relTo.length > 0 && t('cli:marking.relTo', { list: relTo.join(', ') }),
    s.recipientAgencies.length > 0 &&
      t('cli:marking.only', { list: s.recipientAgencies.join(', ') }),
    s.recipientUsers.length > 0 && t('cli:marking.namedUsers', { count: s.recipientUsers.length }),
  ]
    .filter(Boolean)
    .join(' // ');
}
