/**
 * Abbreviations clerks write for frequent names, folded and without the dot.
 * "Ma." for María is handled by the parser because "Ma" is also a name.
 */
export const GIVEN_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  // Spanish (Mexican registry and police records)
  ['gpe', 'guadalupe'],
  ['fco', 'francisco'],
  ['fca', 'francisca'],
  ['fdo', 'fernando'],
  ['gmo', 'guillermo'],
  ['dgo', 'domingo'],
  ['stgo', 'santiago'],
  ['ma', 'maria'],
  // English (old census and parish records)
  ['wm', 'william'],
  ['chas', 'charles'],
  ['thos', 'thomas'],
  ['jas', 'james'],
  ['jno', 'john'],
  ['geo', 'george'],
  ['robt', 'robert'],
  ['saml', 'samuel'],
  ['benj', 'benjamin'],
  ['edw', 'edward'],
  ['richd', 'richard'],
  ['danl', 'daniel'],
  ['jph', 'joseph'],
]);

/** Mexican data-entry shorthands for the most frequent surnames. */
export const SURNAME_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['hdez', 'hernandez'],
  ['hdz', 'hernandez'],
  ['hndz', 'hernandez'],
  ['glez', 'gonzalez'],
  ['gzlez', 'gonzalez'],
  ['mtz', 'martinez'],
  ['mtnez', 'martinez'],
  ['mtez', 'martinez'],
  ['rdz', 'rodriguez'],
  ['rguez', 'rodriguez'],
  ['rodz', 'rodriguez'],
  ['fdez', 'fernandez'],
  ['fdz', 'fernandez'],
  ['gtz', 'gutierrez'],
  ['gtez', 'gutierrez'],
  ['lpz', 'lopez'],
  ['gmz', 'gomez'],
  ['prz', 'perez'],
  ['sanchz', 'sanchez'],
]);
