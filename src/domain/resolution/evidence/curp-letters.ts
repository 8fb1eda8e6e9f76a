import { foldText } from '../../text/fold.js';

// RENAPO's normative instructions for assigning a CURP: these words never give the letters of
// a name part ("de la Cruz" is coded from CRUZ) ...
const PARTICLES: ReadonlySet<string> = new Set(
  'DA DAS DE DEL DER DI DIE DD EL LA LAS LE LES LOS MAC MC VAN VON Y'.split(' '),
);

// ... and, when a second given name follows, the ubiquitous José and María (and their written
// abbreviations) are passed over, or half the country would share the same letter.
const COMMON_GIVEN: ReadonlySet<string> = new Set(['JOSE', 'J', 'MARIA', 'MA', 'M']);

// When the four initial letters spell a word from the registry's list of rude words, its
// second letter is written X. Without this a CURP coded BXEI would never match the name.
const RUDE_WORDS: ReadonlySet<string> = new Set(
  (
    'BACA BAKA BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COGI COJA COJE COJI COJO COLA ' +
    'CULO FALO FETO GETA GUEI GUEY JETA JOTO KACA KACO KAGA KAGO KAKA KAKO KOGE KOGI KOJA ' +
    'KOJE KOJI KOJO KOLA KULO LILO LOCA LOCO LOKA LOKO MAME MAMO MEAR MEAS MEON MIAR MION ' +
    'MOCO MOKO MULA MULO NACA NACO PEDA PEDO PENE PIPI PITO POPO PUTA PUTO QULO RATA ROBA ' +
    'ROBE ROBO RUIN SENO TETA VACA VAGA VAGO VAKA VUEI VUEY WUEI WUEY'
  ).split(' '),
);

// The registry writes X for Ñ; folding alone would turn it into N. NFC first, so a decomposed
// N + tilde is seen too.
const ENYE = /ñ/gi;
// O'Brien and D'Angelo are coded as one word.
const APOSTROPHES = /['’`´]/g;
const NOT_LETTERS = /[^A-Z]+/;
const VOWELS = 'AEIOU';

function words(s: string | null | undefined): string[] {
  if (!s) return [];
  return foldText(s.normalize('NFC').replace(ENYE, 'X').replace(APOSTROPHES, ''))
    .toUpperCase()
    .split(NOT_LETTERS)
    .filter((w) => w.length > 0);
}

function mainWord(all: string[], skipCommonGiven: boolean): string | null {
  const kept = all.filter((w) => !PARTICLES.has(w));
  if (kept.length === 0) return all[0] ?? null;
  return skipCommonGiven && kept.length > 1 && COMMON_GIVEN.has(kept[0]!) ? kept[1]! : kept[0]!;
}

function inner(w: string | null, vowel: boolean): string {
  if (!w) return 'X';
  for (let i = 1; i < w.length; i++) {
    if (VOWELS.includes(w[i]!) === vowel) return w[i]!;
  }
  return 'X';
}

/**
 * The seven letters a CURP takes from a name (positions 1-4 and 14-16, as in `Curp.nameLetters`),
 * so a CURP can be checked against a name that was recorded separately. A person with one
 * surname may have it in either field: the registry codes it as the first surname and writes X
 * for the missing one.
 */
export function curpNameLetters(
  paternal: string | null | undefined,
  maternal: string | null | undefined,
  given: string | null | undefined,
): string {
  let first = mainWord(words(paternal), false);
  let second = mainWord(words(maternal), false);
  if (!first) [first, second] = [second, null];
  const name = mainWord(words(given), true);

  const initials =
    (first?.[0] ?? 'X') + inner(first, true) + (second?.[0] ?? 'X') + (name?.[0] ?? 'X');
  const safe = RUDE_WORDS.has(initials) ? `${initials[0]}X${initials.slice(2)}` : initials;
  return safe + inner(first, false) + inner(second, false) + inner(name, false);
}
