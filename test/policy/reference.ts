/*
 * The sharing rules as the product promises them, written straight from the rules and
 * deliberately unaware of how the database encodes them (no keys, no arrays of prefixes):
 * when the enforcement and this file disagree, one of them is wrong and a test says which case.
 */

export type Marking = 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER+STRICT' | 'RED';

export const MARKINGS: readonly Marking[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];

export interface RefViewer {
  userId: string;
  agency: string;
  country: string;
}

export interface RefSharing {
  marking: Marking;
  /** Releasability; both empty means "any partner". */
  relCountries: readonly string[];
  relAgencies: readonly string[];
  /** Named organisations (AMBER+STRICT only). */
  recipientAgencies: readonly string[];
  /** Named individuals (RED only). */
  recipientUsers: readonly string[];
}

/** A record, a link, or one version of either: who made it and how it is shared. */
export interface RefMarked extends RefSharing {
  /** The originating agency. */
  agency: string;
  createdBy: string;
}

export function releasable(viewer: RefViewer, s: RefSharing): boolean {
  if (s.relCountries.length === 0 && s.relAgencies.length === 0) return true;
  return s.relCountries.includes(viewer.country) || s.relAgencies.includes(viewer.agency);
}

export function markingAllows(viewer: RefViewer, s: RefSharing): boolean {
  switch (s.marking) {
    case 'CLEAR':
    case 'GREEN':
    case 'AMBER':
      return true;
    case 'AMBER+STRICT':
      return s.recipientAgencies.includes(viewer.agency);
    case 'RED':
      return s.recipientUsers.includes(viewer.userId);
  }
}

/**
 * The originator's agency keeps sight of what it shared, except RED, which belongs to its
 * author and the individuals named; everyone else needs both releasability and the marking.
 */
export function canSee(viewer: RefViewer, item: RefMarked): boolean {
  if (item.marking !== 'RED' && viewer.agency === item.agency) return true;
  if (item.marking === 'RED' && viewer.userId === item.createdBy) return true;
  return releasable(viewer, item) && markingAllows(viewer, item);
}

/** A link shows nothing about ends the viewer may not see. */
export function canSeeLink(
  viewer: RefViewer,
  link: RefMarked,
  source: RefMarked,
  target: RefMarked,
): boolean {
  return canSee(viewer, link) && canSee(viewer, source) && canSee(viewer, target);
}

/** An old version needs its own marking to allow it and the record (its head) to be visible now. */
export function canSeeVersion(
  viewer: RefViewer,
  version: RefMarked,
  headVisible: boolean,
): boolean {
  return headVisible && canSee(viewer, version);
}
