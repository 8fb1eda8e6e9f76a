import { spawn } from 'node:child_process';
import type { Log } from '../types.js';
import type { ChildInput, ChildOutput } from './child.js';

const CHILD = new URL('./child.ts', import.meta.url).pathname;

/**
 * Runs the measured part in a child process (through tsx, as in development), passing its
 * progress lines on to `log`, and returns its outcome (the last line of its stdout).
 */
export function runChild(input: ChildInput, log: Log): Promise<ChildOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(input)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let out = '';
    let partial = '';
    const tail: string[] = [];
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 40) tail.shift();
        if (line.trim()) log(`measure: ${line}`);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (partial.trim()) log(`measure: ${partial}`);
      if (code !== 0) {
        reject(new Error(`measuring child exited with ${code}: ${tail.join('\n').trim()}`));
        return;
      }
      resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildOutput);
    });
  });
}
