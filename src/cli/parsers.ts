import { InvalidArgumentError } from 'commander';
import type { TFunction } from 'i18next';
import { isUuid } from '../domain/ids.js';

// Malformed flag values are usage errors (exit 2), caught before anything touches the database.

export const portNumber = (t: TFunction) => (raw: string) => {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > 65_535) throw new InvalidArgumentError(t('cli:usage.expectPort'));
  return n;
};

export const wholeNumber = (t: TFunction) => (raw: string) => {
  if (!/^\d+$/.test(raw)) throw new InvalidArgumentError(t('cli:usage.expectWholeNumber'));
  return Number(raw);
};

export const uuid = (t: TFunction) => (raw: string) => {
  if (!isUuid(raw.trim())) throw new InvalidArgumentError(t('cli:usage.expectId'));
  return raw.trim().toLowerCase();
};

export const positiveNumber = (t: TFunction) => (raw: string) => {
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new InvalidArgumentError(t('cli:usage.expectPositive'));
  return Number(raw);
};

/** One word of a closed list, e.g. a kind of entity. */
export const oneOf =
  <T extends string>(t: TFunction, values: readonly T[]) =>
  (raw: string): T => {
    const value = raw.trim().toLowerCase();
    if (!(values as readonly string[]).includes(value))
      throw new InvalidArgumentError(t('cli:usage.expectOneOf', { values: values.join(', ') }));
    return value as T;
  };
