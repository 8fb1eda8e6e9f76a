import { AppError } from '../../errors.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../meeting.js';
import type { Problem } from '../input.js';
import type { Topic } from '../topics.js';
import { agencyMentions, agencyOfTitle, type KnownAgency } from './agencies.js';
import { candidateCommitments, type CandidateCommitment } from './commitments.js';
import { documentYear, findDates } from './dates.js';
import { foldWithOrigin, phrasePattern } from './folded.js';
import { countryMentions, placeMentions } from './gazetteer.js';
import { detectLanguage, type ReadoutLanguage } from './language.js';
import { participantsIn } from './participants.js';
import { splitSentences, type Sentence } from './sentences.js';
import { topicsIn } from './topic-words.js';

export interface ProposedParticipant {
  name: string;
  title: string | null;
  /** The registered agency's code, when the title or the text around it names one. */
  agency: string | null;
  agencyName: string | null;
  country: string | null;
}

export interface ProposedOrganization {
  name: string;
  agency: string | null;
  country: string | null;
}

/** What a readout says, before anyone has checked it: nothing here is saved. */
export interface ReadoutReading {
  language: ReadoutLanguage;
  kind: DocumentKind;
  title: string;
  meeting: {
    name: string | null;
    date: string | null;
    endDate: string | null;
    place: string | null;
    countries: string[];
    format: 'bilateral' | 'trilateral' | null;
    topics: Topic[];
  };
  participants: ProposedParticipant[];
  organizations: ProposedOrganization[];
  places: string[];
  dates: string[];
  commitments: CandidateCommitment[];
}

export const MAX_READOUT_CHARS = 200_000;

const refuse = (problem: Problem): never => {
  throw new AppError('validation_failed', {}, [problem]);
};

/** What a document calls itself, in its first lines. */
const KINDS: ReadonlyArray<readonly [DocumentKind, RegExp]> = [
  [
    'joint_statement',
    phrasePattern(
      [
        'joint statement',
        'declaracion conjunta',
        'comunicado conjunto',
        'declaration commune',
        'communique conjoint',
      ],
      '',
    ),
  ],
  [
    'readout',
    phrasePattern(['readout', 'nota informativa', 'minuta', 'compte rendu', 'relatoria'], ''),
  ],
  [
    'press_article',
    phrasePattern(['press release', 'comunicado', 'boletin', 'communique', 'news release'], ''),
  ],
];

const TRILATERAL = phrasePattern(
  ['trilateral', 'trilaterale', 'three countries', 'tres paises', 'trois pays'],
  '',
);

function kindOf(head: string): DocumentKind {
  const f = foldWithOrigin(head).folded;
  return KINDS.find(([, p]) => p.test(f))?.[0] ?? DOCUMENT_KINDS[0];
}

