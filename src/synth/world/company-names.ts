import type { Random } from '../random.js';
import { stripAccents } from '../people/render.js';

/** A company's name as another partner typed it: case, accents and legal-form punctuation vary. */
export function companyNameAsWritten(r: Random, name: string): string {
  let s = name;
  if (r.chance(0.3)) s = s.replace('S.A. de C.V.', 'SA DE CV').replace('Inc.', 'Inc');
  if (r.chance(0.3)) s = stripAccents(s);
  if (r.chance(0.3)) s = s.toUpperCase();
  return s;
}
