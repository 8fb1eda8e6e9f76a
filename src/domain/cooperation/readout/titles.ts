import { foldText } from '../../text/fold.js';

/**
 * The heads of official titles readouts name people by, in English, Spanish and French
 * ("Deputy Attorney General", "Secretaria", "Ministre"). A title is a head plus what follows it
 * up to the name ("Secretary of Homeland Security"), and what precedes it when that is part of
 * the office ("Homeland Security Secretary", "U.S. Ambassador").
 */
const HEADS = [
  // English
  'Secretary',
  'Deputy Secretary',
  'Under Secretary',
  'Undersecretary',
  'Assistant Secretary',
  'Attorney General',
  'Deputy Attorney General',
  'Associate Attorney General',
  'Ambassador',
  'Administrator',
  'Deputy Administrator',
  'Director',
  'Deputy Director',
  'Acting Director',
  'Assistant Director',
  'Commissioner',
  'Deputy Commissioner',
  'Acting Commissioner',
  'Minister',
  'Deputy Minister',
  'Prime Minister',
  'President',
  'Vice President',
  'Homeland Security Advisor',
  'National Security Advisor',
  'Advisor',
  'Adviser',
  'Governor',
  'Chief',
  'Coordinator',
  'Special Agent in Charge',
  'Senator',
  'Consul General',
  'Admiral',
  // Spanish
  'Secretario',
  'Secretaria',
  'Subsecretario',
  'Subsecretaria',
  'Fiscal General',
  'Fiscal',
  'Embajador',
  'Embajadora',
  'Director General',
  'Directora General',
  'Directora',
  'Comisionado',
  'Comisionada',
  'Canciller',
  'Presidente',
  'Presidenta',
  'Gobernador',
  'Gobernadora',
  'Jefe',
  'Jefa',
  'Titular',
  'Coordinador',
  'Coordinadora',
  'Procurador',
  'Procuradora',
  'Consejero',
  'Consejera',
  'Asesor',
  'Asesora',
  'Cónsul General',
  'Comandante',
  'Almirante',
  'General',
  // French
  'Ministre',
  'Sous-ministre',
  'Première ministre',
  'Premier ministre',
  'Secrétaire',
  'Ambassadeur',
  'Ambassadrice',
  'Directeur',
  'Directrice',
  'Commissaire',
  'Procureur général',
  'Procureure générale',
  'Conseiller',
  'Conseillère',
];

const key = (s: string) => foldText(s).replace(/\.$/, '');

/** Heads by their first folded word, longest first, as folded word lists. */
const BY_FIRST: ReadonlyMap<string, string[][]> = (() => {
  const map = new Map<string, string[][]>();
  for (const head of HEADS) {
    const words = head.split(' ').map(key);
    const list = map.get(words[0]!) ?? [];
    list.push(words);
    map.set(words[0]!, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
})();

/** How many words of `keys` from `at` are a title head (0: none). */
export function headAt(keys: readonly string[], at: number): number {
  for (const words of BY_FIRST.get(keys[at] ?? '') ?? [])
    if (words.every((w, k) => keys[at + k] === w)) return words.length;
  return 0;
}

/**
 * Words of an office rather than of a name: they may follow a head ("of State", "de Seguridad y
 * Protección Ciudadana") but a name does not start with them.
 */
export const OFFICE_WORDS: ReadonlySet<string> = new Set(
  `state homeland security justice public safety defense defence foreign affairs relations
  exteriores seguridad proteccion ciudadana defensa nacional marina hacienda gobernacion
  republica securite publique immigration citizenship health treasury commerce border customs
  protection enforcement drug control policy national attorney general affairs investigations
  administration bureau department office agency alcohol tobacco firearms explosives federal
  intelligence financial unit secretaria secretariat ministry ministere ministerio interior
  international narcotics law programs western hemisphere hemisphere mexico united states
  canada guard guardia coast police policia royal mounted gendarmerie royale services service
  operations operaciones inteligencia financiera aduanas agencia fiscalia sante salud sanitaria
  emergency preparedness council consejo gabinete cabinet embassy embajada ambassade chief
  staff deputy assistant acting special agent charge minister ministre secretary democratic
  institutions intergovernmental north america american americas economic development
  development transport transportation finance justicia juridico`.split(/\s+/),
);

/** Courtesy titles and ranks written before a name, not part of it. */
export const HONORIFICS: ReadonlySet<string> = new Set(
  'dr dra lic ing mtro mtra gen gral sr sra srta mr mrs ms mme m prof hon adm col cap capt'.split(
    ' ',
  ),
);
