import { foldText } from '../../text/fold.js';
import { foldWithOrigin, originalOf, phrasePattern } from './folded.js';

/** A registered agency, as the registry lists it (never a list written here). */
export interface KnownAgency {
  code: string;
  name: string;
  country: string;
}

export interface AgencyMention {
  agency: KnownAgency;
  index: number;
}

const STOPWORDS = new Set('of the and for de del la las los y e du des et l d to en'.split(' '));

/** The stems of an office's words, five letters each: "Fiscalía General" and "Fiscal General" share them. */
const stems = (s: string) =>
  foldText(s)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2 && !STOPWORDS.has(w))
    .map((w) => w.slice(0, 5));

/**
 * Finds the registered agencies a text names: by code, written in capitals as a word ("ATF",
 * "SSPC"), or by name, accents and case aside ("Secretaria de Seguridad y Proteccion
 * Ciudadana").
 */
export function agencyMentions(text: string, agencies: readonly KnownAgency[]): AgencyMention[] {
  const out: AgencyMention[] = [];
  const f = foldWithOrigin(text);
  for (const agency of agencies) {
    const code = new RegExp(
      `(?<![\\p{L}\\p{N}])${agency.code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
      'gu',
    );
    for (const m of text.matchAll(code)) out.push({ agency, index: m.index });
    if (agency.name.trim().length < 4) continue;
    for (const m of f.folded.matchAll(phrasePattern([agency.name])))
      out.push({ agency, index: originalOf(f, m.index, m.index + m[0].length).index });
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * The agency an office belongs to, when every stem of the agency's name is in the title (or all
 * but one of four or more): "Fiscal General de la República" is the Fiscalía General de la
 * República's; "Secretary of Homeland Security" is not Homeland Security Investigations'.
 */
export function agencyOfTitle(
  title: string,
  agencies: readonly KnownAgency[],
): KnownAgency | undefined {
  const have = new Set(stems(title));
  let best: { agency: KnownAgency; score: number } | undefined;
  for (const agency of agencies) {
    const want = [...new Set(stems(agency.name))];
    if (want.length < 2) continue;
    const common = want.filter((w) => have.has(w)).length;
    const enough = common === want.length || (want.length >= 4 && common >= want.length - 1);
    if (enough && (!best || common > best.score)) best = { agency, score: common };
  }
  return best?.agency;
}
