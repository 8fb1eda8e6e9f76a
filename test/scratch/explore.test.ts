import { afterAll, beforeAll, it } from 'vitest';
import { as, openHarness, type Harness } from '../http/harness.js';
import { resolveAll } from '../../src/services/resolution/resolve-all.js';
import { operator } from '../support/factories.js';

let h: Harness;
beforeAll(async () => { h = await openHarness(); });
afterAll(() => h.close());

it('explores', async () => {
  const fgr = as(h.app, h.fgr);
  const cbp = as(h.app, h.cbp);
  const post = async (who: typeof fgr, payload: object) => {
    const r = await who({ method: 'POST', url: '/api/v1/records', payload });
    if (r.statusCode !== 201) throw new Error(r.body);
    return r.json().id as string;
  };
  const a = await post(fgr, { schema: 'Person', properties: { name: ['José Luis García Hernández'], birthDate: ['1970-05-02'], nationality: ['MX'] }, marking: 'TLP:AMBER', relCountries: ['MX', 'US'] });
  const b = await post(cbp, { schema: 'Person', properties: { name: ['GARCIA HERNANDEZ, JOSE L.'], birthDate: ['1970-05-02'] }, marking: 'TLP:GREEN' });
  const c = await post(fgr, { schema: 'Person', properties: { name: ['José García'], birthDate: ['1985-11-20'] }, marking: 'TLP:GREEN' });
  for (const id of [a, b, c]) console.log('entity', id, JSON.stringify((await fgr({ url: `/api/v1/entities/${id}` })).json()).slice(0, 1500));
  console.log('explain', (await fgr({ url: `/api/v1/match/explain?a=${a}&b=${b}` })).body);
  console.log('explain ac', (await fgr({ url: `/api/v1/match/explain?a=${a}&b=${c}` })).body);
  console.log('search', (await fgr({ url: `/api/v1/entities?q=Pepe%20Garcia` })).body);
  console.log('review', (await fgr({ url: `/api/v1/entities/review` })).body);
  const s = await resolveAll(operator(h.db), { workers: 2 });
  console.log('summary', JSON.stringify(s));
  console.log('entity after', (await fgr({ url: `/api/v1/entities/${b}` })).body.slice(0, 600));
  console.log('explain after', (await fgr({ url: `/api/v1/match/explain?a=${a}&b=${b}` })).body);
  console.log('rcmp', (await as(h.app, h.rcmp)({ url: `/api/v1/entities/${b}` })).body.slice(0, 800));
  console.log('rcmp explain', (await as(h.app, h.rcmp)({ url: `/api/v1/match/explain?a=${a}&b=${b}` })).body);
  console.log('search', (await fgr({ url: `/api/v1/entities?q=Pepe%20Garcia` })).body);
}, 120000);
