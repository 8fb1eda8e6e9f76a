/**
 * Small words inside names. They carry no identity of their own ("de la Cruz"
 * and "Cruz" name the same family), so the comparison form leaves them out.
 * 'y' / 'e' join the paternal and maternal surname ("Ortiz y Peña").
 */
export const PARTICLES: ReadonlySet<string> = new Set([
  ...'de del la las los le les lo du des da das do dos di della delle dela'.split(' '),
  ...'van von der den ten ter y e'.split(' '),
]);

/**
 * Prefixes written apart by some clerks and glued by others ("Mc Donald",
 * "O Brien", "D Amours" once the apostrophe is lost): glued to the next word.
 */
export const GLUED_PREFIXES: ReadonlySet<string> = new Set(['mc', 'mac', 'o', 'd']);

/**
 * Saints' names make one surname with the next word. French writes them
 * hyphenated and abbreviates them ("St-Pierre", "St. Pierre", "Saint Pierre"),
 * so all French spellings become 'saint-pierre'; Spanish ones keep a space.
 */
export const SAINT_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['st', 'saint-'],
  ['saint', 'saint-'],
  ['ste', 'sainte-'],
  ['sainte', 'sainte-'],
  ['san', 'san '],
  ['santa', 'santa '],
]);

/**
 * After these words a particle continues the given name rather than starting
 * a surname: "José de Jesús", "Juan de Dios", and the Marian names after
 * "María" ("María de los Ángeles", "María del Carmen", "Ma. de la Luz").
 */
const DEVOTIONAL_AFTER_ANY: ReadonlySet<string> = new Set(['jesus', 'dios']);
const MARIAN_HEADS: ReadonlySet<string> = new Set(['maria', 'ma']);
const MARIAN_NAMES: ReadonlySet<string> = new Set(
  `angeles carmen luz jesus rosario lourdes guadalupe pilar dolores paz socorro fatima refugio
  concepcion mercedes consuelo asuncion soledad remedios esperanza trinidad montserrat rocio
  nieves cielo salud loreto belen milagros lujan gracia sagrario begona mar fe`.split(/\s+/u),
);

export function continuesGivenName(previous: string, word: string): boolean {
  return DEVOTIONAL_AFTER_ANY.has(word) || (MARIAN_HEADS.has(previous) && MARIAN_NAMES.has(word));
}

/**
 * Compound surnames whose inner particle does not start a new surname:
 * "Ponce de León" is one paternal surname, not Ponce + León. Keyed by the two
 * content words. Without this list "Juan Ponce de León Gómez" would look like
 * three surnames and the maternal one would be lost.
 */
export const INNER_PARTICLE_COMPOUNDS: ReadonlySet<string> = new Set([
  'ponce leon',
  'diaz leon',
  'perez leon',
  'garcia leon',
  'montes oca',
  'fernandez cordoba',
  'ruiz velasco',
  'ruiz alarcon',
  'sanchez tagle',
  'vazquez coronado',
  'nunez balboa',
  'diaz castillo',
  'lopez lara',
]);
