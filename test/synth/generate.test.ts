import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from '../../src/domain/model/schemas.js';
import { ANY_SCHEMA, LINK_TYPE_DEFS } from '../../src/domain/model/link-types.js';
import { validateProperties } from '../../src/domain/model/validate.js';
import { isValidCurp } from '../../src/synth/curp.js';
import { businessDayIndex, dayOf } from '../../src/synth/dates.js';
import { generateSynth } from '../../src/synth/generate.js';
import type { MappingRecord } from '../../src/synth/output/mapping.js';
import { personAt } from '../../src/synth/people/person.js';
import { GUN_MODELS } from '../../src/synth/tables/firearms.js';
import { createWorld } from '../../src/synth/world/world.js';
import {
  fillTemplate,
  readCsv,
  readManifest,
  readNdjson,
  templateColumns,
  type Manifest,
  type ManifestFile,
} from './support.js';

const SCALE = 40_000;
const SEED = 3;
let dir: string;
let manifest: Manifest;
const dirs: string[] = [];

function tempDir() {
  const d = mkdtempSync(join(tmpdir(), 'puente-synth-'));
  dirs.push(d);
  return d;
}

beforeAll(() => {
  dir = tempDir();
  generateSynth({ scale: SCALE, seed: SEED, out: dir });
  manifest = readManifest(dir);
}, 60_000);
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const csvFiles = () => manifest.files.filter((f) => f.format === 'csv');
const byAgency = (agency: string) => manifest.files.find((f) => f.agency === agency)!;

interface Entity {
  id: string;
  schema?: string;
  type?: string;
  source?: string;
  target?: string;
  properties?: Record<string, string[]>;
}
interface TruthRecord {
  entity: string;
  kind: string;
  schema: string;
  agency: string;
  id: string;
  file: string;
}
interface Trace {
  recovery: { agency: string; id: string };
  firearm: { agency: string; id: string };
  outcome: string;
  type: string;
  recovered: string;
  sale: { agency: string; id: string; firearm: string; date: string; straw: boolean } | null;
  timeToCrimeDays: number | null;
}

