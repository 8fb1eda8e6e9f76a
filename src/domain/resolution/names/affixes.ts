/**
 * Titles and generational suffixes, keyed by their folded form without dots
 * ("Dra." -> 'dra', "C.P." -> 'cp'), mapped to one spelling per title so the
 * long and short forms compare equal.
 */
const TITLE_FORMS: ReadonlyArray<readonly [string, string]> = [
  ['dr', 'dr'],
  ['doctor', 'dr'],
  ['dra', 'dra'],
  ['doctora', 'dra'],
  ['lic', 'lic'],
  ['licdo', 'lic'],
  ['licda', 'lic'],
  ['lcdo', 'lic'],
  ['lcda', 'lic'],
  ['licenciado', 'lic'],
  ['licenciada', 'lic'],
  ['ing', 'ing'],
  ['ingeniero', 'ing'],
  ['ingeniera', 'ing'],
  ['arq', 'arq'],
  ['arquitecto', 'arq'],
  ['arquitecta', 'arq'],
  ['gen', 'gen'],
  ['gral', 'gen'],
  ['general', 'gen'],
  ['mr', 'mr'],
  ['mister', 'mr'],
  ['mrs', 'mrs'],
  ['ms', 'ms'],
  ['miss', 'miss'],
  ['mx', 'mx'],
  ['sr', 'sr'],
  ['senor', 'sr'],
  ['sra', 'sra'],
  ['senora', 'sra'],
  ['srta', 'srta'],
  ['senorita', 'srta'],
  ['mme', 'mme'],
  ['madame', 'mme'],
  ['mlle', 'mlle'],
  ['mademoiselle', 'mlle'],
  ['monsieur', 'm'],
  ['maitre', 'me'],
  ['cap', 'cap'],
  ['capt', 'cap'],
  ['captain', 'cap'],
  ['capitan', 'cap'],
  ['capitaine', 'cap'],
  ['mtro', 'mtro'],
  ['maestro', 'mtro'],
  ['mtra', 'mtra'],
  ['maestra', 'mtra'],
  ['prof', 'prof'],
  ['professor', 'prof'],
  ['profesor', 'prof'],
  ['professeur', 'prof'],
  ['profa', 'profa'],
  ['profesora', 'profa'],
  ['cp', 'cp'],
  ['pbro', 'pbro'],
  ['presbitero', 'pbro'],
  ['rev', 'rev'],
  ['reverend', 'rev'],
  ['reverendo', 'rev'],
  ['hon', 'hon'],
  ['honorable', 'hon'],
  ['sgt', 'sgt'],
  ['sgto', 'sgt'],
  ['sergeant', 'sgt'],
  ['sargento', 'sgt'],
  ['lt', 'lt'],
  ['lieutenant', 'lt'],
  ['tte', 'lt'],
  ['teniente', 'lt'],
  ['col', 'col'],
  ['colonel', 'col'],
  ['cnel', 'col'],
  ['coronel', 'col'],
  ['maj', 'maj'],
  ['cmdr', 'cmdr'],
  ['commander', 'cmdr'],
  ['cmte', 'cmdr'],
  ['comandante', 'cmdr'],
  ['adm', 'adm'],
  ['admiral', 'adm'],
  ['almirante', 'adm'],
  ['det', 'det'],
  ['detective', 'det'],
  ['insp', 'insp'],
  ['inspector', 'insp'],
  ['agt', 'agt'],
  ['sir', 'sir'],
  ['dip', 'dip'],
  ['diputado', 'dip'],
  ['diputada', 'dip'],
  ['sen', 'sen'],
  ['senador', 'sen'],
  ['senadora', 'sen'],
  ['senator', 'sen'],
  // Also ordinary words or given names ("Don" = Donald, "me"): titles only
  // when a given name follows.
  ['don', 'don'],
  ['dona', 'dona'],
  ['me', 'me'],
];

const TITLES: ReadonlyMap<string, string> = new Map(TITLE_FORMS);
const CONDITIONAL_TITLES: ReadonlySet<string> = new Set(['don', 'dona', 'me']);

const SUFFIXES: ReadonlyMap<string, string> = new Map([
  ['jr', 'jr'],
  ['jnr', 'jr'],
  ['junior', 'jr'],
  ['hijo', 'jr'],
  ['fils', 'jr'],
  ['sr', 'sr'],
  ['snr', 'sr'],
  ['senior', 'sr'],
  ['pere', 'sr'],
  ['ii', 'ii'],
  ['2nd', 'ii'],
  ['iii', 'iii'],
  ['3rd', 'iii'],
  ['iv', 'iv'],
  ['4th', 'iv'],
  ['v', 'v'],
  ['5th', 'v'],
  ['vi', 'vi'],
  ['esq', 'esq'],
]);

// A lone "V." is a middle initial far more often than "the fifth".
const UNDOTTED_ONLY_SUFFIXES: ReadonlySet<string> = new Set(['v', 'vi']);

/** Whether a folded, dot-free form may be a title (cheap pre-check for titleOf). */
export function mayBeTitle(key: string): boolean {
  return TITLES.has(key);
}

/** The canonical title for a folded, dot-free form, or null. */
export function titleOf(key: string, givenFollows: boolean): string | null {
  const title = TITLES.get(key);
  if (title === undefined) return null;
  if (CONDITIONAL_TITLES.has(key) && !givenFollows) return null;
  return title;
}

/** The canonical suffix for a folded, dot-free form, or null. */
export function suffixOf(key: string, dotted: boolean): string | null {
  const suffix = SUFFIXES.get(key);
  if (suffix === undefined) return null;
  if (dotted && UNDOTTED_ONLY_SUFFIXES.has(key)) return null;
  return suffix;
}

/** Normalises a title given on its own (a FollowTheMoney `title` value). */
export function canonicalTitle(key: string): string {
  return TITLES.get(key) ?? key;
}

/** Normalises a suffix given on its own (a FollowTheMoney `nameSuffix` value). */
export function canonicalSuffix(key: string): string {
  return SUFFIXES.get(key) ?? key;
}
