import type { Culture } from '../tables/names.js';

export type Nationality = 'MX' | 'US' | 'CA';

/** Who a group of people are: nationality shares, then the culture of names per nationality. */
export interface Profile {
  nationality: readonly (readonly [Nationality, number])[];
  culture: Readonly<Record<Nationality, readonly (readonly [Culture, number])[]>>;
  /** Share of men. */
  male: number;
  /** Share with a criminal alias ("El …"). */
  alias: number;
  /** Birth years (network members are instead aged 21 to 60 when their network starts). */
  born: readonly [number, number];
}

const CULTURES: Profile['culture'] = {
  MX: [['es', 1]],
  // Many US residents of the border states are of Mexican descent.
  US: [
    ['en', 0.58],
    ['es', 0.4],
    ['fr', 0.02],
  ],
  CA: [
    ['en', 0.5],
    ['fr', 0.42],
    ['es', 0.08],
  ],
};

const profile = (
  nationality: Profile['nationality'],
  male: number,
  alias: number,
  born: Profile['born'] = [1958, 2004],
): Profile => ({ nationality, culture: CULTURES, male, alias, born });

export const PROFILES = {
  mx: profile([['MX', 1]], 0.8, 0.04),
  // Gun buyers from 2008 on: 21 or older.
  us: profile([['US', 1]], 0.7, 0.01, [1940, 1986]),
  ca: profile([['CA', 1]], 0.7, 0.02),
  border: profile(
    [
      ['MX', 0.6],
      ['US', 0.37],
      ['CA', 0.03],
    ],
    0.7,
    0.1,
  ),
  mxMember: profile([['MX', 1]], 0.88, 0.7),
  usMember: profile([['US', 1]], 0.8, 0.3),
  caMember: profile([['CA', 1]], 0.85, 0.2),
} as const satisfies Record<string, Profile>;

export type ProfileName = keyof typeof PROFILES;
