import { spawn } from 'node:child_process';
import type { Log } from '../types.js';
import type { ChildInput, ChildOutput } from './import-child.js';

const CHILD = new URL('./import-child.ts', import.meta.url).pathname;

/** Runs one import in a child process (through tsx, as in development) and returns its outcome. */
export function runImport(input: ChildInput, log: Log): Promise<ChildOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(input)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        log(err.trim());
        reject(new Error(`import child exited with ${code}: ${err.trim().split('\n')[0]}`));
        return;
      }
      resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildOutput);
    });
  });
}
