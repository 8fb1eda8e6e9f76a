import { describe, expect, it } from 'vitest';
import { normaliseEnum } from './enum.js';

const STATUSES = ['planned', 'on track', 'at risk', 'done', 'dropped'];

describe('normaliseEnum', () => {
  it('matches ignoring case, accents and separators and returns the canonical spelling', () => {
    expect(normaliseEnum('On Track', STATUSES)).toEqual({ ok: true, value: 'on track' });
    expect(normaliseEnum('at_risk', STATUSES)).toEqual({ ok: true, value: 'at risk' });
    expect(normaliseEnum(' DONE ', STATUSES)).toEqual({ ok: true, value: 'done' });
    expect(normaliseEnum('Trilatéral', ['bilateral', 'trilateral'])).toEqual({
      ok: true,
      value: 'trilateral',
    });
  });

  it('lists the options when nothing matches', () => {
    const r = normaliseEnum('late', STATUSES);
    expect(r).toMatchObject({ ok: false, code: 'invalid_choice' });
    if (!r.ok) expect(r.expected).toBe('one of: planned, on track, at risk, done, dropped');
  });
});
