import { describe, expect, it } from 'vitest';
import { normaliseEmail, normaliseUrl } from './web.js';

describe('normaliseEmail', () => {
  it.each([
    ['juan.perez@Example.COM', 'juan.perez@example.com'],
    [' mailto:Ana@fgr.gob.mx ', 'Ana@fgr.gob.mx'],
    ['josé@correo.mx', 'josé@correo.mx'],
  ])('%s -> %s', (raw, value) => {
    expect(normaliseEmail(raw)).toEqual({ ok: true, value });
  });

  it.each(['juan', 'juan@', '@example.com', 'juan@example', 'a b@example.com', 'a@b@c.com'])(
    'rejects %s',
    (raw) => {
      expect(normaliseEmail(raw)).toMatchObject({ ok: false, code: 'invalid_email' });
    },
  );
});

describe('normaliseUrl', () => {
  it('accepts and normalises http and https', () => {
    expect(normaliseUrl('HTTPS://Example.org')).toEqual({
      ok: true,
      value: 'https://example.org/',
    });
    expect(normaliseUrl('http://example.org/a?b=1#c')).toEqual({
      ok: true,
      value: 'http://example.org/a?b=1#c',
    });
  });

  it.each([
    'ftp://example.org/file',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'example.org',
    '',
    'https://user:secret@example.org/',
  ])('rejects %s', (raw) => {
    expect(normaliseUrl(raw)).toMatchObject({ ok: false, code: 'invalid_url' });
  });
});
