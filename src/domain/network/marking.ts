import { TLP, type Tlp } from '../policy/sharing.js';

/** The more restrictive of two markings (a node or tie is marked as its most restricted fact). */
export const stricter = (a: Tlp, b: Tlp): Tlp => (TLP.indexOf(a) >= TLP.indexOf(b) ? a : b);
