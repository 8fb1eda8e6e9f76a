import type { Topic } from '../topics.js';
import { agencyMentions, type KnownAgency } from './agencies.js';
import { addTime, endOfYear, findDates } from './dates.js';
import { foldWithOrigin, originalOf, phrasePattern } from './folded.js';
import { countryMentions } from './gazetteer.js';
import type { ReadoutLanguage } from './language.js';
import type { Sentence } from './sentences.js';
import { topicsIn } from './topic-words.js';

export interface CandidateCommitment {
  /** What was committed to, as it would be written in the tracker. */
  text: string;
  /** The sentence it was found in, as written. */
  sentence: string;
  /** The words that made it a commitment ("agreed to", "se comprometieron a"). */
  cue: string;
  topic: Topic | null;
  leadCountry: string | null;
  leadAgency: string | null;
  partnerCountries: string[];
  dueDate: string | null;
}

/** Words that bind: a sentence with one of them is a commitment. */
const STRONG: Readonly<Record<ReadoutLanguage, readonly string[]>> = {
  en: [
    'agreed to',
    'agreed on',
    'agreed that',
    'committed to',
    'commit to',
    'commits to',
    'pledged to',
    'resolved to',
    'undertook to',
    'decided to',
    'will continue to',
  ],
  es: [
    'acordaron',
    'acordo',
    'acuerdan',
    'se comprometieron a',
    'se comprometio a',
    'se comprometen a',
    'se compromete a',
    'convinieron en',
    'asumieron el compromiso de',
    'decidieron',
    'continuaran',
  ],
  fr: [
    'se sont engages a',
    'se sont engagees a',
    's engagent a',
    's engage a',
    'ont convenu de',
    'sont convenus de',
    'ont decide de',
    'se sont entendus pour',
    'continueront de',
  ],
};

/**
 * The future tense, read in the original spelling (Spanish marks it with an accent:
 * "reforzará", "compartirán"): a commitment only when its subject is a party, an agency or the
 * delegations.
 */
const WEAK: Readonly<Record<ReadoutLanguage, RegExp>> = {
  en: /\b(?:will|shall)\b/u,
  es: /\p{L}{2,}(?:rá|rán)(?!\p{L})|(?<!\p{L})van a(?!\p{L})/u,
  fr: /\p{L}{2,}(?:era|ira|eront|iront|ront)(?!\p{L})|(?<!\p{L})vont(?!\p{L})/u,
};

/** Subjects of a shared step: "both delegations", "las delegaciones", "les deux pays". */
const COLLECTIVE = phrasePattern(
  [
    'delegations',
    'both countries',
    'both governments',
    'the parties',
    'the three countries',
    'the two countries',
    'the participants',
    'the ministers',
    'the officials',
    'the leaders',
    'delegaciones',
    'ambos paises',
    'ambos gobiernos',
    'las partes',
    'los tres paises',
    'los dos paises',
    'los participantes',
    'los funcionarios',
    'delegations',
    'les deux pays',
    'les trois pays',
    'les parties',
    'les participants',
    'les deux gouvernements',
  ],
  '',
);

/** About the next meeting, not a step toward a goal. */
const NEXT_MEETING = phrasePattern(
  [
    'next meeting',
    'next session',
    'meet again',
    'proxima reunion',
    'proxima sesion',
    'volveran a reunirse',
    'prochaine reunion',
    'prochaine session',
    'se reuniront',
  ],
  '',
);

const STRONG_PATTERNS = Object.fromEntries(
  Object.entries(STRONG).map(([l, cues]) => [l, phrasePattern(cues, '')]),
) as Record<ReadoutLanguage, RegExp>;

/** A deadline: "by June 30, 2025", "a más tardar el 30 de junio", "d'ici le 30 juin". */
const BY = phrasePattern([
  'by',
  'by the end of',
  'no later than',
  'before',
  'before the end of',
  'until',
  'a mas tardar',
  'a mas tardar el',
  'a mas tardar en',
  'antes de',
  'antes del',
  'antes de que termine',
  'para el',
  'para',
  'a finales de',
  'para finales de',
  'a fines de',
  'd ici',
  'd ici le',
  'd ici la fin de',
  'd ici a la fin de',
  'avant le',
  'avant la fin de',
  'au plus tard le',
  'au plus tard en',
  'fin',
  'end of',
  'finales de',
  'fines de',
]);
const WITHIN =
  /\b(?:within|in the next|over the next|en los proximos|en un plazo de|dentro de|dans un delai de|dans les|d ici)\s+(\d{1,3}|one|two|three|six|nine|twelve|un|uno|dos|tres|seis|nueve|doce|deux|trois|neuf|douze)\s+(days?|weeks?|months?|dias|semanas|meses|jours|semaines|mois)\b/;
const YEAR_END =
  /\b(?:end of|finales de|fines de|fin de|final de|termine)\s+(?:the year\s+|del ano\s+|l annee\s+)?((?:19|20)\d{2})\b/;
const NUMBERS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  six: 6,
  nine: 9,
  twelve: 12,
  un: 1,
  uno: 1,
  dos: 2,
  tres: 3,
  seis: 6,
  nueve: 9,
  doce: 12,
  deux: 2,
  trois: 3,
  neuf: 9,
  douze: 12,
};

