import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { dueDateIn } from './commitments.js';
import { findDates } from './dates.js';
import { participantsIn } from './participants.js';
import { readReadout } from './propose.js';

// Readouts written for these tests (test/fixtures/readouts), in the three languages, with the
// registry's agencies as a deployment would have them.
const AGENCIES = [
  { code: 'FGR', name: 'Fiscalía General de la República', country: 'MX' },
  { code: 'SSPC', name: 'Secretaría de Seguridad y Protección Ciudadana', country: 'MX' },
  { code: 'ATF', name: 'Bureau of Alcohol, Tobacco, Firearms and Explosives', country: 'US' },
  { code: 'DEA', name: 'Drug Enforcement Administration', country: 'US' },
  { code: 'HSI', name: 'Homeland Security Investigations', country: 'US' },
  { code: 'GRC', name: 'Gendarmerie royale du Canada', country: 'CA' },
];
const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/readouts/${name}`, import.meta.url), 'utf8');

const refusal = (text: string) => {
  try {
    readReadout(text, AGENCIES);
  } catch (err) {
    return err instanceof AppError ? err.details[0]?.code : String(err);
  }
  return 'accepted';
};

describe('readReadout, English', () => {
  const r = readReadout(fixture('security-dialogue.en.txt'), AGENCIES);

  it('proposes the meeting from the headline and the dateline', () => {
    expect(r.language).toBe('en');
    expect(r.kind).toBe('readout');
    expect(r.meeting).toMatchObject({
      name: 'Readout of the U.S.-Mexico High-Level Security Dialogue',
      date: '2025-03-05',
      endDate: '2025-03-06',
      place: 'Washington',
      countries: ['US', 'MX'],
      format: 'bilateral',
    });
    expect(r.meeting.topics).toEqual(expect.arrayContaining(['fentanyl_precursors', 'firearms']));
  });

  it('finds the participants with their titles, agencies and countries, accents kept', () => {
    const by = Object.fromEntries(r.participants.map((p) => [p.name, p]));
    expect(Object.keys(by)).toEqual([
      'Lisa Monaco',
      'Alejandro Mayorkas',
      'Rosa Icela Rodríguez',
      'Alejandro Gertz Manero',
      'Steven Dettelbach',
      'Anne Milgram',
      'María Guadalupe Ortiz Peña',
    ]);
    expect(by['Lisa Monaco']).toMatchObject({ title: 'Deputy Attorney General', agency: null });
    // "Mexico's Secretaria de …": the possessive goes, the ministry is the registered SSPC.
    expect(by['Rosa Icela Rodríguez']).toMatchObject({
      title: 'Secretaria de Seguridad y Protección Ciudadana',
      agency: 'SSPC',
      country: 'MX',
    });
    // "Fiscal General" is the Fiscalía's office, though the words differ.
    expect(by['Alejandro Gertz Manero']).toMatchObject({ agency: 'FGR', country: 'MX' });
    expect(by['Steven Dettelbach']).toMatchObject({
      title: 'ATF Director',
      agency: 'ATF',
      country: 'US',
    });
    // "Dra. … of the FGR": a courtesy title, the agency after the name.
    expect(by['María Guadalupe Ortiz Peña']).toMatchObject({ title: 'Dra.', agency: 'FGR' });
  });

  it('lists the organizations, places and dates it names', () => {
    expect(r.organizations.map((o) => o.agency)).toEqual(
      expect.arrayContaining(['SSPC', 'FGR', 'ATF', 'DEA']),
    );
    // "Homeland Security Secretary" is not Homeland Security Investigations.
    expect(r.organizations.map((o) => o.agency)).not.toContain('HSI');
    expect(r.places).toEqual(['Washington', 'Manzanillo', 'Lázaro Cárdenas', 'Mexico City']);
    expect(r.dates).toEqual(['2025-03-05', '2025-06-30', '2025-09-30']);
  });

  it('proposes the commitments, list items included, with lead, partners and due date', () => {
    expect(r.commitments.map((c) => [c.cue, c.leadCountry, c.leadAgency, c.dueDate])).toEqual([
      ['agreed to', null, null, '2025-06-30'],
      ['agreed to', null, null, '2025-06-05'],
      ['will', 'US', 'ATF', '2025-12-31'],
      ['committed to', 'MX', null, '2025-09-30'],
    ]);
    expect(r.commitments[0]).toMatchObject({
      text: 'Share seizure data on fentanyl and precursor chemicals at ports of entry every month by June 30, 2025.',
      topic: 'fentanyl_precursors',
      partnerCountries: ['US', 'MX'],
    });
    expect(r.commitments[2]).toMatchObject({ topic: 'firearms', partnerCountries: ['MX'] });
    // "The next meeting will take place…" is not a step.
    expect(r.commitments.some((c) => /next meeting/.test(c.text))).toBe(false);
  });
});

describe('readReadout, an English joint statement with a numbered list', () => {
  const r = readReadout(fixture('drug-dialogue.en.txt'), AGENCIES);

  it('keeps an office that runs past a comma, and "U.S." before a title', () => {
    expect(r.meeting).toMatchObject({ date: '2024-11-18', place: 'Ottawa', format: 'trilateral' });
    expect(r.participants.map((p) => [p.name, p.title, p.country])).toEqual([
      [
        'Dominic LeBlanc',
        'Minister of Public Safety, Democratic Institutions and Intergovernmental Affairs',
        'CA',
      ],
      ['Rahul Gupta', 'U.S. Director of National Drug Control Policy', 'US'],
      ['Juan Ramón de la Fuente', 'Undersecretary for North America', 'MX'],
    ]);
  });

  it("gives a numbered item with its own subject to that party, the others to the intro's", () => {
    expect(r.commitments.map((c) => [c.leadCountry, c.partnerCountries, c.dueDate])).toEqual([
      ['CA', ['US', 'MX'], '2025-03-31'],
      ['US', ['MX'], null],
      [null, ['US', 'MX', 'CA'], '2025-12-31'],
    ]);
    // "The Dialogue will reconvene in 2025" is the next meeting, not a step.
    expect(r.commitments).toHaveLength(3);
  });
});

describe('readReadout, Spanish and French', () => {
  it('reads a Spanish joint statement: lower-case titles, "por Estados Unidos", future tense', () => {
    const r = readReadout(fixture('comite-fentanilo.es.txt'), AGENCIES);
    expect(r).toMatchObject({ language: 'es', kind: 'joint_statement' });
    expect(r.meeting).toMatchObject({
      date: '2025-05-12',
      place: 'Ciudad de México',
      countries: ['US', 'MX', 'CA'],
      format: 'trilateral',
    });
    expect(r.participants.map((p) => [p.name, p.title, p.agency, p.country])).toEqual([
      [
        'Rosa Icela Rodríguez Velázquez',
        'secretaria de Seguridad y Protección Ciudadana',
        'SSPC',
        'MX',
      ],
      ['Ken Salazar', 'Embajador', null, 'US'],
      ['Jean-François Tremblay', 'Deputy Minister of Public Safety', null, 'CA'],
      ['Alejandro Gertz Manero', 'fiscal general', 'FGR', 'MX'],
    ]);
    expect(
      r.commitments.map((c) => [c.cue, c.leadCountry, c.leadAgency, c.partnerCountries, c.dueDate]),
    ).toEqual([
      ['se comprometieron a', null, null, ['US', 'MX', 'CA'], '2025-11-12'],
      ['acordaron', 'MX', 'FGR', ['US'], '2025-10-31'],
      ['reforzará', 'MX', null, [], '2025-12-31'],
    ]);
  });

  it('reads a French one', () => {
    const r = readReadout(fixture('comite-fentanyl.fr.txt'), AGENCIES);
    expect(r).toMatchObject({ language: 'fr', kind: 'joint_statement' });
    expect(r.meeting).toMatchObject({ date: '2025-07-01', place: 'Ottawa', format: 'trilateral' });
    expect(r.participants.map((p) => [p.name, p.agency])).toEqual([
      ['Dominic LeBlanc', null],
      ['Brenda Lucki', 'GRC'],
    ]);
    expect(r.commitments.map((c) => [c.cue, c.leadCountry, c.dueDate])).toEqual([
      ['se sont engagés à', null, '2025-12-31'],
      ['renforcera', 'CA', null],
    ]);
  });
});

describe('readReadout refuses', () => {
  it('an empty text, one too short to read, and one in another language', () => {
    expect(refusal('  \n ')).toBe('readout_empty');
    expect(refusal('Acordaron.')).toBe('readout_too_short');
    expect(
      refusal(
        'As delegações do Brasil e de Portugal concordaram em partilhar informações sobre o tráfico de armas e de drogas sintéticas até o final do ano.',
      ),
    ).toBe('unsupported_language');
  });
});

describe('the parts', () => {
  it('reads dates in the three languages, ranges and months', () => {
    const one = (t: string) => findDates(t, 2025)[0];
    expect(one('del 5 al 6 de marzo de 2025')).toMatchObject({
      date: '2025-03-05',
      endDate: '2025-03-06',
    });
    expect(one('le 1er juillet 2025')).toMatchObject({ date: '2025-07-01' });
    expect(one('March 5–6, 2025')).toMatchObject({ date: '2025-03-05', endDate: '2025-03-06' });
    expect(one('en junio de 2025')).toMatchObject({ precision: 'month', endDate: '2025-06-30' });
    // "may" alone is a word, not a month.
    expect(findDates('We may meet.', 2025)).toEqual([]);
    expect(findDates('February 30, 2025', 2025)).toEqual([]);
  });

  it('reads a deadline after "by", at a year\'s end, or a span after the meeting', () => {
    expect(dueDateIn('…by June 30, 2025.', '2025-03-05')).toBe('2025-06-30');
    expect(dueDateIn('…a más tardar en diciembre de 2025.', '2025-03-05')).toBe('2025-12-31');
    expect(dueDateIn("…d'ici la fin de 2026.", '2025-03-05')).toBe('2026-12-31');
    expect(dueDateIn('…within six months.', '2025-03-05')).toBe('2025-09-05');
    expect(dueDateIn('…on March 3, 2025, they met.', '2025-03-05')).toBeNull();
  });

  it('tells a title from a name and a ministry from a minister', () => {
    expect(participantsIn('Secretary of State Antony Blinken spoke.').map((p) => p.name)).toEqual([
      'Antony Blinken',
    ]);
    // "Secretaría" with its accent is the ministry; nobody is named.
    expect(participantsIn('La Secretaría de Seguridad y Protección Ciudadana informó.')).toEqual(
      [],
    );
    // A place is not a person.
    expect(participantsIn('The Director of Mexico City spoke.')).toEqual([]);
  });
});
