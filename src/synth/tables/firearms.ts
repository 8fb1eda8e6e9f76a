/** Firearm models seen in US retail sales and in recoveries in Mexico. */

export type FirearmType = 'pistol' | 'revolver' | 'rifle' | 'shotgun';

export interface FirearmModel {
  make: string;
  model: string;
  type: FirearmType;
  caliber: string;
  /** ISO country of manufacture. */
  made: string;
  /** Overall frequency in retail sales. */
  weight: number;
  /** Frequency among guns straw purchasers buy for traffickers (0: never). */
  straw: number;
  /** Semi-automatic, larger than .22, detachable magazine: counts for border-state rifle reports. */
  reportableRifle?: boolean;
  /** Importer mark on foreign-made guns sold in the US. */
  importer?: string;
  /** Serial shape: letters then digits. */
  serial: readonly [letters: number, digits: number];
}

const gun = (
  make: string,
  model: string,
  type: FirearmType,
  caliber: string,
  made: string,
  weight: number,
  straw: number,
  serial: readonly [number, number],
  extra: Partial<FirearmModel> = {},
): FirearmModel => ({ make, model, type, caliber, made, weight, straw, serial, ...extra });

const AR = { reportableRifle: true };

export const GUN_MODELS: readonly FirearmModel[] = [
  gun('Colt', 'AR-15', 'rifle', '5.56x45mm', 'US', 14, 10, [2, 6], AR),
  gun('Century Arms', 'WASR-10', 'rifle', '7.62x39mm', 'RO', 12, 14, [2, 6], {
    ...AR,
    importer: 'Century International Arms',
  }),
  gun('Barrett', 'M82A1', 'rifle', '.50 BMG', 'US', 3, 3, [2, 5], AR),
  gun('Ruger', 'AR-556', 'rifle', '5.56x45mm', 'US', 8, 6, [3, 5], AR),
  gun('Smith & Wesson', 'M&P15', 'rifle', '5.56x45mm', 'US', 8, 6, [2, 6], AR),
  gun('Ruger', '10/22', 'rifle', '.22 LR', 'US', 10, 0, [4, 5]),
  gun('Remington', '700', 'rifle', '.308 Win', 'US', 6, 0, [1, 7]),
  gun('FN Herstal', 'Five-seveN', 'pistol', '5.7x28mm', 'BE', 5, 7, [3, 6], {
    importer: 'FN America',
  }),
  gun('Glock', '19', 'pistol', '9mm', 'AT', 12, 5, [3, 3], { importer: 'Glock Inc.' }),
  gun('Colt', 'Super', 'pistol', '.38 Super', 'US', 7, 8, [2, 6]),
  gun('Smith & Wesson', 'M&P9', 'pistol', '9mm', 'US', 9, 3, [3, 4]),
  gun('Beretta', '92FS', 'pistol', '9mm', 'IT', 5, 2, [3, 6], { importer: 'Beretta USA' }),
  gun('Taurus', 'G2C', 'pistol', '9mm', 'BR', 6, 2, [3, 6], {
    importer: 'Taurus International',
  }),
  gun('Remington', '870', 'shotgun', '12 gauge', 'US', 6, 1, [1, 7]),
  gun('Mossberg', '500', 'shotgun', '12 gauge', 'US', 6, 0, [1, 6]),
  gun('Smith & Wesson', 'Model 686', 'revolver', '.357 Magnum', 'US', 5, 1, [3, 4]),
  gun('Ruger', 'LCR', 'revolver', '.38 Special', 'US', 4, 0, [3, 5]),
];

/**
 * Guns recovered in Mexico that never passed through US retail: military surplus and makes not
 * imported for sale in the US. Their traces come back "not traceable".
 */
export const NON_US_MODELS: readonly FirearmModel[] = [
  gun('Norinco', 'Type 56', 'rifle', '7.62x39mm', 'CN', 5, 0, [0, 8]),
  gun('Zastava', 'M70', 'rifle', '7.62x39mm', 'RS', 4, 0, [1, 6]),
  gun('IMBEL', 'MD97', 'rifle', '5.56x45mm', 'BR', 2, 0, [2, 5]),
  gun('Norinco', 'NP-34', 'pistol', '9mm', 'CN', 3, 0, [0, 7]),
  gun('Zastava', 'CZ99', 'pistol', '9mm', 'RS', 2, 0, [1, 6]),
  gun('Armscor', 'M200', 'revolver', '.38 Special', 'PH', 2, 0, [3, 6]),
  gun('Norinco', 'HP9-1', 'shotgun', '12 gauge', 'CN', 1, 0, [0, 7]),
];

/** How the same maker is written in different partners' systems. */
export const MAKE_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  Colt: ['COLT', "Colt's Manufacturing Company", "COLT'S MFG CO"],
  'Century Arms': ['CENTURY INTERNATIONAL ARMS', 'CAI', 'CENTURY ARMS'],
  Barrett: ['BARRETT FIREARMS', 'BARRETT'],
  Ruger: ['Sturm, Ruger & Co.', 'RUGER', 'STURM RUGER'],
  'Smith & Wesson': ['S&W', 'SMITH & WESSON', 'SMITH AND WESSON'],
  'FN Herstal': ['FN', 'FNH USA', 'FN HERSTAL'],
  Glock: ['GLOCK', 'GLOCK GES.M.B.H.'],
  Beretta: ['PIETRO BERETTA', 'BERETTA'],
  Taurus: ['FORJAS TAURUS', 'TAURUS'],
  Remington: ['REMINGTON ARMS', 'REMINGTON'],
  Mossberg: ['O.F. MOSSBERG & SONS', 'MOSSBERG'],
};