/** The deadline a commitment sentence sets, if any: a date after "by", a year's end, or a span after the meeting. */
export function dueDateIn(sentence: string, meetingDate: string | null): string | null {
  const year = meetingDate ? Number(meetingDate.slice(0, 4)) : undefined;
  for (const d of findDates(sentence, year)) {
    const before = foldWithOrigin(sentence.slice(Math.max(0, d.index - 30), d.index))
      .folded.replace(/[^a-z0-9\s]/g, ' ')
      .trimEnd();
    const cue = [...before.matchAll(BY)].pop();
    if (cue && cue.index + cue[0].length >= before.length - 1) return d.endDate ?? d.date;
  }
  const f = foldWithOrigin(sentence).folded.replace(/[^a-z0-9\s]/g, ' ');
  const end = YEAR_END.exec(f);
  if (end) return endOfYear(Number(end[1]));
  const within = WITHIN.exec(f);
  if (within && meetingDate) {
    const n = /\d/.test(within[1]!) ? Number(within[1]) : NUMBERS[within[1]!]!;
    const unit = within[2]!;
    return addTime(
      meetingDate,
      n,
      /^(month|mes|mois)/.test(unit)
        ? 'month'
        : /^(week|semana|semaine)/.test(unit)
          ? 'week'
          : 'day',
    );
  }
  return null;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function cueIn(
  sentence: string,
  language: ReadoutLanguage,
): { cue: string; at: number; strong: boolean } | null {
  const f = foldWithOrigin(sentence);
  const text = f.folded.replace(/[’']/g, ' ');
  const m = STRONG_PATTERNS[language].exec(text);
  if (m) {
    const found = originalOf(f, m.index, m.index + m[0].length);
    return { cue: found.text, at: found.index, strong: true };
  }
  const weak = WEAK[language].exec(sentence);
  return weak ? { cue: weak[0], at: weak.index, strong: false } : null;
}

interface Context {
  language: ReadoutLanguage;
  agencies: readonly KnownAgency[];
  meetingDate: string | null;
  parties: readonly string[];
}

/**
 * Who leads a step: the first party or agency named before the verb ("Mexico will…", "ATF y la
 * FGR acordaron…"); the others named with it are partners. With the delegations as subject
 * nobody leads until the reviewer says, and every party is a partner.
 */
function subjectOf(subject: string, ctx: Context, rest = '') {
  const agencies = agencyMentions(subject, ctx.agencies);
  const countries = countryMentions(subject).map((m) => m.value);
  const leadAgency = agencies[0]?.agency ?? null;
  const leadCountry = leadAgency?.country ?? countries[0] ?? null;
  const named = [...new Set([...agencies.map((a) => a.agency.country), ...countries])];
  const collective = COLLECTIVE.test(foldWithOrigin(subject).folded);
  // A party named later in the sentence takes part too: "ATF will trace guns recovered in Mexico".
  const later = countryMentions(rest)
    .map((m) => m.value)
    .filter((c) => ctx.parties.includes(c));
  const partners = (collective ? [...ctx.parties, ...named] : [...named, ...later]).filter(
    (c) => c !== leadCountry,
  );
  return {
    leadCountry,
    leadAgency: leadAgency?.code ?? null,
    partnerCountries: [...new Set(partners)],
    named: named.length > 0 || collective,
  };
}

/**
 * The steps a readout records: sentences with a binding verb ("agreed to", "acordaron", "se
 * sont engagés à"), or in the future tense with a party as subject, and each item of a list
 * such a sentence introduces ("agreed to: • …; • …").
 */
export function candidateCommitments(
  sentences: readonly Sentence[],
  ctx: Context,
): CandidateCommitment[] {
  const out: CandidateCommitment[] = [];
  let intro: { sentence: Sentence; cue: string; subject: string } | null = null;
  for (const s of sentences) {
    if (s.item && intro) {
      // An item with a party of its own as subject ("1. Canada will share…") is that party's.
      const own = cueIn(s.text, ctx.language);
      const ownSubject = own ? s.text.slice(0, own.at) : '';
      const mine = own && subjectOf(ownSubject, ctx).named;
      out.push(
        make(
          capitalise(s.text.replace(/[;,.]\s*$/, '')) + '.',
          mine ? s.text : `${intro.sentence.text.replace(/:\s*$/, '')} ${s.text}`,
          mine ? own.cue : intro.cue,
          mine ? ownSubject : intro.subject,
          ctx,
        ),
      );
      continue;
    }
    intro = null;
    if (NEXT_MEETING.test(foldWithOrigin(s.text).folded)) continue;
    const cue = cueIn(s.text, ctx.language);
    if (!cue) continue;
    const subject = s.text.slice(0, cue.at);
    if (!cue.strong && !subjectOf(subject, ctx).named) continue;
    if (/:\s*$/.test(s.text)) {
      intro = { sentence: s, cue: cue.cue, subject };
      continue;
    }
    out.push(make(s.text, s.text, cue.cue, subject, ctx));
  }
  return out;
}

function make(
  text: string,
  sentence: string,
  cue: string,
  subject: string,
  ctx: Context,
): CandidateCommitment {
  const { leadCountry, leadAgency, partnerCountries } = subjectOf(
    subject,
    ctx,
    sentence.slice(subject.length),
  );
  return {
    text,
    sentence,
    cue,
    topic: topicsIn(sentence)[0] ?? null,
    leadCountry,
    leadAgency,
    partnerCountries,
    dueDate: dueDateIn(sentence, ctx.meetingDate),
  };
}