function fileHashes(d: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (p: string) => {
    for (const name of readdirSync(p)) {
      const full = join(p, name);
      if (statSync(full).isDirectory()) walk(full);
      else
        out[full.slice(d.length)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(d);
  return out;
}

/** Every record id each file holds: CSV rows through their mapping's id templates. */
function recordIds(f: ManifestFile): Set<string> {
  const ids = new Set<string>();
  if (f.format === 'ndjson') {
    for (const e of readNdjson<Entity>(dir, f.file)) if (e.schema) ids.add(e.id);
    return ids;
  }
  const mapping = parseYaml(readFileSync(join(dir, f.mapping!), 'utf8')) as {
    records: MappingRecord[];
  };
  for (const row of readCsv(dir, f).rows) {
    for (const rec of mapping.records) {
      if (rec.optional && templateColumns(rec.id).every((c) => !row[c])) continue;
      ids.add(fillTemplate(rec.id, row));
    }
  }
  return ids;
}

describe('puente synth output', () => {
  it('is byte-identical for the same seed and scale, and differs for another seed', () => {
    const a = tempDir();
    const b = tempDir();
    const c = tempDir();
    generateSynth({ scale: 3000, seed: 11, out: a });
    generateSynth({ scale: 3000, seed: 11, out: b });
    generateSynth({ scale: 3000, seed: 12, out: c });
    const ha = fileHashes(a);
    expect(Object.keys(ha).length).toBeGreaterThanOrEqual(15);
    expect(fileHashes(b)).toEqual(ha);
    expect(fileHashes(c)['/atf-firearm-sales.csv']).not.toBe(ha['/atf-firearm-sales.csv']);
  });

  it('writes about `scale` records in all', () => {
    expect(manifest.counts.records).toBeGreaterThan(SCALE * 0.9);
    expect(manifest.counts.records).toBeLessThan(SCALE * 1.1);
    expect(new Set(manifest.files.map((f) => f.agency))).toEqual(
      new Set(['CBP', 'ATF', 'FGR', 'SEDENA', 'RCMP', 'HSI']),
    );
    expect(new Set(manifest.files.map((f) => f.marking))).toEqual(
      new Set(['AMBER', 'GREEN', 'AMBER+STRICT']),
    );
  });

  it('writes each file in its declared encoding', () => {
    for (const f of manifest.files) {
      const bytes = readFileSync(join(dir, f.file));
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      expect({ file: f.file, bom }).toEqual({ file: f.file, bom: f.bom });
      const utf8 = (() => {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          return true;
        } catch {
          return false;
        }
      })();
      expect({ file: f.file, utf8 }).toEqual({ file: f.file, utf8: f.encoding === 'utf-8' });
    }
    const fgr = readFileSync(join(dir, byAgency('FGR').file));
    // ñ is one byte, 0xF1, in Windows-1252 (in UTF-8 it would be C3 B1).
    expect(fgr.includes(0xf1)).toBe(true);
    expect(readCsv(dir, byAgency('FGR')).rows.some((r) => /ñ/i.test(r.PRIMER_APELLIDO!))).toBe(
      true,
    );
  });

  it('has the same number of fields on every CSV row', () => {
    for (const f of csvFiles()) {
      const { header, rows } = readCsv(dir, f);
      expect(rows.length).toBe(f.rows);
      const raw = readFileSync(join(dir, f.file), 'latin1').split('\r\n').filter(Boolean);
      expect(raw.every((l) => l.split(f.delimiter!).length >= header.length)).toBe(true);
    }
  });

  it('names only existing columns, schemas, properties and link types in its mappings', () => {
    for (const f of csvFiles()) {
      const { header } = readCsv(dir, f);
      const mapping = parseYaml(readFileSync(join(dir, f.mapping!), 'utf8')) as {
        records: MappingRecord[];
        links: { type: string; source: string; target: string }[];
      };
      const columns = new Set<string>();
      const schemaOf = new Map<string, string>();
      for (const rec of mapping.records) {
        const schema = getSchema(rec.schema);
        expect(schema && !schema.abstract, rec.schema).toBe(true);
        schemaOf.set(rec.key, rec.schema);
        templateColumns(rec.id).forEach((c) => columns.add(c));
        if (typeof rec.marking === 'object') columns.add(rec.marking.column);
        for (const [name, source] of Object.entries(rec.properties)) {
          expect(schema!.properties[name], `${rec.schema}.${name}`).toBeDefined();
          if (source.column) columns.add(source.column);
          source.columns?.forEach((c) => columns.add(c));
          if (source.template) templateColumns(source.template).forEach((c) => columns.add(c));
        }
      }
      expect([...columns].filter((c) => !header.includes(c))).toEqual([]);
      for (const link of mapping.links) {
        const def = LINK_TYPE_DEFS.find((d) => d.name === link.type);
        expect(def, link.type).toBeDefined();
        expect(def!.source).toContain(schemaOf.get(link.source));
        expect(def!.target).toContain(schemaOf.get(link.target));
      }
    }
  });

  it('writes native lines the validators accept, with links between records of the file', () => {
    const lines = readNdjson<Entity>(dir, byAgency('HSI').file);
    const schemaOf = new Map(lines.filter((l) => l.schema).map((l) => [l.id, l.schema!]));
    for (const l of lines.slice(0, 5000)) {
      if (l.schema) {
        const result = validateProperties(l.schema, l.properties);
        expect(result.ok ? [] : result.errors).toEqual([]);
      } else {
        const def = LINK_TYPE_DEFS.find((d) => d.name === l.type)!;
        const allows = (ends: readonly string[], id: string) =>
          ends.includes(ANY_SCHEMA) || ends.includes(schemaOf.get(id)!);
        expect(allows(def.source, l.source!) && allows(def.target, l.target!), l.type).toBe(true);
      }
    }
    const phones = lines.filter((l) => l.schema === 'Phone').map((l) => l.properties!.number![0]!);
    expect(phones.every((p) => /^\+(52\d{10}|1\d{10})$/.test(p))).toBe(true);
    expect(new Set(phones).size).toBe(phones.length);
  });

  it('puts a valid CURP only in Mexican records', () => {
    const curps = [
      ...readCsv(dir, byAgency('FGR')).rows.map((r) => r.CURP!),
      ...readCsv(dir, byAgency('SEDENA')).rows.map((r) => r.CURP!),
    ].filter(Boolean);
    expect(curps.length).toBeGreaterThan(100);
    expect(curps.filter((c) => !isValidCurp(c))).toEqual([]);
    const hsi = readNdjson<Entity>(dir, byAgency('HSI').file);
    expect(hsi.some((l) => l.properties?.curp)).toBe(false);
    const others = manifest.files.filter((f) => !['FGR', 'SEDENA'].includes(f.agency));
    for (const f of others) {
      expect(readFileSync(join(dir, f.file), 'utf8')).not.toMatch(
        /[A-Z]{4}\d{6}[HM][A-Z]{5}[0-9A-Z]\d/,
      );
    }
  });

  it('names in its ground truth only records that exist, and every record of a real entity', () => {
    const ids = new Map(manifest.files.map((f) => [f.file, recordIds(f)]));
    const truth = readNdjson<TruthRecord>(dir, 'truth/records.ndjson');
    expect(truth.filter((t) => !ids.get(t.file)!.has(t.id))).toEqual([]);
    const keys = truth.map((t) => `${t.agency}|${t.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Every person record of every file is in the truth.
    const people = truth.filter((t) => t.kind === 'person');
    const perFile = manifest.files.map((f) => people.filter((p) => p.file === f.file).length);
    expect(perFile.every((n) => n > 0)).toBe(true);
    const traces = readNdjson<Trace>(dir, 'truth/traces.ndjson');
    const atf = ids.get(byAgency('ATF').file)!;
    for (const t of traces) {
      const file = byAgency(t.recovery.agency).file;
      expect(ids.get(file)!.has(t.recovery.id)).toBe(true);
      expect(ids.get(file)!.has(t.firearm.id)).toBe(true);
      if (t.sale) expect(atf.has(t.sale.id) && atf.has(t.sale.firearm)).toBe(true);
    }
    const networks = JSON.parse(readFileSync(join(dir, 'truth/networks.json'), 'utf8')) as {
      type: string;
      members: { records: { agency: string; id: string }[] }[];
    }[];
    const all = new Set(keys);
    for (const n of networks) {
      expect(n.members.length).toBeGreaterThanOrEqual(3);
      for (const m of n.members)
        for (const r of m.records) expect(all.has(`${r.agency}|${r.id}`)).toBe(true);
    }
    // Planted members turn up in several partners' files.
    const agencies = networks.flatMap((n) =>
      n.members.map((m) => new Set(m.records.map((r) => r.agency)).size),
    );
    expect(agencies.filter((a) => a >= 2).length / agencies.length).toBeGreaterThan(0.5);
  });

  it('traces about 69% of Mexican recoveries to a US sale, rifles +105% from 2016 to 2023', () => {
    const traces = readNdjson<Trace>(dir, 'truth/traces.ndjson');
    const traced = traces.filter((t) => t.sale).length / traces.length;
    expect(traced).toBeGreaterThan(0.67);
    expect(traced).toBeLessThan(0.71);
    const rifles = (year: string) =>
      traces.filter((t) => t.type === 'rifle' && t.recovered.startsWith(year)).length;
    const growth = rifles('2023') / rifles('2016');
    expect(growth).toBeGreaterThan(1.85);
    expect(growth).toBeLessThan(2.25);
    const ttc = traces.flatMap((t) => (t.timeToCrimeDays === null ? [] : [t.timeToCrimeDays]));
    expect(ttc.every((d) => d >= 14)).toBe(true);
    const under = (days: number) => ttc.filter((d) => d < days).length / ttc.length;
    expect(under(365)).toBeGreaterThan(0.2);
    expect(under(365)).toBeLessThan(0.4);
    expect(under(3 * 365)).toBeGreaterThan(0.6);
    expect(under(3 * 365)).toBeLessThan(0.8);
    // Each sold gun is recovered at most once.
    const sales = traces.flatMap((t) => (t.sale ? [t.sale.id] : []));
    expect(new Set(sales).size).toBe(sales.length);
  });

  it('flags multiple sales exactly as the rule says', () => {
    const { rows } = readCsv(dir, byAgency('ATF'));
    const kind = (r: Record<string, string>) => {
      const model = GUN_MODELS.find((g) => g.make === r.Manufacturer && g.model === r.Model)!;
      if (model.type === 'pistol' || model.type === 'revolver') return 'handgun';
      return model.reportableRifle && ['AZ', 'CA', 'NM', 'TX'].includes(r['Dealer State']!)
        ? 'rifle'
        : null;
    };
    const day = (r: Record<string, string>) => {
      const [m, d, y] = r['Sale Date']!.split('/');
      return businessDayIndex(dayOf(`${y}-${m}-${d}`));
    };
    const byBuyer = new Map<string, Record<string, string>[]>();
    for (const r of rows)
      byBuyer.set(r['Purchaser ID']!, [...(byBuyer.get(r['Purchaser ID']!) ?? []), r]);
    let flagged = 0;
    for (const r of rows) {
      const k = kind(r);
      const expected =
        k !== null &&
        byBuyer
          .get(r['Purchaser ID']!)!
          .some((o) => o !== r && kind(o) === k && Math.abs(day(o) - day(r)) <= 4);
      expect(r['Multiple Sale Report']).toBe(expected ? 'Y' : 'N');
      if (expected) flagged++;
    }
    expect(flagged / rows.length).toBeGreaterThan(0.1);
  });

  it('shows the documented noise in names and birth dates', () => {
    const world = createWorld(SEED, SCALE);
    const truth = new Map(
      readNdjson<TruthRecord>(dir, 'truth/records.ndjson').map((t) => [`${t.agency}|${t.id}`, t]),
    );
    const real = (agency: string, id: string) =>
      personAt(world, Number(truth.get(`${agency}|${id}`)!.entity.slice(2)));
    const rate = (xs: boolean[]) => xs.filter(Boolean).length / xs.length;

    const hsi = readNdjson<Entity>(dir, byAgency('HSI').file).filter((l) => l.schema === 'Person');
    const hsiReal = hsi.map((l) => ({ p: l.properties!, t: real('HSI', l.id) }));
    const mexicans = hsiReal.filter((x) => x.t.maternal);
    // Left out (30%) or moved into the paternal place (4%).
    expect(rate(mexicans.map((x) => !x.p.motherName))).toBeCloseTo(0.34, 1);
    expect(rate(hsiReal.map((x) => !x.p.birthDate))).toBeCloseTo(0.35, 1);

    // One row per person record: a receiver caught many times counts once.
    const fgr = [
      ...new Map(
        readCsv(dir, byAgency('FGR'))
          .rows.filter((r) => r.ID_PERSONA)
          .map((r) => [r.ID_PERSONA, r]),
      ).values(),
    ];
    const fgrReal = fgr.map((r) => ({ r, t: real('FGR', r.ID_PERSONA!) }));
    expect(rate(fgrReal.filter((x) => x.t.curp).map((x) => x.r.CURP !== ''))).toBeCloseTo(0.7, 1);
    expect(rate(fgrReal.map((x) => x.r.FECHA_NACIMIENTO === ''))).toBeCloseTo(0.25, 1);

    const cbp = readCsv(dir, byAgency('CBP')).rows;
    const accented = cbp
      .map((r) => ({ r, t: real('CBP', r['Driver ID']!) }))
      .filter((x) => /[^\x20-\x7e]/.test(x.t.given + x.t.paternal + (x.t.maternal ?? '')));
    const plain = accented.map(
      (x) => !/[^\x20-\x7e]/.test(x.r['Driver First Name']! + x.r['Driver Last Name']!),
    );
    // 60% dropped on purpose; nicknames and initials lose a few more.
    expect(rate(plain)).toBeGreaterThan(0.55);
    expect(rate(plain)).toBeLessThan(0.72);

    // Day and month swapped where both are 12 or less.
    const swappable = [
      ...hsiReal.map((x) => ({ shown: x.p.birthDate?.[0], t: x.t })),
      ...fgrReal.map((x) => ({
        shown: x.r.FECHA_NACIMIENTO!.split('/').reverse().join('-'),
        t: x.t,
      })),
    ].filter(
      (x) =>
        x.shown &&
        Number(x.t.birthDate.slice(8)) <= 12 &&
        x.t.birthDate.slice(8) !== x.t.birthDate.slice(5, 7),
    );
    const swapped = swappable.map((x) => x.shown !== x.t.birthDate);
    expect(rate(swapped)).toBeGreaterThan(0.01);
    expect(rate(swapped)).toBeLessThan(0.08);

    // Common surnames: different people share a full name.
    const names = new Map<string, Set<number>>();
    for (const x of hsiReal) {
      const n = `${x.t.given} ${x.t.paternal}`;
      names.set(n, (names.get(n) ?? new Set()).add(x.t.key));
    }
    expect([...names.values()].some((s) => s.size > 1)).toBe(true);
  });
});
