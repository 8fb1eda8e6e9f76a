import type { ProfileName } from './people/profiles.js';

/**
 * The partner systems that export data. Each numbers its records its own way, writes names its
 * own way (people/noise.ts), and sees its own once-only people (the range of its fresh keys).
 */
export const SOURCES = {
  'CBP-POE': { agency: 'CBP', range: 2, profile: 'border' },
  'CBP-USBP': { agency: 'CBP', range: 3, profile: 'border' },
  ATF: { agency: 'ATF', range: 4, profile: 'us' },
  FGR: { agency: 'FGR', range: 5, profile: 'mx' },
  SEDENA: { agency: 'SEDENA', range: 6, profile: 'mx' },
  RCMP: { agency: 'RCMP', range: 7, profile: 'ca' },
  HSI: { agency: 'HSI', range: 8, profile: 'border' },
} as const satisfies Record<string, { agency: string; range: number; profile: ProfileName }>;

export type SourceName = keyof typeof SOURCES;
