import { foldText } from '../text/fold.js';

/** The themes the committees work on; every meeting and commitment names them by these codes. */
export const TOPICS = [
  'fentanyl_precursors',
  'firearms',
  'migration_smuggling',
  'money_laundering',
  'information_sharing',
] as const;
export type Topic = (typeof TOPICS)[number];

/**
 * Other spellings met in readouts and in records written before the codes (the demo's
 * "firearms trafficking"), in English, Spanish and French, compared accent- and case-folded.
 */
const SPELLINGS: Readonly<Record<Topic, readonly string[]>> = {
  fentanyl_precursors: [
    'fentanyl and precursors',
    'fentanyl and precursor chemicals',
    'fentanyl precursors',
    'precursor chemicals',
    'precursors',
    'fentanyl',
    'synthetic drugs',
    'fentanilo y precursores',
    'precursores quimicos',
    'fentanyl et precurseurs',
    'precurseurs chimiques',
  ],
  firearms: [
    'firearms trafficking',
    'arms trafficking',
    'guns',
    'trafico de armas',
    'armas de fuego',
    'trafic d armes',
    'armes a feu',
  ],
  migration_smuggling: [
    'migration and human smuggling',
    'human smuggling',
    'irregular migration',
    'migration',
    'migracion y trafico de personas',
    'trafico de personas',
    'migration et passage de clandestins',
  ],
  money_laundering: [
    'money laundering',
    'illicit finance',
    'lavado de dinero',
    'blanqueo de capitales',
    'blanchiment d argent',
  ],
  information_sharing: [
    'information sharing',
    'intercambio de informacion',
    'echange d information',
    'partage d information',
  ],
};

const key = (s: string) =>
  foldText(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const BY_KEY: ReadonlyMap<string, Topic> = new Map(
  TOPICS.flatMap((t) => [t, ...SPELLINGS[t]].map((s) => [key(s), t] as const)),
);

/** The topic a code or a known spelling names ("Firearms trafficking" → firearms). */
export const topicOf = (raw: string): Topic | undefined => BY_KEY.get(key(raw));

/** Every stored spelling of a topic, for finding records written either way. */
export const topicSpellings = (topic: Topic): string[] => [topic, ...SPELLINGS[topic]];
