import { describe, expect, it } from 'vitest';
import { meetingProperties, parseMeeting, type MeetingInput } from './meeting.js';

const base: MeetingInput = {
  name: 'Trilateral Fentanyl Committee, third session',
  date: '2025-03-05',
  endDate: '2025-03-06',
  place: 'Ciudad de México',
  countries: ['MX', 'US', 'CA'],
  topics: ['fentanyl_precursors', 'Firearms trafficking'],
};

const codes = (input: MeetingInput) => {
  const r = parseMeeting(input);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

describe('parseMeeting', () => {
  it('reads a trilateral meeting and derives its format from its parties', () => {
    const r = parseMeeting(base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      format: 'trilateral',
      countries: ['MX', 'US', 'CA'],
      topics: ['fentanyl_precursors', 'firearms'],
    });
    expect(meetingProperties(r.value)).toEqual({
      name: ['Trilateral Fentanyl Committee, third session'],
      date: ['2025-03-05'],
      endDate: ['2025-03-06'],
      place: ['Ciudad de México'],
      country: ['MX', 'US', 'CA'],
      format: ['trilateral'],
      topics: ['fentanyl_precursors', 'firearms'],
    });
  });

  it.each<[string, MeetingInput, string[]]>([
    ['bilateral, two parties', { ...base, countries: 'US,MX', format: 'bilateral' }, []],
    ['alpha-3 codes and repeats', { ...base, countries: ['MEX', 'usa', 'MX'] }, []],
    ['no date', { ...base, date: undefined }, ['date:required']],
    ['an impossible day', { ...base, date: '2025-02-30' }, ['date:invalid_date']],
    ['a month only', { ...base, date: '2025-03' }, ['date:invalid_date']],
    ['ends before it starts', { ...base, endDate: '2025-03-04' }, ['endDate:end_before_start']],
    ['no parties', { ...base, countries: [] }, ['countries:required']],
    ['one party', { ...base, countries: ['MX'] }, ['countries:parties_count']],
    ['four parties', { ...base, countries: ['MX', 'US', 'CA', 'GT'] }, ['countries:parties_count']],
    [
      'bilateral with three parties',
      { ...base, format: 'bilateral' },
      ['countries:parties_mismatch'],
    ],
    [
      'trilateral with two parties',
      { ...base, format: 'trilateral', countries: ['MX', 'US'] },
      ['countries:parties_mismatch'],
    ],
    ['an unknown format', { ...base, format: 'plenary' }, ['format:invalid_choice']],
    [
      'an unknown country',
      { ...base, countries: ['MX', 'XX', 'US'] },
      ['countries[1]:invalid_country'],
    ],
    [
      'an unknown topic',
      { ...base, topics: ['firearms', 'cybercrime'] },
      ['topics[1]:unknown_topic'],
    ],
    [
      'a participant with both id and name',
      {
        ...base,
        participants: [{ personId: '0190b8a2-7c1e-7d3a-9f00-1a2b3c4d5e6f', name: 'X' }],
      },
      ['participants[0]:person_or_name'],
    ],
    [
      'a participant with neither',
      { ...base, participants: [{ title: 'Deputy Attorney General' }] },
      ['participants[0]:person_or_name'],
    ],
    [
      'a participant with a bad id',
      { ...base, participants: [{ personId: '42' }] },
      ['participants[0].personId:invalid_id', 'participants[0]:person_or_name'],
    ],
    [
      'a document in German',
      { ...base, documents: [{ kind: 'readout', title: 'Protokoll', language: 'de' }] },
      ['documents[0].language:unsupported_language'],
    ],
    [
      'a document without a title',
      { ...base, documents: [{ kind: 'joint_statement', language: 'es' }] },
      ['documents[0].title:required'],
    ],
    [
      'a document of an unknown kind',
      { ...base, documents: [{ kind: 'memo', title: 'Memo', language: 'en' }] },
      ['documents[0].kind:invalid_choice'],
    ],
  ])('%s', (_, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('reports every problem at once', () => {
    expect(codes({ countries: ['MX'], date: 'soon', topics: 'piracy' })).toEqual([
      'date:invalid_date',
      'countries:parties_count',
      'topics[0]:unknown_topic',
    ]);
  });

  it('keeps participants and documents as given', () => {
    const r = parseMeeting({
      ...base,
      participants: [
        { name: 'Ana Ruiz Beltrán', title: 'Fiscal Especializada', agency: 'FGR' },
        { personId: '0190B8A2-7C1E-7D3A-9F00-1A2B3C4D5E6F', title: 'Deputy Attorney General' },
      ],
      documents: [
        {
          kind: 'joint_statement',
          title: 'Comunicado conjunto',
          language: 'ES',
          date: '2025-03-06',
        },
        { documentId: '0190b8a2-7c1e-7d3a-9f00-1a2b3c4d5e70', kind: 'readout' },
      ],
    });
    expect(r.ok && r.value.participants).toEqual([
      { name: 'Ana Ruiz Beltrán', title: 'Fiscal Especializada', agency: 'FGR' },
      { personId: '0190b8a2-7c1e-7d3a-9f00-1a2b3c4d5e6f', title: 'Deputy Attorney General' },
    ]);
    expect(r.ok && r.value.documents).toEqual([
      { kind: 'joint_statement', title: 'Comunicado conjunto', language: 'es', date: '2025-03-06' },
      { documentId: '0190b8a2-7c1e-7d3a-9f00-1a2b3c4d5e70', kind: 'readout' },
    ]);
  });
});
