import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  assertOpen,
  commitmentProperties,
  nameFromText,
  parseCommitment,
  parseProgress,
  scopeOf,
  type CommitmentInput,
  type MeetingFacts,
} from './commitment.js';
import { STATUSES } from './status.js';

const MEETING: MeetingFacts = {
  id: '0190b8a2-7c1e-7d3a-9f00-1a2b3c4d5e6f',
  date: '2025-03-05',
  countries: ['MX', 'US', 'CA'],
};

const base: CommitmentInput = {
  text: 'Trace requests for firearms recovered in Mexico are answered within 30 days.',
  topic: 'firearms',
  leadCountry: 'US',
  leadAgency: 'ATF',
  partnerCountries: ['MX'],
  meetingId: MEETING.id,
  dueDate: '2025-09-30',
};

const codes = (input: CommitmentInput, meeting: MeetingFacts | null = MEETING) => {
  const r = parseCommitment(input, meeting);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

describe('parseCommitment', () => {
  it('reads a commitment, planned unless told otherwise, named after its text', () => {
    const r = parseCommitment(base, MEETING);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ status: 'planned', indicator: null, owners: [] });
    expect(commitmentProperties(r.value)).toEqual({
      name: [base.text],
      text: [base.text],
      topic: ['firearms'],
      leadCountry: ['US'],
      leadAgency: ['ATF'],
      partnerCountries: ['MX'],
      dueDate: ['2025-09-30'],
      status: ['planned'],
    });
  });

  it.each<[string, CommitmentInput, string[]]>([
    ['due on the meeting day', { ...base, dueDate: '2025-03-05' }, []],
    ['a status spelled with an underscore', { ...base, status: 'on_track' }, []],
    ['a topic spelled out', { ...base, topic: 'Firearms trafficking' }, []],
    ['the lead among the partners (dropped)', { ...base, partnerCountries: ['US', 'MX'] }, []],
    [
      'no lead at all',
      { ...base, leadCountry: undefined, leadAgency: undefined },
      ['leadCountry:lead_required', 'leadAgency:lead_required'],
    ],
    ['no lead agency', { ...base, leadAgency: '  ' }, ['leadAgency:lead_required']],
    [
      'a lead country that is none',
      { ...base, leadCountry: 'Mexico' },
      ['leadCountry:invalid_country'],
    ],
    ['due before the meeting', { ...base, dueDate: '2025-03-04' }, ['dueDate:due_before_meeting']],
    ['no due date', { ...base, dueDate: undefined }, ['dueDate:required']],
    ['an impossible due date', { ...base, dueDate: '2025-09-31' }, ['dueDate:invalid_date']],
    ['no text', { ...base, text: '' }, ['text:required']],
    ['no topic', { ...base, topic: undefined }, ['topic:required']],
    ['an unknown topic', { ...base, topic: 'cybercrime' }, ['topic:unknown_topic']],
    ['no meeting', { ...base, meetingId: undefined }, ['meetingId:required']],
    ['a meeting id that is not one', { ...base, meetingId: 'm-1' }, ['meetingId:invalid_id']],
    ['an unknown status', { ...base, status: 'stalled' }, ['status:invalid_choice']],
    [
      'a lead that was not at the meeting',
      { ...base, leadCountry: 'GT' },
      ['leadCountry:not_a_party'],
    ],
    [
      'a partner that was not at the meeting',
      { ...base, partnerCountries: ['MX', 'GT'] },
      ['partnerCountries:not_a_party'],
    ],
    [
      'an owner without an id',
      { ...base, owners: [{ role: 'lead' }] },
      ['owners[0].recordId:required'],
    ],
    [
      'an unknown indicator',
      { ...base, indicator: { name: 'arrests', target: 3 } },
      ['indicator.name:unknown_indicator'],
    ],
    [
      'a share target above 1',
      { ...base, indicator: { name: 'traces_answered_30d', target: 90 } },
      ['indicator.target:invalid_target'],
    ],
    [
      'an indicator without a target',
      { ...base, indicator: { name: 'fentanyl_poe_kg', target: '' } },
      ['indicator.target:invalid_target'],
    ],
    [
      'a negative target',
      { ...base, indicator: { name: 'fentanyl_poe_kg', target: -1 } },
      ['indicator.target:invalid_target'],
    ],
  ])('%s', (_, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('refuses a meeting the viewer cannot see, like one that does not exist', () => {
    expect(codes(base, null)).toEqual(['meetingId:unknown_meeting']);
  });

  it('checks parties only when the meeting names them', () => {
    expect(codes({ ...base, leadCountry: 'GT' }, { ...MEETING, countries: ['MX'] })).toEqual([]);
  });

  it('binds an indicator with its target', () => {
    const r = parseCommitment(
      { ...base, indicator: { name: 'traces_answered_30d', target: '0.9' } },
      MEETING,
    );
    expect(r.ok && r.value.indicator).toEqual({ name: 'traces_answered_30d', target: 0.9 });
  });

  it.each<[string[], string]>([
    [[], 'national'],
    [['MX'], 'bilateral'],
    [['MX', 'CA'], 'trilateral'],
  ])('partners %j -> %s', (partners, scope) => {
    expect(scopeOf(partners)).toBe(scope);
  });

  it('names a long commitment after the start of its text, cut at a word', () => {
    const long = `${'Share precursor shipment alerts '.repeat(6)}within 72 hours.`;
    const name = nameFromText(long);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name.endsWith('…')).toBe(true);
    const kept = name.slice(0, -1);
    expect(long.startsWith(kept)).toBe(true);
    expect(long[kept.length]).toBe(' ');
    expect(nameFromText('  Short\n text ')).toBe('Short text');
  });
});

describe('progress updates', () => {
  it.each(STATUSES.map((s): [string, boolean] => [s, s === 'done' || s === 'dropped']))(
    'an update to a %s commitment is refused: %s',
    (status, refused) => {
      if (!refused) {
        expect(() => assertOpen(status, 'c-1')).not.toThrow();
        return;
      }
      let thrown: unknown;
      try {
        assertOpen(status, 'c-1');
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect(thrown).toMatchObject({
        code: 'conflict',
        status: 409,
        params: { kind: 'commitment', id: 'c-1' },
        details: [{ code: 'commitment_closed', field: 'status', value: status }],
      });
    },
  );

  it.each<[string, Parameters<typeof parseProgress>[1], string[] | object]>([
    ['a note keeps the status', { note: 'Two more ports report.' }, { status: 'on track' }],
    ['a new status', { note: 'Staff shortage.', status: 'at_risk' }, { status: 'at risk' }],
    [
      'evidence ids, deduplicated',
      {
        note: 'See the seizure.',
        evidence: ['0190B8A2-7C1E-7D3A-9F00-1A2B3C4D5E6F', '0190b8a2-7c1e-7d3a-9f00-1a2b3c4d5e6f'],
      },
      { evidence: ['0190b8a2-7c1e-7d3a-9f00-1a2b3c4d5e6f'] },
    ],
    ['no note', { status: 'done' }, ['note:required']],
    ['a blank note', { note: '   ' }, ['note:required']],
    ['an unknown status', { note: 'x', status: 'paused' }, ['status:invalid_choice']],
    ['evidence that is no id', { note: 'x', evidence: ['seizure 12'] }, ['evidence[0]:invalid_id']],
  ])('%s', (_, input, expected) => {
    const r = parseProgress('on track', input);
    if (Array.isArray(expected)) {
      expect(r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`)).toEqual(expected);
    } else {
      expect(r.ok && r.value).toMatchObject(expected);
    }
  });
});