/** The dateline's city: "WASHINGTON —", "CIUDAD DE MÉXICO, 5 de marzo". */
function datelinePlace(sentences: readonly Sentence[]): string | null {
  for (const s of sentences.slice(0, 3)) {
    const known = placeMentions(s.text).find((m) => m.index < 4);
    if (known) return known.name;
    const caps = /^((?:\p{Lu}[\p{Lu}\p{M}.'’-]*\s?){1,4})(?:,|\s[—–-])/u.exec(s.text);
    if (caps && caps[1]!.trim().length > 2) {
      const words = caps[1]!.trim().toLowerCase().split(/\s+/);
      return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
    }
  }
  return null;
}

/** The first place said to host it: "in Ottawa", "en la Ciudad de México", "à Ottawa". */
function hostPlace(text: string): string | null {
  for (const m of placeMentions(text)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
    if (/\b(in|en|à|a|at)\s+(la\s+|the\s+)?$/u.test(before)) return m.name;
  }
  return null;
}

/** "…Ortiz Peña of the FGR", "…Rodríguez (SSPC)": an agency named right after a name. */
function agencyAfter(after: string, agencies: readonly KnownAgency[]): KnownAgency | undefined {
  const lead =
    /^\s*(?:\(|,?\s*(?:of|from|de|del|du|des)\s+(?:the\s+|la\s+|el\s+|le\s+|l['’])?)/iu.exec(after);
  if (!lead) return undefined;
  const mention = agencyMentions(after.slice(0, lead[0].length + 80), agencies)[0];
  return mention && mention.index === lead[0].length ? mention.agency : undefined;
}

/**
 * The country a clause speaks for: "Por Estados Unidos participó…; por Canadá, …", "For Canada,
 * …", "The Mexican delegation included …".
 */
function countryOfClause(sentence: string, at: number): string | null {
  const clauseStart = Math.max(sentence.lastIndexOf(';', at), 0);
  const clause = sentence.slice(clauseStart, at);
  const named = countryMentions(clause);
  const last = named[named.length - 1];
  if (!last) return null;
  const before = clause.slice(Math.max(0, last.index - 12), last.index);
  if (/(?:por|for|pour|from|de)\s+(?:el\s+|la\s+|le\s+|the\s+)?$/iu.test(before)) return last.value;
  const delegation = /delegat|delegaci|d[ée]l[ée]gation/iu.test(sentence);
  return delegation && new Set(named.map((m) => m.value)).size === 1 ? last.value : null;
}

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

/**
 * Reads a readout or press statement: the meeting (date, place, parties, topics), the people
 * with their titles and agencies, the organizations, places and dates it names, and the
 * sentences that commit someone to a step. The registry's agencies are what agency codes and
 * names are matched against. Refuses an empty text, a text too short to read and one in a
 * language other than English, Spanish or French.
 */
export function readReadout(raw: string, agencies: readonly KnownAgency[]): ReadoutReading {
  const text = raw
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
  if (!text)
    refuse({
      code: 'readout_empty',
      field: 'content',
      expected: 'the text of a readout or press statement',
    });
  if (text.length > MAX_READOUT_CHARS)
    refuse({
      code: 'too_long',
      field: 'content',
      expected: `at most ${MAX_READOUT_CHARS} characters`,
      params: { max: String(MAX_READOUT_CHARS) },
    });
  const guess = detectLanguage(text);
  if (!guess.ok)
    return refuse(
      guess.reason === 'too_short'
        ? { code: 'readout_too_short', field: 'content', expected: 'a readout of a few sentences' }
        : {
            code: 'unsupported_language',
            field: 'content',
            value: guess.detected,
            expected: 'English, Spanish or French',
            params: { values: 'en, es, fr' },
          },
    );
  const language = guess.language;
  const sentences = splitSentences(text, language);
  const year = documentYear(text);
  const head = sentences.filter((s) => s.paragraph <= 1);
  const headText = head.map((s) => s.text).join(' ');
  const first = sentences[0]!;
  // A headline is a short first paragraph with no full stop of its own.
  const headline =
    sentences.filter((s) => s.paragraph === 0).length === 1 &&
    first.text.length <= 200 &&
    !/[.!?]$/.test(first.text)
      ? first.text
      : null;

  const allDates = findDates(text, year).filter((d) => d.precision === 'day');
  const meetingDate = findDates(headText, year).find((d) => d.precision === 'day') ?? allDates[0];

  const people = new Map<string, ProposedParticipant>();
  for (const s of sentences) {
    const found = participantsIn(s.text);
    const inSentence = agencyMentions(s.text, agencies);
    for (const p of found) {
      const key = foldWithOrigin(p.name)
        .folded.replace(/[^a-z]+/g, ' ')
        .trim();
      if (people.has(key)) continue;
      const title = p.title.replace(/^\p{Lu}[\p{L}.]*['’]s\s+/u, '');
      const agency =
        agencyMentions(p.title, agencies)[0]?.agency ??
        agencyOfTitle(p.title, agencies) ??
        agencyAfter(s.text.slice(p.span.end), agencies) ??
        // One person and one agency in a sentence go together.
        (found.length === 1 && inSentence.length === 1 ? inSentence[0]!.agency : undefined);
      const country =
        agency?.country ??
        countryMentions(p.title)[0]?.value ??
        countryOfClause(s.text, p.span.start);
      people.set(key, {
        name: p.name,
        title: title || null,
        agency: agency?.code ?? null,
        agencyName: agency?.name ?? null,
        country,
      });
    }
  }
  const participants = [...people.values()];

  const organizations = new Map<string, ProposedOrganization>();
  for (const m of agencyMentions(text, agencies))
    organizations.set(m.agency.code, {
      name: m.agency.name,
      agency: m.agency.code,
      country: m.agency.country,
    });
  for (const p of participants)
    if (p.agency && !organizations.has(p.agency))
      organizations.set(p.agency, {
        name: p.agencyName ?? p.agency,
        agency: p.agency,
        country: p.country,
      });

  const mentioned = unique([
    ...countryMentions(headText).map((m) => m.value),
    ...participants.flatMap((p) => (p.country ? [p.country] : [])),
  ]);
  const countries =
    TRILATERAL.test(foldWithOrigin(text).folded) && mentioned.length <= 3
      ? ['US', 'MX', 'CA']
      : mentioned;
  const format =
    countries.length === 3 ? 'trilateral' : countries.length === 2 ? 'bilateral' : null;

  const date = meetingDate?.date ?? null;
  const topics = topicsIn(text);
  // A step that names no topic of its own is about what the meeting was about.
  const commitments = candidateCommitments(sentences, {
    language,
    agencies,
    meetingDate: date,
    parties: countries,
  }).map((c) => ({ ...c, topic: c.topic ?? topics[0] ?? null }));
  return {
    language,
    kind: kindOf(headline ?? headText),
    title: headline ?? first.text.slice(0, 200),
    meeting: {
      name: headline,
      date,
      endDate: meetingDate?.endDate ?? null,
      place: datelinePlace(head) ?? hostPlace(text),
      countries,
      format,
      topics,
    },
    participants,
    organizations: [...organizations.values()],
    places: unique(placeMentions(text).map((m) => m.name)),
    dates: unique(allDates.map((d) => d.date)),
    commitments,
  };
}
