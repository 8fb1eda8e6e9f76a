import { generateRecords } from '/work/main/bench/lib/dataset/generate.js';
import { AGENCIES, STAFF } from '/work/main/bench/lib/dataset/agencies.js';
import { v7 } from 'uuid';
const users = AGENCIES.flatMap((a) => STAFF.map(() => ({ id: v7(), agency: a.code })));
const t0 = Date.now();
let n = 0, terms = 0, garcia = 0, goico = 0; const markings: Record<string, number> = {};
const sample: unknown[] = [];
const termCount = new Map<string, number>();
for (const v of generateRecords(100000, 42, { agencies: AGENCIES, users })) {
  n++; terms += v.terms.length; if (v.terms.includes('garcia')) garcia++; if (v.terms.includes('goicoechea')) goico++;
  markings[v.marking] = (markings[v.marking] ?? 0) + 1;
  for (const t of v.terms) termCount.set(t, (termCount.get(t) ?? 0) + 1);
  if (n % 9973 === 0) sample.push(v);
}
console.log('ms', Date.now() - t0, { n, terms: terms / n, garcia, goico, markings });
console.log([...termCount].sort((a, b) => b[1] - a[1]).slice(0, 40));
console.log(JSON.stringify(sample.slice(0, 5), null, 1));
