import type { SourceName } from '../sources.js';

/**
 * How each partner's records of a person differ from the person (docs/synthetic-data.md).
 * Each rate is the chance, per record, that the record shows this deviation when it can
 * (a nickname needs a name that has one; a day/month swap needs a day of 12 or less).
 */
export interface NoiseRates {
  /** Accents and ñ written without their marks (García → Garcia). */
  dropAccents: number;
  /** The maternal surname left out (Mexican names). */
  dropMaternal: number;
  /** Only the maternal surname used, in place of the paternal one. */
  maternalOnly: number;
  /** Both surnames, maternal first. */
  swapSurnames: number;
  /** The given name replaced by its nickname (Pepe for José). */
  nickname: number;
  /** A compound given name cut to its first part (José Luis → José). */
  dropSecondGiven: number;
  /** The given name cut to an initial (J. Luis). */
  initial: number;
  /** One letter of the surname mistyped, dropped or swapped. */
  typo: number;
  birthDateMissing: number;
  /** Day and month exchanged (only possible when both are 12 or less). */
  swapDayMonth: number;
  /** The CURP is written down (Mexican records of Mexican nationals only). */
  curp: number;
  /** The alias is written down when the person has one. */
  alias: number;
  /** The partner files the person a second time under another record number. */
  duplicate: number;
}

const rates = (
  dropAccents: number,
  dropMaternal: number,
  nickname: number,
  birthDateMissing: number,
  curp: number,
  alias: number,
  duplicate: number,
): NoiseRates => ({
  dropAccents,
  dropMaternal,
  maternalOnly: 0.04,
  swapSurnames: 0.02,
  nickname,
  dropSecondGiven: 0.25,
  initial: 0.03,
  typo: 0.04,
  birthDateMissing,
  swapDayMonth: 0.04,
  curp,
  alias,
  duplicate,
});

// US systems drop accents and the second surname far more often than Mexican ones.
export const NOISE: Readonly<Record<SourceName, NoiseRates>> = {
  'CBP-POE': rates(0.6, 0.45, 0.06, 0.03, 0, 0.05, 0.02),
  'CBP-USBP': rates(0.6, 0.5, 0.1, 0.3, 0, 0.15, 0.03),
  ATF: rates(0.5, 0.4, 0.04, 0.02, 0, 0, 0.01),
  FGR: rates(0.15, 0.08, 0.06, 0.25, 0.7, 0.35, 0.02),
  SEDENA: rates(0.3, 0.15, 0.08, 0.4, 0.5, 0.4, 0.02),
  RCMP: rates(0.3, 0.4, 0.05, 0.1, 0, 0.1, 0.01),
  HSI: rates(0.25, 0.3, 0.12, 0.35, 0, 0.5, 0.02),
};
