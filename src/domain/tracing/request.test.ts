import { describe, expect, it } from 'vitest';
import { MAKERS } from './makers.js';
import { parseTraceRequest, type TraceRequestInput } from './request.js';

const TODAY = '2024-06-15';
const RECOVERY_ID = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const FIREARM_ID = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c';
const PERSON_ID = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2d';

const maker = (name: string) => MAKERS.find((m) => m.name === name)!;

/** A request as a partner's form sends it, with every field filled in. */
const FULL_INPUT = {
  priority: 'urgent',
  officer: '  Agente Ficticio 17 ',
  firearm: {
    make: "COLT'S MFG CO",
    model: 'AR-15',
    type: 'rifle',
    caliber: '5.56x45mm',
    serialNumber: 'lw-0123',
    obliterated: 'no',
    importer: '',
    countryOfManufacture: 'us',
  },
  recovery: {
    date: '2024-05-01',
    country: 'mx',
    state: 'TAMPS',
    place: 'Reynosa',
    circumstances: 'Cateo en domicilio',
    caseNumber: 'FED/TAMPS/0001/2024',
  },
  recoveryId: RECOVERY_ID,
  firearmId: FIREARM_ID,
  people: [
    { role: 'possessor', name: 'Persona Ficticia Uno', recordId: PERSON_ID },
    { role: 'associate', name: 'Persona Ficticia Dos' },
  ],
};

/** The smallest request that parses. */
const MINIMAL = {
  firearm: { make: 'Glock', serialNumber: 'ABC123' },
  recovery: { date: '2024-05-01', country: 'MX' },
};

type Over = {
  firearm?: Record<string, unknown>;
  recovery?: Record<string, unknown>;
} & Omit<TraceRequestInput, 'firearm' | 'recovery'>;

const withMinimal = (over: Over): TraceRequestInput => ({
  ...MINIMAL,
  ...over,
  firearm: { ...MINIMAL.firearm, ...over.firearm },
  recovery: { ...MINIMAL.recovery, ...over.recovery },
});

function errorsOf(input: TraceRequestInput) {
  const r = parseTraceRequest(input, TODAY);
  if (r.ok) throw new Error('expected the request to be refused');
  return r.errors;
}

const person = (i: number) => ({ name: `Persona Ficticia ${i}` });

