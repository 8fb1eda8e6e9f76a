import { TOPICS, type Topic } from '../topics.js';
import { phrasePattern } from './folded.js';
import { foldText } from '../../text/fold.js';

/**
 * Words that show what a passage is about, in English, Spanish and French, compared folded and
 * as word beginnings ("armas" and "armes" both start "arm"). Data: extend it here.
 */
const WORDS: Readonly<Record<Topic, readonly string[]>> = {
  fentanyl_precursors: [
    'fentanyl',
    'fentanilo',
    'precursor',
    'precursors',
    'precursores',
    'precurseurs',
    'synthetic drugs',
    'drogas sinteticas',
    'drogues de synthese',
    'pill press',
    'pill presses',
    'prensas para pastillas',
    'presses a comprimes',
    '4-ap',
    '1-boc-4-ap',
    'opioid',
    'opioids',
    'opioides',
    'methamphetamine',
    'metanfetamina',
    'methamphetamine',
  ],
  firearms: [
    'firearm',
    'firearms',
    'gun',
    'guns',
    'weapons',
    'arms trafficking',
    'rifles',
    'ammunition',
    'armas',
    'armas de fuego',
    'trafico de armas',
    'municiones',
    'armes',
    'armes a feu',
    'trafic d armes',
    'munitions',
    'trace requests',
    'rastreo',
    'tracage',
    'etrace',
  ],
  migration_smuggling: [
    'migration',
    'migrants',
    'migrantes',
    'human smuggling',
    'smuggling of migrants',
    'human trafficking',
    'trafico de personas',
    'trata de personas',
    'tráfico ilícito de migrantes',
    'passage de clandestins',
    'traite des personnes',
    'migracion',
    'lawful pathways',
  ],
  money_laundering: [
    'money laundering',
    'illicit finance',
    'illicit financial',
    'lavado de dinero',
    'operaciones con recursos de procedencia ilicita',
    'blanqueo',
    'blanchiment',
    'financial intelligence',
    'inteligencia financiera',
    'renseignement financier',
  ],
  information_sharing: [
    'information sharing',
    'share information',
    'sharing of information',
    'data sharing',
    'share data',
    'exchange information',
    'intercambio de informacion',
    'compartir informacion',
    'intercambiar informacion',
    'echange d informations',
    'echange de renseignements',
    'partage d informations',
    'partager des informations',
    'partage de donnees',
  ],
};

const PATTERNS: ReadonlyArray<readonly [Topic, RegExp]> = TOPICS.map((t) => [
  t,
  phrasePattern(WORDS[t].map((w) => foldText(w).replace(/[^a-z0-9]+/g, ' '))),
]);

/** The topics a passage is about, most mentioned first (ties in the order of TOPICS). */
export function topicsIn(text: string): Topic[] {
  const f = foldText(text).replace(/[^a-z0-9]+/g, ' ');
  return PATTERNS.map(([t, p]) => [t, [...f.matchAll(p)].length] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([t]) => t);
}
