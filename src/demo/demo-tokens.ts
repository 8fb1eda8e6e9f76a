import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoUser } from './seed-staff.js';

export const demoTokensPath = (dataDir: string): string => join(dataDir, 'demo-tokens.json');

export const hasDemoTokens = (dataDir: string): boolean => existsSync(demoTokensPath(dataDir));

/** Keeps the demo tokens beside the embedded database, readable by its owner only. */
export function saveDemoTokens(dataDir: string, users: DemoUser[]): string {
  const path = demoTokensPath(dataDir);
  writeFileSync(path, `${JSON.stringify(users, null, 2)}\n`, { mode: 0o600 });
  // The mode above applies only when the file is created.
  chmodSync(path, 0o600);
  return path;
}
