import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord } from '../../src/services/records/create-record.js';
import { buildAgency } from '../support/factories.js';
import {
  as,
  auditTail,
  expectProblem,
  openHarness,
  storedVersions,
  type Harness,
} from './harness.js';

// Readouts read into proposals and saved as reviewed, through the API, under sharing rules.

let h: Harness;
type Ask = ReturnType<typeof as>;
let fgr: Ask;
let cbp: Ask;
let ortiz: string;
let gertz: string;

const fixture = (name: string) => readFileSync(`test/fixtures/readouts/${name}`, 'utf8');
const EN = fixture('security-dialogue.en.txt');
const ES = fixture('comite-fentanilo.es.txt');

/** A PDF of the text, as a press office would publish it (pdfkit, nothing fetched). */
async function pdfOf(text: string): Promise<string> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  for (const paragraph of text.split('\n\n')) doc.text(paragraph).moveDown();
  doc.end();
  await done;
  return Buffer.concat(chunks).toString('base64');
}

const propose = (ask: Ask, payload: Record<string, unknown>, lang = 'en') =>
  ask({
    method: 'POST',
    url: '/api/v1/readouts/propose',
    headers: { 'accept-language': lang },
    payload,
  });

beforeAll(async () => {
  h = await openHarness();
  await buildAgency(h.db, 'SSPC', 'MX', 'Secretaría de Seguridad y Protección Ciudadana');
  await buildAgency(h.db, 'ATF', 'US', 'Bureau of Alcohol, Tobacco, Firearms and Explosives');
  fgr = as(h.app, h.fgr);
  cbp = as(h.app, h.cbp);
  // Known to every partner, written the way a Mexican register writes names.
  ortiz = (
    await createRecord(h.fgr.call, {
      schema: 'Person',
      properties: { name: ['ORTIZ PEÑA, MA. GUADALUPE'], nationality: ['MX'] },
      marking: 'TLP:GREEN',
    })
  ).id;
  // Known to FGR alone.
  gertz = (
    await createRecord(h.fgr.call, {
      schema: 'Person',
      properties: { name: ['Alejandro Gertz Manero'] },
      marking: 'TLP:AMBER+STRICT',
      recipientAgencies: ['FGR'],
    })
  ).id;
}, 60_000);
afterAll(() => h?.close());

describe('POST /api/v1/readouts/propose', () => {
  it('proposes the meeting, participants matched to known persons, and commitments, saving nothing', async () => {
    const before = await storedVersions(h.db);
    const res = await propose(cbp, { content: EN, filename: 'readout.txt' });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.meeting).toMatchObject({
      date: '2025-03-05',
      place: 'Washington',
      format: 'bilateral',
    });
    const ortizP = p.participants.find(
      (x: { name: string }) => x.name === 'María Guadalupe Ortiz Peña',
    );
    // "Dra. María Guadalupe Ortiz Peña" is "ORTIZ PEÑA, MA. GUADALUPE": the resolver's matcher.
    expect(ortizP.match).toMatchObject({ personId: ortiz });
    expect(ortizP.match.reasons.join(' ')).toMatch(/surname/);
    expect(p.commitments).toHaveLength(4);
    expect(await storedVersions(h.db)).toBe(before);
    const audit = await auditTail(h.db);
    expect(audit.last).toMatchObject({ action: 'readout.propose', outcome: 'ok' });
  });

  it('never matches a participant to a person the reader may not see', async () => {
    const forCbp = (await propose(cbp, { content: EN })).json();
    const forFgr = (await propose(fgr, { content: EN })).json();
    const gertzOf = (p: {
      participants: { name: string; match: unknown; candidates: unknown[] }[];
    }) => p.participants.find((x) => x.name === 'Alejandro Gertz Manero')!;
    expect(gertzOf(forFgr).match).toMatchObject({ personId: gertz });
    expect(gertzOf(forCbp).match).toBeNull();
    expect(JSON.stringify(forCbp)).not.toContain(gertz);
  });

  it('reads HTML and PDF as it reads text', async () => {
    const html = `<!doctype html><html><body><nav>Menu</nav><h1>Comunicado conjunto del Comité Trilateral sobre Fentanilo</h1>${ES.split(
      '\n\n',
    )
      .slice(1)
      .map((p) => `<p>${p}</p>`)
      .join('')}</body></html>`;
    const fromHtml = (await propose(fgr, { format: 'html', content: html })).json();
    expect(fromHtml).toMatchObject({ language: 'es', kind: 'joint_statement' });
    expect(fromHtml.meeting).toMatchObject({ date: '2025-05-12', format: 'trilateral' });
    const fromPdf = await propose(fgr, { format: 'pdf', content: await pdfOf(ES) });
    expect(fromPdf.statusCode, fromPdf.body).toBe(200);
    expect(fromPdf.json().meeting).toMatchObject({ date: '2025-05-12', place: 'Ciudad de México' });
    expect(fromPdf.json().participants.map((x: { name: string }) => x.name)).toContain(
      'Rosa Icela Rodríguez Velázquez',
    );
    expect(fromPdf.json().commitments.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses an empty readout, one that is not text, and one in another language, in the reader’s language', async () => {
    const codes = async (payload: Record<string, unknown>, lang = 'en') => {
      const problem = expectProblem(await propose(fgr, payload, lang), 422, 'validation_failed');
      return problem.errors!.map((e) => [e.code, e.field, (e as { expected?: string }).expected]);
    };
    expect(await codes({ content: '   ' })).toEqual([
      ['readout_empty', 'content', 'the text of a readout or press statement: this one is empty'],
    ]);
    expect((await codes({ content: '\u0000\u0001PK\u0003\u0004'.repeat(20) }))[0]![0]).toBe(
      'readout_not_text',
    );
    expect(
      (await codes({ format: 'pdf', content: Buffer.from(EN).toString('base64') }))[0]![0],
    ).toBe('readout_not_text');
    expect(
      await codes(
        {
          content:
            'As delegações do Brasil e de Portugal concordaram em partilhar informações sobre o tráfico de armas até o final do ano.',
        },
        'es',
      ),
    ).toEqual([
      [
        'unsupported_language',
        'content',
        'una nota en inglés, español o francés (esta parece estar en por)',
      ],
    ]);
  });
});

