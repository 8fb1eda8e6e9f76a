import { invalid, valid, type ValueResult } from '../result.js';

const EMAIL_EXPECTED = 'an email address such as name@example.org';
const URL_EXPECTED = 'a web address starting with http:// or https://';
const MAX_EMAIL_LENGTH = 254;
const MAX_URL_LENGTH = 2000;

const EMAIL =
  /^[^\s@<>()[\],;:"\\]+@((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,})$/u;

/** The domain is case-insensitive and lower-cased; the local part is kept as written (RFC 5321). */
export function normaliseEmail(raw: string): ValueResult {
  const s = raw.trim().replace(/^mailto:/i, '');
  if (s.length > MAX_EMAIL_LENGTH) return invalid('invalid_email', EMAIL_EXPECTED);
  const m = EMAIL.exec(s);
  if (!m) return invalid('invalid_email', EMAIL_EXPECTED);
  const domain = m[1] ?? '';
  return valid(`${s.slice(0, s.length - domain.length)}${domain.toLowerCase()}`);
}

/**
 * Only web links are stored. Links with embedded credentials are refused so a
 * password pasted with a URL never spreads to partner agencies.
 */
export function normaliseUrl(raw: string): ValueResult {
  const s = raw.trim();
  if (s.length > MAX_URL_LENGTH) return invalid('invalid_url', URL_EXPECTED);
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return invalid('invalid_url', URL_EXPECTED);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return invalid('invalid_url', URL_EXPECTED);
  }
  if (url.hostname === '') return invalid('invalid_url', URL_EXPECTED);
  if (url.username !== '' || url.password !== '') {
    return invalid('invalid_url', `${URL_EXPECTED}, without a user name or password`);
  }
  if (url.href.length > MAX_URL_LENGTH) return invalid('invalid_url', URL_EXPECTED);
  return valid(url.href);
}