describe('parseTraceRequest', () => {
  it('parses a full request', () => {
    expect(parseTraceRequest(FULL_INPUT, TODAY)).toEqual({
      ok: true,
      value: {
        priority: 'urgent',
        officer: 'Agente Ficticio 17',
        firearm: {
          make: "COLT'S MFG CO",
          model: 'AR-15',
          type: 'rifle',
          caliber: '5.56x45mm',
          serialNumber: 'lw-0123',
          obliterated: 'no',
          importer: undefined,
          countryOfManufacture: 'US',
        },
        maker: maker('Colt'),
        serial: { kind: 'full', key: '1W0123' },
        recovery: {
          date: '2024-05-01',
          country: 'MX',
          state: 'TAMPS',
          place: 'Reynosa',
          circumstances: 'Cateo en domicilio',
          caseNumber: 'FED/TAMPS/0001/2024',
        },
        recoveryId: RECOVERY_ID,
        firearmId: FIREARM_ID,
        people: [
          { role: 'possessor', name: 'Persona Ficticia Uno', recordId: PERSON_ID },
          { role: 'associate', name: 'Persona Ficticia Dos' },
        ],
      },
    });
  });

  it('parses a minimal request with its defaults', () => {
    expect(parseTraceRequest(MINIMAL, TODAY)).toEqual({
      ok: true,
      value: {
        priority: 'routine',
        officer: '',
        firearm: {
          make: 'Glock',
          model: undefined,
          type: undefined,
          caliber: undefined,
          serialNumber: 'ABC123',
          obliterated: 'no',
          importer: undefined,
          countryOfManufacture: undefined,
        },
        maker: maker('Glock'),
        serial: { kind: 'full', key: 'ABC123' },
        recovery: {
          date: '2024-05-01',
          country: 'MX',
          state: undefined,
          place: undefined,
          circumstances: undefined,
          caseNumber: undefined,
        },
        recoveryId: null,
        firearmId: null,
        people: [],
      },
    });
  });

  it.each<[string, Over, (v: ReturnType<typeof parsedValue>) => unknown, unknown]>([
    ['priority routine', { priority: 'routine' }, (v) => v.priority, 'routine'],
    ['priority null', { priority: null }, (v) => v.priority, 'routine'],
    [
      'maker from a form spelling',
      { firearm: { make: 'STURM, RUGER & CO.' } },
      (v) => v.maker.name,
      'Ruger',
    ],
    ['maker trimmed', { firearm: { make: '  Glock  ' } }, (v) => v.firearm.make, 'Glock'],
    [
      'partial serial',
      { firearm: { serialNumber: 'ABC1*' } },
      (v) => v.serial,
      { kind: 'partial', pattern: 'ABC1%', known: 4 },
    ],
    [
      'obliterated, no serial',
      { firearm: { serialNumber: '', obliterated: 'yes' } },
      (v) => v.serial,
      { kind: 'obliterated' },
    ],
    [
      'obliterated, serial omitted',
      { firearm: { serialNumber: undefined, obliterated: 'yes' } },
      (v) => v.serial,
      { kind: 'obliterated' },
    ],
    [
      'serial of unknown marks only',
      { firearm: { serialNumber: '???' } },
      (v) => v.serial,
      { kind: 'obliterated' },
    ],
    [
      'obliteration partial',
      { firearm: { serialNumber: 'ABC1*', obliterated: 'partial' } },
      (v) => v.firearm.obliterated,
      'partial',
    ],
    [
      'every firearm type',
      { firearm: { type: 'machine gun' } },
      (v) => v.firearm.type,
      'machine gun',
    ],
    [
      'country of manufacture upper-cased',
      { firearm: { countryOfManufacture: 'at' } },
      (v) => v.firearm.countryOfManufacture,
      'AT',
    ],
    [
      'importer kept',
      { firearm: { importer: ' Glock Inc. ' } },
      (v) => v.firearm.importer,
      'Glock Inc.',
    ],
    ['recovered today', { recovery: { date: TODAY } }, (v) => v.recovery.date, TODAY],
    [
      'recovered on a leap day',
      { recovery: { date: '2024-02-29' } },
      (v) => v.recovery.date,
      '2024-02-29',
    ],
    [
      'recovered long ago',
      { recovery: { date: '1999-12-31' } },
      (v) => v.recovery.date,
      '1999-12-31',
    ],
    [
      'recovery date trimmed',
      { recovery: { date: ' 2024-05-01 ' } },
      (v) => v.recovery.date,
      '2024-05-01',
    ],
    [
      'recovery country upper-cased',
      { recovery: { country: 'us' } },
      (v) => v.recovery.country,
      'US',
    ],
    ['Kosovo', { recovery: { country: 'XK' } }, (v) => v.recovery.country, 'XK'],
    [
      'empty ids',
      { recoveryId: '', firearmId: null },
      (v) => [v.recoveryId, v.firearmId],
      [null, null],
    ],
    ['people null', { people: null }, (v) => v.people, []],
    ['no people', { people: [] }, (v) => v.people, []],
    [
      'twenty people',
      { people: Array.from({ length: 20 }, (_, i) => person(i)) },
      (v) => v.people.length,
      20,
    ],
    [
      'role by default',
      { people: [{ name: 'Persona Ficticia' }] },
      (v) => v.people,
      [{ role: 'possessor', name: 'Persona Ficticia' }],
    ],
    [
      'empty record id',
      { people: [{ name: 'Persona Ficticia', recordId: '' }] },
      (v) => v.people,
      [{ role: 'possessor', name: 'Persona Ficticia' }],
    ],
  ])('accepts %s', (_, over, pick, expected) => {
    expect(pick(parsedValue(withMinimal(over)))).toEqual(expected);
  });

  it.each<[string, Over, [code: string, field: string][]]>([
    // Priority.
    ['an unknown priority', { priority: 'high' }, [['invalid_choice', 'priority']]],
    ['a priority in capitals', { priority: 'URGENT' }, [['invalid_choice', 'priority']]],
    ['an empty priority', { priority: '' }, [['invalid_choice', 'priority']]],
    ['a numeric priority', { priority: 1 }, [['invalid_choice', 'priority']]],
    // Officer.
    ['a numeric officer', { officer: 42 }, [['invalid_value', 'officer']]],
    ['an officer too long', { officer: 'x'.repeat(501) }, [['invalid_value', 'officer']]],
    // Maker.
    ['no maker', { firearm: { make: undefined } }, [['required', 'firearm.make']]],
    ['a blank maker', { firearm: { make: '   ' } }, [['required', 'firearm.make']]],
    [
      'an unknown maker',
      { firearm: { make: 'Armas del Norte' } },
      [['unknown_maker', 'firearm.make']],
    ],
    [
      'a numeric maker',
      { firearm: { make: 1911 } },
      [
        ['invalid_value', 'firearm.make'],
        ['required', 'firearm.make'],
      ],
    ],
    // Type and obliteration.
    ['an unknown type', { firearm: { type: 'cannon' } }, [['invalid_choice', 'firearm.type']]],
    ['a type in capitals', { firearm: { type: 'Pistol' } }, [['invalid_choice', 'firearm.type']]],
    ['a Spanish type', { firearm: { type: 'pistola' } }, [['invalid_choice', 'firearm.type']]],
    [
      'an unknown obliteration',
      { firearm: { obliterated: 'maybe' } },
      [['invalid_choice', 'firearm.obliterated']],
    ],
    [
      'obliteration as a boolean',
      { firearm: { obliterated: true } },
      [['invalid_value', 'firearm.obliterated']],
    ],
    // Serial.
    [
      'a serial with %',
      { firearm: { serialNumber: 'AB12%' } },
      [['impossible_serial', 'firearm.serialNumber']],
    ],
    [
      'a serial too short',
      { firearm: { serialNumber: 'AB' } },
      [['impossible_serial', 'firearm.serialNumber']],
    ],
    [
      'a serial too long',
      { firearm: { serialNumber: '1'.repeat(21) } },
      [['impossible_serial', 'firearm.serialNumber']],
    ],
    [
      'no serial, not obliterated',
      { firearm: { serialNumber: undefined } },
      [['impossible_serial', 'firearm.serialNumber']],
    ],
    [
      'no serial, partly obliterated',
      { firearm: { serialNumber: '', obliterated: 'partial' } },
      [['impossible_serial', 'firearm.serialNumber']],
    ],
    [
      'too few legible',
      { firearm: { serialNumber: 'AB1*' } },
      [['impossible_serial', 'firearm.serialNumber']],
    ],
    [
      'a numeric serial',
      { firearm: { serialNumber: 123456 } },
      [
        ['invalid_value', 'firearm.serialNumber'],
        ['impossible_serial', 'firearm.serialNumber'],
      ],
    ],
    // Country of manufacture.
    [
      'an unknown country of manufacture',
      { firearm: { countryOfManufacture: 'XX' } },
      [['invalid_country', 'firearm.countryOfManufacture']],
    ],
    [
      'an alpha-3 country of manufacture',
      { firearm: { countryOfManufacture: 'AUT' } },
      [['invalid_country', 'firearm.countryOfManufacture']],
    ],
    [
      'a country name',
      { firearm: { countryOfManufacture: 'Austria' } },
      [['invalid_country', 'firearm.countryOfManufacture']],
    ],
    // Other firearm text.
    ['a numeric model', { firearm: { model: 19 } }, [['invalid_value', 'firearm.model']]],
    [
      'a caliber too long',
      { firearm: { caliber: '9'.repeat(501) } },
      [['invalid_value', 'firearm.caliber']],
    ],
    [
      'an importer object',
      { firearm: { importer: { name: 'Glock Inc.' } } },
      [['invalid_value', 'firearm.importer']],
    ],
    // Recovery date.
    ['no recovery date', { recovery: { date: undefined } }, [['invalid_date', 'recovery.date']]],
    ['30 February', { recovery: { date: '2024-02-30' } }, [['invalid_date', 'recovery.date']]],
    [
      '29 February of a common year',
      { recovery: { date: '2023-02-29' } },
      [['invalid_date', 'recovery.date']],
    ],
    ['31 April', { recovery: { date: '2024-04-31' } }, [['invalid_date', 'recovery.date']]],
    ['month 13', { recovery: { date: '2024-13-01' } }, [['invalid_date', 'recovery.date']]],
    ['month 0', { recovery: { date: '2024-00-10' } }, [['invalid_date', 'recovery.date']]],
    ['day 0', { recovery: { date: '2024-05-00' } }, [['invalid_date', 'recovery.date']]],
    ['a day-first date', { recovery: { date: '01/05/2024' } }, [['invalid_date', 'recovery.date']]],
    ['slashes', { recovery: { date: '2024/05/01' } }, [['invalid_date', 'recovery.date']]],
    ['no leading zeros', { recovery: { date: '2024-5-1' } }, [['invalid_date', 'recovery.date']]],
    [
      'a timestamp',
      { recovery: { date: '2024-05-01T10:00:00Z' } },
      [['invalid_date', 'recovery.date']],
    ],
    ['words', { recovery: { date: 'ayer' } }, [['invalid_date', 'recovery.date']]],
    [
      'a numeric date',
      { recovery: { date: 20240501 } },
      [
        ['invalid_value', 'recovery.date'],
        ['invalid_date', 'recovery.date'],
      ],
    ],
    ['tomorrow', { recovery: { date: '2024-06-16' } }, [['future_date', 'recovery.date']]],
    ['next year', { recovery: { date: '2025-01-01' } }, [['future_date', 'recovery.date']]],
    // Recovery country.
    [
      'no recovery country',
      { recovery: { country: undefined } },
      [['invalid_country', 'recovery.country']],
    ],
    [
      'an alpha-3 recovery country',
      { recovery: { country: 'MEX' } },
      [['invalid_country', 'recovery.country']],
    ],
    [
      'a recovery country name',
      { recovery: { country: 'México' } },
      [['invalid_country', 'recovery.country']],
    ],
    [
      'an unassigned recovery country',
      { recovery: { country: 'XX' } },
      [['invalid_country', 'recovery.country']],
    ],
    // Other recovery text.
    ['a numeric state', { recovery: { state: 28 } }, [['invalid_value', 'recovery.state']]],
    [
      'a place too long',
      { recovery: { place: 'p'.repeat(501) } },
      [['invalid_value', 'recovery.place']],
    ],
    [
      'a case number list',
      { recovery: { caseNumber: ['A', 'B'] } },
      [['invalid_value', 'recovery.caseNumber']],
    ],
    [
      'circumstances as a number',
      { recovery: { circumstances: 0 } },
      [['invalid_value', 'recovery.circumstances']],
    ],
    // Record ids.
    ['a recovery id that is no id', { recoveryId: 'REC-1' }, [['invalid_id', 'recoveryId']]],
    ['a numeric recovery id', { recoveryId: 17 }, [['invalid_id', 'recoveryId']]],
    ['a firearm id that is no id', { firearmId: 'not-a-uuid' }, [['invalid_id', 'firearmId']]],
    [
      'a firearm id with a stray character',
      { firearmId: `${FIREARM_ID}x` },
      [['invalid_id', 'firearmId']],
    ],
    // People.
    ['people as text', { people: 'Persona Ficticia' }, [['invalid_value', 'people']]],
    [
      'people as an object',
      { people: { name: 'Persona Ficticia' } },
      [['invalid_value', 'people']],
    ],
    [
      '21 people',
      { people: Array.from({ length: 21 }, (_, i) => person(i)) },
      [['invalid_value', 'people']],
    ],
    ['a person that is null', { people: [null] }, [['invalid_value', 'people[0]']]],
    [
      'a person as text',
      { people: [person(0), 'Persona Ficticia'] },
      [['invalid_value', 'people[1]']],
    ],
    [
      'a person with no name',
      { people: [{ role: 'associate' }] },
      [['required', 'people[0].name']],
    ],
    [
      'a person with a blank name',
      { people: [person(0), { name: '  ' }] },
      [['required', 'people[1].name']],
    ],
    [
      'a person with a numeric name',
      { people: [{ name: 7 }] },
      [
        ['invalid_value', 'people[0].name'],
        ['required', 'people[0].name'],
      ],
    ],
    [
      'a person with a bad record id',
      { people: [{ name: 'Persona Ficticia', recordId: 'P-1' }] },
      [['invalid_id', 'people[0].recordId']],
    ],
    [
      'the third person with a bad record id',
      { people: [person(0), person(1), { ...person(2), recordId: 9 }] },
      [['invalid_id', 'people[2].recordId']],
    ],
  ])('refuses %s, naming the field', (_, over, expected) => {
    expect(errorsOf(withMinimal(over)).map((e) => [e.code, e.field])).toEqual(expected);
  });

  it.each<[string, TraceRequestInput, [code: string, field: string][]]>([
    ['no firearm', { recovery: MINIMAL.recovery }, [['required', 'firearm']]],
    ['a firearm as text', { ...MINIMAL, firearm: 'Colt AR-15' }, [['required', 'firearm']]],
    ['a firearm as a list', { ...MINIMAL, firearm: [MINIMAL.firearm] }, [['required', 'firearm']]],
    ['no recovery', { firearm: MINIMAL.firearm }, [['required', 'recovery']]],
    ['a recovery as text', { ...MINIMAL, recovery: '2024-05-01' }, [['required', 'recovery']]],
    ['a recovery that is null', { ...MINIMAL, recovery: null }, [['required', 'recovery']]],
  ])('refuses %s', (_, input, expected) => {
    expect(errorsOf(input).map((e) => [e.code, e.field])).toEqual(expected);
  });

  it.each<[string, string, string]>([
    [
      'AB@123',
      'AB@123',
      'letters and digits, with ? for one illegible character and * for several',
    ],
    ['AB', 'AB', 'a serial of 3 to 20 characters'],
    ['', '', 'a serial of 3 to 20 characters'],
    ['AB1*', 'AB1*', 'at least 4 legible characters'],
  ])('says why serial %j is impossible', (serialNumber, value, expected) => {
    expect(errorsOf(withMinimal({ firearm: { serialNumber } }))).toEqual([
      { code: 'impossible_serial', field: 'firearm.serialNumber', value, expected },
    ]);
  });

  it('names the unknown maker and the latest date allowed', () => {
    const errors = errorsOf(
      withMinimal({ firearm: { make: 'Armas del Norte' }, recovery: { date: '2024-07-01' } }),
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'unknown_maker', value: 'Armas del Norte' }),
      {
        code: 'future_date',
        field: 'recovery.date',
        value: '2024-07-01',
        expected: 'a date on or before 2024-06-15',
      },
    ]);
  });

  it('returns every problem at once, each naming its field', () => {
    const errors = errorsOf({
      priority: 'asap',
      officer: 3,
      firearm: { make: 'Nobody', type: 'cannon', serialNumber: 'A', countryOfManufacture: 'ZZ' },
      recovery: { date: '2024-02-30', country: 'Mexico' },
      recoveryId: 'x',
      firearmId: 'y',
      people: [{}],
    });
    expect(errors.map((e) => e.field)).toEqual([
      'priority',
      'officer',
      'firearm.make',
      'firearm.type',
      'firearm.serialNumber',
      'firearm.countryOfManufacture',
      'recovery.date',
      'recovery.country',
      'recoveryId',
      'firearmId',
      'people[0].name',
    ]);
  });

  it('cuts a long value it quotes back', () => {
    const [e] = errorsOf(withMinimal({ officer: 'o'.repeat(600) }));
    expect(e?.value).toHaveLength(80);
  });
});

function parsedValue(input: TraceRequestInput) {
  const r = parseTraceRequest(input, TODAY);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.errors)}`);
  return r.value;
}