describe('POST /api/v1/readouts', () => {
  it('refuses a proposal whose commitments lack a lead, naming each, and saves nothing', async () => {
    const proposal = (await propose(cbp, { content: EN })).json();
    const before = await storedVersions(h.db);
    const res = await cbp({
      method: 'POST',
      url: '/api/v1/readouts',
      payload: { content: EN, proposal, marking: 'TLP:GREEN' },
    });
    const problem = expectProblem(res, 422, 'validation_failed');
    expect(problem.errors!.map((e) => e.field)).toEqual(
      expect.arrayContaining(['commitments[0].leadCountry', 'commitments[1].leadAgency']),
    );
    expect(await storedVersions(h.db)).toBe(before);
  });

  it('saves the reviewed readout: meeting, known and new participants, document, commitments', async () => {
    const proposal = (await propose(cbp, { content: EN })).json();
    proposal.commitments[0] = { ...proposal.commitments[0], leadCountry: 'US', leadAgency: 'CBP' };
    proposal.commitments[1] = { ...proposal.commitments[1], leadCountry: 'MX', leadAgency: 'FGR' };
    // The reviewer drops one candidate commitment and one participant.
    proposal.commitments.splice(3, 1);
    proposal.participants = proposal.participants.filter(
      (x: { name: string }) => x.name !== 'Anne Milgram',
    );
    const res = await cbp({
      method: 'POST',
      url: '/api/v1/readouts',
      payload: { content: EN, filename: 'readout.txt', proposal, marking: 'TLP:GREEN' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await auditTail(h.db)).last).toMatchObject({ action: 'readout.accept', outcome: 'ok' });
    const saved = res.json();
    expect(saved.commitments).toHaveLength(3);
    expect(saved.participants.find((x: { id: string }) => x.id === ortiz)).toMatchObject({
      created: false,
    });
    expect(saved.participants.filter((x: { created: boolean }) => x.created)).toHaveLength(5);
    const meeting = (
      await fgr({ method: 'GET', url: `/api/v1/meetings/${saved.meeting.id}` })
    ).json();
    expect(meeting).toMatchObject({
      date: '2025-03-05',
      endDate: '2025-03-06',
      place: 'Washington',
    });
    expect(meeting.documents[0]).toMatchObject({
      documentId: saved.document.id,
      kind: 'readout',
      language: 'en',
    });
    const doc = (await fgr({ method: 'GET', url: `/api/v1/records/${saved.document.id}` })).json();
    expect(doc.properties.bodyText[0]).toContain('Deputy Attorney General Lisa Monaco');
    const listed = (
      await fgr({ method: 'GET', url: `/api/v1/commitments?meetingId=${saved.meeting.id}` })
    ).json();
    expect(listed.items.map((c: { leadAgency: string }) => c.leadAgency).sort()).toEqual([
      'ATF',
      'CBP',
      'FGR',
    ]);
  });
});
