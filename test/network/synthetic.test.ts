import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scorePlanted, type PlantedScore } from '../../bench/lib/network/planted.js';
import { loadSynthetic } from '../../src/demo/load-synthetic.js';
import { seedStaff } from '../../src/demo/seed-staff.js';
import { importerFor } from '../../src/services/imports/importer.js';
import { generateSynth } from '../../src/synth/generate.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

// The synthetic data set loaded as the partners send it and resolved, then analysed as HSI,
// which wrote the intelligence on the planted networks: the communities must find them and
// their leaders and brokers must lead the key players (the accuracy targets).

const SCALE = 4000;
const SEED = 3;
let database: TestDatabase;
let dir: string;
let score: PlantedScore;

beforeAll(async () => {
  database = await openTestDatabase();
  const operator = { db: database.db, viewer: null, operator: true };
  await seedStaff(operator);
  await loadSynthetic(database.db, { scale: SCALE, seed: SEED });
  dir = mkdtempSync(join(tmpdir(), 'puente-network-synth-'));
  generateSynth({ scale: SCALE, seed: SEED, out: dir });
  const viewer = await importerFor(operator, 'HSI');
  score = await scorePlanted({ db: database.db, viewer }, join(dir, 'truth'));
}, 300_000);
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await database?.close();
});

describe('the planted networks of the synthetic data set', () => {
  it('are found as communities (NMI at least 0.8)', () => {
    expect(score.found).toBe(score.planted);
    expect(score.nmi).toBeGreaterThanOrEqual(0.8);
  });

  it('have their leaders and brokers among the top key players', () => {
    expect(score.leaderTop3).toBeGreaterThanOrEqual(Math.ceil(0.75 * score.networks));
    expect(score.leaderFirst).toBeGreaterThanOrEqual(Math.ceil(0.6 * score.networks));
    expect(score.brokersTop5).toBe(score.brokers);
  });
});
