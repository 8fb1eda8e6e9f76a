import type { NodeKind } from './types';

// Colours on the canvas. None carries meaning alone: the legend names them, and the list beside
// the canvas says each node's kind, community and role in words.

export const KIND_COLOURS: Record<NodeKind, string> = {
  person: '#1f63c6',
  organization: '#7b2fa8',
  company: '#b0358a',
  phone: '#0f8a6a',
  vehicle: '#6b6b00',
  address: '#8a5a00',
  firearm: '#c0392b',
  seizure: '#d35400',
  recovery: '#8e1b10',
  sale: '#2e7d32',
  smuggling: '#5d4037',
  meeting: '#00838f',
};

const COMMUNITY_COLOURS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#8c564b',
  '#e377c2',
  '#5b6470',
  '#a6a600',
];

export const UNKNOWN_COMMUNITY = '#9aa1ab';

/** Communities are numbered 1 (largest) onwards; the palette repeats after ten. */
export const communityColour = (c: number | null): string =>
  c === null ? UNKNOWN_COMMUNITY : COMMUNITY_COLOURS[(c - 1) % COMMUNITY_COLOURS.length]!;

export const DIMMED_NODE = '#d5d9df';
export const EDGE = '#b3bac4';
export const DIMMED_EDGE = '#e8ebef';
export const SELECTED_EDGE = '#3d4450';
export const PATH_EDGE = '#0b4f9c';

/** The marks drawn over nodes (the highlight layer), matched by the legend. */
export const MARKS = {
  leader: '#0b4f9c',
  broker: '#c2410c',
  removed: '#a4161a',
  path: '#0b4f9c',
  selected: '#1b1f24',
} as const;
